// SPDX-License-Identifier: GPL-3.0-or-later
// "line L, column C" of a byte offset, for error messages (1-based; columns
// count characters).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bi::extract::structured {

inline std::string describePosition(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace bi::extract::structured
