// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ByteFind.h"

#include "core/ScanVariants.h"

std::size_t bi::scan_variants::findByte(std::string_view text, std::size_t from, char byte, bool simd) {
    if (from >= text.size()) {
        return std::string_view::npos;
    }
    const char* const p = text.data() + from;
    const std::size_t n = text.size() - from;
    const std::size_t at =
        from + (simd ? bytes::indexOfWith<kSimd>(p, n, byte) : bytes::indexOfWith<false>(p, n, byte));
    return at == text.size() ? std::string_view::npos : at;
}
