// SPDX-License-Identifier: GPL-3.0-or-later
// Turns a document's bytes into UTF-8 text.
//
// - UTF-8 without problems: the text is a view of the input (no copy); a UTF-8
//   byte order mark is skipped.
// - UTF-16 with a byte order mark (FF FE little endian, FE FF big endian):
//   decoded; an unpaired surrogate or a dangling odd byte becomes U+FFFD.
// - Anything else (Latin-1, truncated sequences, stray bytes): read as UTF-8
//   where it is well formed, and every byte that does not start a well-formed
//   sequence is replaced by one U+FFFD. NUL bytes are kept (they are valid
//   UTF-8). Nothing is ever rejected.
#pragma once

#include <string>
#include <string_view>

namespace bi::extract::text {

enum class SourceEncoding { Utf8, Utf8Repaired, Utf16Le, Utf16Be };

struct DecodedText {
    std::string_view text; // into the input, or into the storage string
    SourceEncoding encoding = SourceEncoding::Utf8;
};

// storage is cleared and used only when the text cannot be a view of bytes.
DecodedText decodeText(std::string_view bytes, std::string& storage);

// Appends bytes as UTF-8, replacing each byte that does not start a
// well-formed sequence by U+FFFD.
void appendRepairedUtf8(std::string_view bytes, std::string& out);

// Offset of the first byte that does not start a well-formed UTF-8 sequence,
// or npos (ASCII runs are skipped 16 bytes at a time).
std::size_t firstInvalidUtf8(std::string_view bytes);

std::string_view encodingName(SourceEncoding encoding);

} // namespace bi::extract::text
