// SPDX-License-Identifier: GPL-3.0-or-later
// Reading UTF-16 code units, shared by the whole-document decoder
// (text::decodeText) and the incremental one (Utf16Source), so that both
// repair the same way: a surrogate pair is one code point, an unpaired
// surrogate U+FFFD, and a dangling odd byte at the end U+FFFD too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bi::extract::text::utf16 {

constexpr std::uint32_t kReplacement = 0xFFFD;

inline std::uint32_t unitAt(std::string_view bytes, std::size_t pos, bool littleEndian) {
    const auto lo = static_cast<unsigned char>(bytes[littleEndian ? pos : pos + 1]);
    const auto hi = static_cast<unsigned char>(bytes[littleEndian ? pos + 1 : pos]);
    return static_cast<std::uint32_t>(hi) << 8U | lo;
}

// The code point at bytes[pos] (pos + 1 < bytes.size()), moving pos past it.
// A high surrogate looks at the next unit wherever it is in bytes, so a
// caller decoding in blocks gets what decoding all of bytes gives.
inline std::uint32_t nextCodePoint(std::string_view bytes, std::size_t& pos, bool littleEndian) {
    const std::uint32_t unit = unitAt(bytes, pos, littleEndian);
    pos += 2;
    if (unit < 0xD800 || unit > 0xDFFF) {
        return unit;
    }
    if (unit <= 0xDBFF && pos + 1 < bytes.size()) {
        const std::uint32_t next = unitAt(bytes, pos, littleEndian);
        if (next >= 0xDC00 && next <= 0xDFFF) {
            pos += 2;
            return 0x10000 + ((unit - 0xD800) << 10U) + (next - 0xDC00);
        }
    }
    return kReplacement;
}

} // namespace bi::extract::text::utf16
