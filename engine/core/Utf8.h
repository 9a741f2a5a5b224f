// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 helpers shared by the JSON parser and the document extractors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bi::utf8 {

// Appends the UTF-8 encoding of a code point (surrogates and values above
// U+10FFFF are written as U+FFFD).
inline void append(std::uint32_t cp, std::string& out) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6U));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12U));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18U));
        out += static_cast<char>(0x80 | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    }
}

// Writes the UTF-8 encoding of a code point to out (room for 4 bytes) and
// returns its length; surrogates and values above U+10FFFF become U+FFFD.
inline std::size_t encode(std::uint32_t cp, char* out) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        cp = 0xFFFD;
    }
    auto put = [out](std::size_t i, std::uint32_t v) { out[i] = static_cast<char>(v); };
    if (cp < 0x80) {
        put(0, cp);
        return 1;
    }
    if (cp < 0x800) {
        put(0, 0xC0 | (cp >> 6U));
        put(1, 0x80 | (cp & 0x3FU));
        return 2;
    }
    if (cp < 0x10000) {
        put(0, 0xE0 | (cp >> 12U));
        put(1, 0x80 | ((cp >> 6U) & 0x3FU));
        put(2, 0x80 | (cp & 0x3FU));
        return 3;
    }
    put(0, 0xF0 | (cp >> 18U));
    put(1, 0x80 | ((cp >> 12U) & 0x3FU));
    put(2, 0x80 | ((cp >> 6U) & 0x3FU));
    put(3, 0x80 | (cp & 0x3FU));
    return 4;
}

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 when the
// bytes there are not one (overlong forms, surrogates and truncation included).
inline std::size_t sequenceLength(std::string_view text, std::size_t pos) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const std::size_t n = text.size();
    unsigned char c = at(pos);
    if (c < 0x80) {
        return 1;
    }
    auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < n && at(i) >= lo && at(i) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) {
        return cont(pos + 1) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return cont(pos + 1, lo, hi) && cont(pos + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return cont(pos + 1, lo, hi) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
    }
    return 0;
}

// Offset of the first invalid byte, or npos when the whole text is valid UTF-8.
inline std::size_t firstInvalid(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = sequenceLength(text, i);
        if (len == 0) {
            return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

} // namespace bi::utf8
