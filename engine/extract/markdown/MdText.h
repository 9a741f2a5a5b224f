// SPDX-License-Identifier: GPL-3.0-or-later
// Character classes and string transformations the CommonMark spec defines:
// escapes, entity references, label normalisation, URI normalisation, and the
// HTML escaping of output. The parser keeps input bytes as they are (so byte
// offsets stay exact); invalid UTF-8 and NUL become U+FFFD only on output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::extract::markdown::text {

bool isAsciiPunctuation(char c);
bool isSpaceOrTab(char c);
// Decodes the code point at `pos` (invalid bytes decode as U+FFFD, length 1).
std::uint32_t decodeAt(std::string_view s, std::size_t pos, std::size_t& length);
// The code point that ends just before `pos`.
std::uint32_t decodeBefore(std::string_view s, std::size_t pos);
bool isUnicodeWhitespace(std::uint32_t cp);
// Unicode P or S categories: ASCII exactly, other blocks by their main ranges.
bool isUnicodePunctuation(std::uint32_t cp);

// Matches an entity or numeric character reference at s[pos] ('&'); appends its
// replacement and returns the bytes consumed, or 0 when there is none.
std::size_t matchEntity(std::string_view s, std::size_t pos, std::string& out);
// Backslash escapes and character references resolved (link destinations,
// titles, info strings).
std::string unescape(std::string_view s);
void appendUnescaped(std::string_view s, std::string& out);
// Link label matching form: trimmed, inner whitespace collapsed, case-folded.
std::string normalizeLabel(std::string_view label);
// Percent-encodes what may not appear in a URI, keeping existing %XX escapes.
std::string normalizeUri(std::string_view uri);
void appendNormalizedUri(std::string_view uri, std::string& out);

// HTML-escapes & < > " and repairs the text (U+FFFD for NUL and invalid UTF-8).
void appendEscaped(std::string_view s, std::string& out);
// Repairs the text only (raw HTML passes through).
void appendRepaired(std::string_view s, std::string& out);

} // namespace bi::extract::markdown::text
