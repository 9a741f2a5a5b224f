// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finding one byte (a line's '\n', a rare '\r', '`', '[' ...) in a run of
// bytes. Natively std::memchr: glibc's is vectorized already. Under Emscripten
// memchr is musl's, four bytes a step, and it was the batch's largest wasm cost
// (5 % of samples): there the SSE2 loop below runs, which Emscripten maps onto
// wasm SIMD, sixteen bytes a test. Both variants are reachable through
// scan_variants::findByte, which the unit tests compare with a byte loop.

#include "core/WasmOutline.h"

#include <bit>
#include <cstddef>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bi::bytes {

#if defined(__EMSCRIPTEN__) && defined(__SSE2__)
inline constexpr bool kFindSimd = true;
#else
inline constexpr bool kFindSimd = false;
#endif

namespace detail {

#if defined(__SSE2__)
inline unsigned matchMask(const char* p, __m128i needle) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, needle)));
}

// 16 bytes a test (an unrolled 64-byte loop for the long whole-document
// scans measured no faster: most searches end within a line). The last,
// partial block is the input's last 16 bytes, which overlap bytes tested
// already (masked off), so nothing is read past the end. Below 16 bytes, a
// byte loop. One function out of line (BI_WASM_OUTLINE): inlined into its dozen
// callers it made the Markdown parser's largest functions bigger, and V8's
// TurboFan compiles of them took 5 MB more of the Node host's peak RSS.
BI_WASM_OUTLINE inline std::size_t indexOfSimd(const char* p, std::size_t n, char c) {
    if (n < 16) {
        for (std::size_t i = 0; i < n; ++i) {
            if (p[i] == c) {
                return i;
            }
        }
        return n;
    }
    const __m128i needle = _mm_set1_epi8(c);
    std::size_t i = 0;
    for (; n - i >= 16; i += 16) {
        if (const unsigned mask = matchMask(p + i, needle); mask != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(mask));
        }
    }
    if (i == n) {
        return n;
    }
    const unsigned mask = matchMask(p + n - 16, needle) >> (16 - (n - i));
    return mask != 0 ? i + static_cast<std::size_t>(std::countr_zero(mask)) : n;
}
#endif

} // namespace detail

// Index of the first c in [p, p + n), or n.
template <bool Simd> inline std::size_t indexOfWith(const char* p, std::size_t n, char c) {
#if defined(__SSE2__)
    if constexpr (Simd) {
        return detail::indexOfSimd(p, n, c);
    }
#endif
    if (n == 0) {
        return 0; // (memchr wants a valid pointer even for no bytes)
    }
    const void* hit = std::memchr(p, c, n);
    return hit == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(hit) - p);
}

inline std::size_t indexOf(const char* p, std::size_t n, char c) {
    return indexOfWith<kFindSimd>(p, n, c);
}

// As std::string_view::find(c, from): the first c at or after from, or npos.
inline std::size_t find(std::string_view s, char c, std::size_t from = 0) {
    if (from >= s.size()) {
        return std::string_view::npos;
    }
    const std::size_t at = from + indexOf(s.data() + from, s.size() - from, c);
    return at == s.size() ? std::string_view::npos : at;
}

// Whether s holds c.
inline bool contains(std::string_view s, char c) {
    return indexOf(s.data(), s.size(), c) != s.size();
}

} // namespace bi::bytes
