// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML standard's named character references (all 2,231 names, generated at
// build time from the npm `entities` package), shared by the HTML tokenizer and
// the CommonMark parser.
#pragma once

#include <cstddef>
#include <string_view>

namespace bi::extract::entities {

// Exact lookup. `name` excludes '&' but includes the trailing ';' when the
// reference has one ("amp;"); legacy names also exist without it ("amp").
// Returns the replacement as UTF-8, or an empty view when unknown.
std::string_view lookup(std::string_view name);

struct Match {
    std::size_t length = 0;          // bytes of the name matched, ';' included; 0 = none
    std::string_view replacement;    // UTF-8
    [[nodiscard]] bool endsWithSemicolon(std::string_view text) const {
        return length > 0 && text[length - 1] == ';';
    }
};

// Longest name that prefixes `textAfterAmpersand` (the HTML tokenizer's rule).
Match longestMatch(std::string_view textAfterAmpersand);

// Number of names in the table.
std::size_t count();

} // namespace bi::extract::entities
