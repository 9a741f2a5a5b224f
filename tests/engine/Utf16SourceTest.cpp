// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/text/Utf16Source.h"

#include "extract/text/TextDecoder.h"

#include <gtest/gtest.h>

#include <string>

using bi::extract::text::decodeText;
using bi::extract::text::Utf16Source;

namespace {

// Everything a source gives, grown to the end; checks that views only get
// longer and never move.
std::string drain(Utf16Source& source, std::size_t& grows) {
    bool final = false;
    std::string_view last;
    grows = 0;
    while (!final) {
        const std::string_view view = source.grow(final);
        ++grows;
        EXPECT_TRUE(last.empty() || view.data() == last.data());
        EXPECT_TRUE(final || view.size() > last.size());
        EXPECT_EQ(view.substr(0, last.size()), last);
        last = view;
    }
    return std::string(last);
}

// The incremental decoding of bytes (a BOM first) in blocks of `units`.
std::string decodedInBlocks(const std::string& bytes, std::size_t units, std::size_t& grows) {
    Utf16Source source(std::string_view(bytes).substr(2), bytes[0] == '\xFF', units);
    std::string out = drain(source, grows);
    EXPECT_EQ(source.bytesDecoded(), bytes.size() - 2);
    return out;
}

void expectAsDecodeText(const std::string& bytes) {
    std::string storage;
    const std::string whole(decodeText(bytes, storage).text);
    for (std::size_t units : {0U, 1U, 2U, 3U, 7U}) {
        std::size_t grows = 0;
        EXPECT_EQ(decodedInBlocks(bytes, units, grows), whole) << "blocks of " << units;
    }
}

} // namespace

TEST(Utf16Source, DecodesAsTheWholeDecoderInAnyBlockSize) {
    // BOM, "A", U+00E9, U+1F600 as a pair, U+20AC, in both byte orders.
    expectAsDecodeText(std::string("\xFF\xFE"
                                   "A\0"
                                   "\xE9\0"
                                   "\x3D\xD8\x00\xDE"
                                   "\xAC\x20",
                                   12));
    expectAsDecodeText(std::string("\xFE\xFF"
                                   "\0A"
                                   "\0\xE9"
                                   "\xD8\x3D\xDE\x00"
                                   "\x20\xAC",
                                   12));
}

TEST(Utf16Source, MalformedUnitsAreRepairedAtBlockBoundaries) {
    // A lone high surrogate before a letter, a lone low one, a high one at
    // the very end, a pair split by a one-unit block, and an odd final byte.
    expectAsDecodeText(std::string("\xFF\xFE"
                                   "\x00\xD8"
                                   "A\0"
                                   "\x00\xDC"
                                   "\x3D\xD8\x00\xDE"
                                   "\x00\xD8",
                                   12));
    expectAsDecodeText(std::string("\xFF\xFE"
                                   "A\0"
                                   "\x3D\xD8",
                                   6));
    expectAsDecodeText(std::string("\xFE\xFF"
                                   "\0B"
                                   "\xD8\x01"
                                   "\0C"
                                   "\x7F",
                                   9));
    expectAsDecodeText(std::string("\xFE\xFF"
                                   "\x7F",
                                   3));
    expectAsDecodeText("\xFF\xFE");
    expectAsDecodeText("\xFE\xFF");
}

TEST(Utf16Source, RandomUnitsDecodeAsTheWholeDecoder) {
    unsigned state = 99;
    auto next = [&] {
        state = state * 1103515245U + 12345U;
        return state >> 8U;
    };
    for (int round = 0; round < 200; ++round) {
        std::string bytes = round % 2 == 0 ? "\xFF\xFE" : "\xFE\xFF";
        const unsigned length = next() % 64;
        for (unsigned i = 0; i < length; ++i) {
            // Mostly surrogates and ASCII, so pairs and lone halves meet block ends.
            const unsigned kind = next() % 4;
            const unsigned unit = kind == 0   ? 0xD800 + next() % 0x800
                                  : kind == 1 ? next() % 0x80
                                              : next() % 0x10000;
            bytes += static_cast<char>(unit & 0xFFU);
            bytes += static_cast<char>(unit >> 8U);
        }
        if (next() % 3 == 0) {
            bytes += 'x'; // odd length
        }
        expectAsDecodeText(bytes);
    }
}

TEST(Utf16Source, BlocksDoubleSoALargeDocumentTakesFewSteps) {
    const std::string bytes = "\xFF\xFE" + std::string(4 << 20, 'a'); // 2 Mi units of U+6161
    Utf16Source source(std::string_view(bytes).substr(2), true);
    bool final = false;
    EXPECT_EQ(source.grow(final).size(), 3 * Utf16Source::kFirstBlockUnits);
    EXPECT_EQ(source.bytesDecoded(), 2 * Utf16Source::kFirstBlockUnits);
    EXPECT_FALSE(final);
    std::size_t grows = 1;
    while (!final) {
        source.grow(final);
        ++grows;
    }
    EXPECT_EQ(grows, 8U); // 16 Ki, then doubling to 2 Mi units
    EXPECT_EQ(source.bytesDecoded(), bytes.size() - 2);
}
