// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "extract/Chunker.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace bi::extract;

namespace {

std::vector<Chunk> chunkAll(std::string_view text, std::size_t maxChars, std::size_t overlap, bool markdown = true) {
    GrowingText growing(text);
    Chunker chunker(growing, ChunkingOptions{maxChars, overlap}, markdown);
    std::vector<Chunk> chunks;
    Chunk chunk;
    while (chunker.next(chunk)) {
        chunks.push_back(chunk);
    }
    return chunks;
}

// The same text pumped a few bytes at a time, as the HTML stream does.
std::vector<Chunk> chunkPumped(std::string_view text, std::size_t maxChars, std::size_t overlap, std::size_t step) {
    std::size_t produced = 0;
    GrowingText growing([&](std::string& out, std::size_t minBytes) {
        const std::size_t n = std::min(text.size() - produced, std::max(minBytes, step));
        out.append(text.substr(produced, n));
        produced += n;
        return produced < text.size();
    });
    Chunker chunker(growing, ChunkingOptions{maxChars, overlap}, true);
    std::vector<Chunk> chunks;
    Chunk chunk;
    while (chunker.next(chunk)) {
        chunks.push_back(chunk);
    }
    return chunks;
}

std::size_t charCount(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// Every chunk is exactly the bytes and characters its offsets name.
void expectExactOffsets(std::string_view text, const std::vector<Chunk>& chunks, std::size_t maxChars) {
    for (const Chunk& c : chunks) {
        const auto& m = c.metadata;
        EXPECT_EQ(text.substr(m.byteStart, m.byteEnd - m.byteStart), c.content);
        EXPECT_EQ(charCount(text.substr(0, m.byteStart)), m.charStart);
        EXPECT_EQ(charCount(text.substr(0, m.byteEnd)), m.charEnd);
        EXPECT_LE(m.charEnd - m.charStart, maxChars);
    }
}

std::string longMarkdown() {
    std::string md = "# Guide\n\nIntro paragraph. It has two sentences.\n\n";
    for (int s = 1; s <= 6; ++s) {
        md += "## Section " + std::to_string(s) + "\n\n";
        md += "Text of section " + std::to_string(s) + " with caf\xC3\xA9 and \xE2\x82\xAC signs. Second sentence here!\n";
        md += "- item one\n- item two\n\n";
        md += "```sh\n# not a heading\necho hi\n```\n\n";
        md += "### Detail " + std::to_string(s) + "\n\nMore words follow in this detail paragraph.\n\n";
    }
    return md;
}

} // namespace

TEST(Chunker, WholeTextFitsInOneChunk) {
    const auto chunks = chunkAll("  Hello world.  \n", 100, 0);
    ASSERT_EQ(chunks.size(), 1U);
    EXPECT_EQ(chunks[0].content, "Hello world.");
    EXPECT_EQ(chunks[0].metadata.byteStart, 2U);
    EXPECT_EQ(chunks[0].metadata.tokenCount, 2U);
}

TEST(Chunker, PrefersHeadingThenParagraphThenLineThenSentenceThenWord) {
    EXPECT_EQ(chunkAll("aaa\n\nbbb\n# H\nccc", 14, 0)[0].content, "aaa\n\nbbb");
    EXPECT_EQ(chunkAll("aaa\n\nbbb\nccc ddd", 14, 0)[0].content, "aaa");
    EXPECT_EQ(chunkAll("aaa bbb\nccc ddd eee", 14, 0)[0].content, "aaa bbb");
    EXPECT_EQ(chunkAll("One two. Three four five", 14, 0)[0].content, "One two.");
    EXPECT_EQ(chunkAll("One two three four", 14, 0)[0].content, "One two three");
}

TEST(Chunker, HardCutKeepsCharactersWhole) {
    const std::string text = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"; // five é, no spaces
    const auto chunks = chunkAll(text, 2, 0);
    ASSERT_EQ(chunks.size(), 3U);
    EXPECT_EQ(chunks[0].content, "\xC3\xA9\xC3\xA9");
    EXPECT_EQ(chunks[2].metadata.charStart, 4U);
    EXPECT_EQ(chunks[2].metadata.byteStart, 8U);
    expectExactOffsets(text, chunks, 2);
}

TEST(Chunker, OffsetsAreExactAndIndicesRun) {
    const std::string md = longMarkdown();
    const auto chunks = chunkAll(md, 120, 0);
    ASSERT_GT(chunks.size(), 5U);
    expectExactOffsets(md, chunks, 120);
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        EXPECT_EQ(chunks[i].metadata.chunkIndex, i);
        EXPECT_EQ(chunks[i].metadata.totalChunks, -1);
    }
}

TEST(Chunker, HeadingContextIsTheStackInForceAndIgnoresFences) {
    const std::string md = longMarkdown();
    const auto chunks = chunkAll(md, 60, 0);
    bool sawDetail = false;
    for (const Chunk& c : chunks) {
        const auto& context = c.metadata.headingContext;
        ASSERT_FALSE(context.empty()) << c.content;
        EXPECT_EQ(context[0], (HeadingRef{1, "Guide"}));
        for (const auto& h : context) {
            EXPECT_NE(h.text, "not a heading");
        }
        if (context.size() == 3) {
            sawDetail = true;
            EXPECT_EQ(context[2].level, 3);
            EXPECT_EQ(context[2].text.substr(0, 7), "Detail ");
        }
        // A chunk that starts with a heading carries it.
        if (c.content.rfind("## Section 3", 0) == 0) {
            EXPECT_EQ(context.back(), (HeadingRef{2, "Section 3"}));
        }
    }
    EXPECT_TRUE(sawDetail);
}

TEST(Chunker, OverlapRepeatsAtMostOverlapCharactersFromAWordStart) {
    const std::string text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
    const auto chunks = chunkAll(text, 20, 8, false);
    ASSERT_GT(chunks.size(), 2U);
    expectExactOffsets(text, chunks, 20);
    for (std::size_t i = 1; i < chunks.size(); ++i) {
        const auto& prev = chunks[i - 1].metadata;
        const auto& cur = chunks[i].metadata;
        EXPECT_GT(cur.byteStart, prev.byteStart);
        if (cur.byteStart < prev.byteEnd) {
            EXPECT_LE(prev.charEnd - cur.charStart, 8U);
            EXPECT_EQ(text[cur.byteStart - 1], ' ');
        }
    }
    EXPECT_LT(chunks[1].metadata.byteStart, chunks[0].metadata.byteEnd);
}

TEST(Chunker, PumpedTextGivesTheSameChunks) {
    const std::string md = longMarkdown() + longMarkdown();
    for (std::size_t step : {1U, 7U, 100U}) {
        EXPECT_EQ(chunkPumped(md, 90, 0, step), chunkAll(md, 90, 0)) << step;
        EXPECT_EQ(chunkPumped(md, 90, 30, step), chunkAll(md, 90, 30)) << step;
    }
}

TEST(Chunker, WhitespaceOnlyGivesNoChunk) {
    EXPECT_TRUE(chunkAll(" \n\n\t ", 10, 0).empty());
    EXPECT_TRUE(chunkAll("", 10, 0).empty());
}

TEST(Chunker, RejectsBadOptions) {
    EXPECT_THROW(Chunker::validate(ChunkingOptions{0, 0}), bi::EngineError);
    EXPECT_THROW(Chunker::validate(ChunkingOptions{10, 10}), bi::EngineError);
    EXPECT_NO_THROW(Chunker::validate(ChunkingOptions{10, 9}));
}

TEST(Chunker, TokenCountIsWhitespaceSeparatedWords) {
    const std::string s = " one\ttwo\n\nthree  ";
    EXPECT_EQ(countTokens(s.data(), s.data() + s.size()), 3U);
}
