// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON string escaping JSON requires, one byte at a time: the model that the
// engine's block-at-a-time writers (json::writeString, its SIMD and portable scan
// variants) are checked against.
#pragma once

#include <string>
#include <string_view>

namespace bi::test {

inline std::string jsonEscapeModel(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4U];
                out += hex[c & 0xFU];
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

} // namespace bi::test
