// SPDX-License-Identifier: GPL-3.0-or-later
// The chunker counts characters eight bytes at a time. With 1- to 4-byte
// characters anywhere (and across those 8-byte words), a chunk never holds
// more than max_chars characters, a word-less text is cut at exactly
// max_chars, and the character offsets agree with the content.
#include "extract/Chunker.h"

#include <gtest/gtest.h>

#include <string>

using namespace bi::extract;

namespace {

std::size_t codePoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    return n;
}

// A text of `count` characters of mixed widths, with or without spaces.
std::string mixedText(std::size_t count, bool spaces, unsigned seed) {
    static const char* const kChars[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "z"};
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        seed = seed * 1103515245U + 12345U;
        text += spaces && (seed >> 16U) % 7 == 0 ? " " : kChars[(seed >> 16U) % 5];
    }
    return text;
}

std::vector<Chunk> chunkAll(std::string_view text, std::size_t maxChars, std::size_t overlap) {
    GrowingText growing(text);
    Chunker chunker(growing, ChunkingOptions{maxChars, overlap}, false);
    std::vector<Chunk> chunks;
    Chunk chunk;
    while (chunker.next(chunk)) {
        chunks.push_back(chunk);
    }
    return chunks;
}

} // namespace

TEST(ChunkerMultibyte, HardCutsFallOnExactlyMaxChars) {
    for (std::size_t maxChars : {4U, 5U, 7U, 8U, 9U, 16U, 17U, 100U}) { // > 3: the rest is one chunk
        const std::string text = mixedText(10 * maxChars + 3, false, static_cast<unsigned>(maxChars));
        const std::vector<Chunk> chunks = chunkAll(text, maxChars, 0);
        ASSERT_EQ(chunks.size(), 11U) << maxChars;
        std::size_t chars = 0;
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const ChunkMetadata& m = chunks[i].metadata;
            EXPECT_EQ(codePoints(chunks[i].content), i < 10 ? maxChars : 3U) << maxChars << " chunk " << i;
            EXPECT_EQ(m.charStart, chars);
            chars += codePoints(chunks[i].content);
            EXPECT_EQ(m.charEnd, chars);
            EXPECT_EQ(text.substr(m.byteStart, m.byteEnd - m.byteStart), chunks[i].content);
        }
    }
}

TEST(ChunkerMultibyte, ChunksWithWordsAndOverlapStayWithinMaxChars) {
    for (unsigned seed = 1; seed < 30; ++seed) {
        const std::string text = mixedText(3000, true, seed);
        const std::size_t maxChars = 20 + seed * 3;
        for (const Chunk& chunk : chunkAll(text, maxChars, seed % 10)) {
            const ChunkMetadata& m = chunk.metadata;
            EXPECT_LE(codePoints(chunk.content), maxChars);
            EXPECT_EQ(m.charEnd - m.charStart, codePoints(chunk.content));
            EXPECT_EQ(m.charStart, codePoints(std::string_view(text).substr(0, m.byteStart)));
        }
    }
}
