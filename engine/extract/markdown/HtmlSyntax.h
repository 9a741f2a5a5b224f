// SPDX-License-Identifier: GPL-3.0-or-later
// The raw-HTML grammar of CommonMark: tags, comments, processing instructions,
// declarations and CDATA (inline), and the start/end conditions of HTML blocks.
#pragma once

#include <cstddef>
#include <string_view>

namespace bi::extract::markdown::html {

// Remembers where a search for a terminator ("-->", "?>", "]]>", ">") already
// failed, so that many unterminated openers cost linear time, not quadratic.
struct ScanMemo {
    static constexpr std::size_t kNever = static_cast<std::size_t>(-1);
    std::size_t commentEndMissingFrom = kNever;
    std::size_t piEndMissingFrom = kNever;
    std::size_t cdataEndMissingFrom = kNever;
    std::size_t declarationEndMissingFrom = kNever;
};

std::size_t openTag(std::string_view s, std::size_t pos);
std::size_t closingTag(std::string_view s, std::size_t pos);
// Any inline raw HTML at s[pos] ('<'): its length, or 0.
std::size_t inlineHtml(std::string_view s, std::size_t pos, ScanMemo& memo);

// HTML block start condition (1-7) of a line starting at '<', or 0. Type 7
// cannot interrupt a paragraph, which the caller states.
int blockStartType(std::string_view rest, bool allowType7);
// Whether the line meets the end condition of a block of type 1-5.
bool blockEnds(int type, std::string_view line);

} // namespace bi::extract::markdown::html
