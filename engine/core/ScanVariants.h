// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The engine's 16-byte scans come in two variants: SSE2 (native x86-64, and
// wasm, where Emscripten maps the intrinsics onto wasm SIMD) and a portable
// one for everything else. Both builds that ship take the SSE2 one, so the
// portable loops are reached through these entry points, which the unit tests
// call with either variant and compare with a byte-by-byte model
// (tests/engine/ExtractScanEdgesTest.cpp). Without SSE2, both are portable.

#include <cstddef>
#include <string>
#include <string_view>

namespace bi::scan_variants {

#if defined(__SSE2__)
inline constexpr bool kSimd = true;
#else
inline constexpr bool kSimd = false;
#endif

// json::writeString (the quoted, escaped string appended to out).
void writeJsonString(std::string_view s, std::string& out, bool simd);
// The HTML tokenizer's run scan: the first byte at or after `from` that is one
// of `stops` (at most four ASCII bytes take the 16-byte test) or not ASCII.
std::size_t firstHtmlStop(std::string_view text, std::size_t from, std::string_view stops, bool simd);
// InlineText's run of words separated by single spaces, from a word byte.
std::size_t wordRunEnd(std::string_view text, std::size_t from, bool simd);
// text::firstInvalidUtf8.
std::size_t firstInvalidUtf8(std::string_view bytes, bool simd);
// bytes::find (core/ByteFind.h): the first `byte` at or after `from`, or npos;
// simd false is std::memchr, the one native builds take.
std::size_t findByte(std::string_view text, std::size_t from, char byte, bool simd);

} // namespace bi::scan_variants
