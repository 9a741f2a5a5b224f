// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/text/TextDecoder.h"

#include "core/ScanVariants.h"
#include "core/Utf8.h"
#include "extract/text/Utf16.h"

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h> // the 32-byte ASCII test of firstInvalidUtf8
#endif

namespace bi::extract::text {

namespace {

using utf16::kReplacement;

void decodeUtf16(std::string_view bytes, bool littleEndian, std::string& out) {
    out.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos + 1 < bytes.size()) {
        utf8::append(utf16::nextCodePoint(bytes, pos, littleEndian), out);
    }
    if (pos < bytes.size()) {
        utf8::append(kReplacement, out); // a dangling odd byte
    }
}

} // namespace

// Simd: the SSE2 test first (core/ScanVariants.h: the portable loop stays
// reachable for the tests).
template <bool Simd>
std::size_t firstInvalidUtf8With(std::string_view bytes) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    const char* data = bytes.data();
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        // ASCII runs are checked 32 bytes per movemask natively.
        while (Simd && i + 32 <= n) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
            if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0) {
                break;
            }
            i += 32;
        }
#endif
        // ASCII runs are checked 16 bytes at a time.
        while (i + 16 <= n) {
            std::uint64_t a = 0;
            std::uint64_t b = 0;
            std::memcpy(&a, data + i, 8);
            std::memcpy(&b, data + i + 8, 8);
            if (((a | b) & kHighBits) != 0) {
                break;
            }
            i += 16;
        }
        if (i >= n) {
            break;
        }
        if (static_cast<unsigned char>(data[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8::sequenceLength(bytes, i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::size_t firstInvalidUtf8(std::string_view bytes) {
    return firstInvalidUtf8With<scan_variants::kSimd>(bytes);
}

void appendRepairedUtf8(std::string_view bytes, std::string& out) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t bad = firstInvalidUtf8(bytes.substr(pos));
        if (bad == std::string_view::npos) {
            out.append(bytes.substr(pos));
            return;
        }
        out.append(bytes.substr(pos, bad));
        utf8::append(kReplacement, out);
        pos += bad + 1;
    }
}

DecodedText decodeText(std::string_view bytes, std::string& storage) {
    storage.clear();
    auto startsWith = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    if (startsWith("\xFF\xFE")) {
        decodeUtf16(bytes.substr(2), true, storage);
        return {storage, SourceEncoding::Utf16Le};
    }
    if (startsWith("\xFE\xFF")) {
        decodeUtf16(bytes.substr(2), false, storage);
        return {storage, SourceEncoding::Utf16Be};
    }
    const std::string_view body = startsWith("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
    if (firstInvalidUtf8(body) == std::string_view::npos) {
        return {body, SourceEncoding::Utf8};
    }
    storage.reserve(body.size() + body.size() / 2);
    appendRepairedUtf8(body, storage);
    return {storage, SourceEncoding::Utf8Repaired};
}

std::string_view encodingName(SourceEncoding encoding) {
    switch (encoding) {
    case SourceEncoding::Utf8: return "utf-8";
    case SourceEncoding::Utf8Repaired: return "utf-8 (invalid bytes replaced)";
    case SourceEncoding::Utf16Le: return "utf-16le";
    case SourceEncoding::Utf16Be: return "utf-16be";
    }
    return "utf-8";
}

} // namespace bi::extract::text

std::size_t bi::scan_variants::firstInvalidUtf8(std::string_view bytes, bool simd) {
    using namespace bi::extract::text;
    return simd ? firstInvalidUtf8With<kSimd>(bytes) : firstInvalidUtf8With<false>(bytes);
}
