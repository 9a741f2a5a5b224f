// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "extract/ExtractionStream.h"
#include "extract/Extractor.h"

#include <gtest/gtest.h>

using namespace bi::extract;

namespace {

[[maybe_unused]] std::string htmlPage(int sections) {
    std::string html = "<!DOCTYPE html><html lang=\"en\"><head><title>Stream test</title></head><body>\n<h1>Manual</h1>\n";
    for (int s = 0; s < sections; ++s) {
        const std::string n = std::to_string(s);
        html += "<h2>Part " + n + "</h2>\n<p>Paragraph " + n +
                " with <a href=\"https://example.org/" + n + "\">a link</a>, <em>emphasis</em> &amp; an entity "
                "&eacute;t&eacute;. Another sentence follows here.</p>\n<ul><li>first</li><li>second <b>bold</b></li></ul>\n";
        if (s % 5 == 0) {
            html += "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>" + n + "</td></tr></table>\n";
        }
    }
    return html + "</body></html>\n";
}

std::vector<Chunk> streamAll(std::string_view input, const ExtractOptions& options) {
    ExtractionStream stream(input, options);
    std::vector<Chunk> chunks;
    Chunk chunk;
    while (stream.next(chunk)) {
        chunks.push_back(chunk);
    }
    EXPECT_TRUE(stream.finished());
    EXPECT_EQ(stream.chunkCount(), chunks.size());
    return chunks;
}

// Streamed chunks equal the whole result's, total_chunks aside.
void expectSameChunks(std::string_view input, const ExtractOptions& options) {
    const ExtractionResult whole = extract(input, options);
    std::vector<Chunk> streamed = streamAll(input, options);
    ASSERT_EQ(streamed.size(), whole.chunks.size());
    ASSERT_FALSE(streamed.empty());
    for (std::size_t i = 0; i < streamed.size(); ++i) {
        EXPECT_EQ(streamed[i].metadata.totalChunks, -1);
        streamed[i].metadata.totalChunks = static_cast<std::int64_t>(streamed.size());
        EXPECT_EQ(streamed[i], whole.chunks[i]) << "chunk " << i;
    }
}

} // namespace

TEST(ExtractionStream, TextStreamMatchesWholeResult) {
    std::string text;
    for (int i = 0; i < 200; ++i) {
        text += "Line " + std::to_string(i) + " of plain text. It goes on a little.\n";
        if (i % 7 == 0) {
            text += "\n";
        }
    }
    ExtractOptions options;
    options.mimeType = "text/plain";
    options.chunking = {300, 40};
    expectSameChunks(text, options);
}

TEST(ExtractionStream, RequiresChunking) {
    EXPECT_THROW(ExtractionStream("text", ExtractOptions{}), bi::EngineError);
}

#ifdef BI_VARIANT_STANDARD

TEST(ExtractionStream, HtmlStreamMatchesWholeResult) {
    const std::string html = htmlPage(60);
    for (bool plain : {false, true}) {
        ExtractOptions options;
        options.plainText = plain;
        options.chunking = {250, 50};
        expectSameChunks(html, options);
        options.chunking = {97, 0};
        expectSameChunks(html, options);
    }
}

TEST(ExtractionStream, HtmlMetadataIsCompleteAtTheEnd) {
    const std::string html = htmlPage(12);
    ExtractOptions options;
    options.chunking = {500, 0};
    ExtractionStream stream(html, options);
    EXPECT_EQ(stream.mimeType(), "text/html");
    Chunk chunk;
    while (stream.next(chunk)) {
    }
    EXPECT_EQ(stream.metadata(), extract(html, ExtractOptions{}).metadata);
    EXPECT_EQ(stream.tables().size(), 3U);
}

TEST(ExtractionStream, FirstChunkOfALargePageConvertsOnlyThePrefix) {
    const std::string html = htmlPage(20000); // several MB
    ExtractOptions options;
    options.chunking = {1000, 100};
    ExtractionStream stream(html, options);
    Chunk chunk;
    ASSERT_TRUE(stream.next(chunk));
    EXPECT_LT(stream.bytesConverted(), 64U * 1024U) << "of " << html.size();
    std::size_t largestHeld = 0;
    while (stream.next(chunk)) {
        largestHeld = std::max(largestHeld, stream.bytesHeld());
    }
    EXPECT_GT(stream.bytesConverted(), html.size() / 2);
    EXPECT_LT(largestHeld, 512U * 1024U); // a few chunks plus the release threshold
}

TEST(ExtractionStream, FirstChunkReadsOnlyAPrefixOfTheInput) {
    // No whole-input UTF-8 validation before the first chunk: the bytes read
    // stay proportional to the chunk, also with invalid bytes and a BOM.
    std::string html = "\xEF\xBB\xBF" + htmlPage(20000); // several MB
    html[html.size() / 2] = '\xFF';
    ExtractOptions options;
    options.mimeType = "text/html";
    options.chunking = {1000, 100};
    ExtractionStream stream(html, options);
    EXPECT_LT(stream.bytesInspected(), 16U);
    Chunk chunk;
    ASSERT_TRUE(stream.next(chunk));
    EXPECT_LT(stream.bytesInspected(), 64U * 1024U) << "of " << html.size();
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(stream.next(chunk));
    }
    EXPECT_LT(stream.bytesInspected(), 256U * 1024U);
    while (stream.next(chunk)) {
    }
    EXPECT_EQ(stream.bytesInspected(), html.size());
}

TEST(ExtractionStream, NonHtmlFormatsReadEverythingFirst) {
    const std::string text(100000, 'x');
    ExtractOptions options;
    options.mimeType = "text/plain";
    options.chunking = {1000, 0};
    EXPECT_EQ(ExtractionStream(text, options).bytesInspected(), text.size());
}

TEST(ExtractionStream, InvalidUtf8IsRepairedAsTheWholeExtractionDoes) {
    // The stream repairs bytes as it converts; the whole extraction decodes
    // first. Truncated, overlong, surrogate and stray bytes in text,
    // attributes, comments, tag names and raw text must come out the same.
    const std::string html = "\xEF\xBB\xBF<html><head><title>T\xE2\x82 \xC0\xAF</title></head><body>"
                             "<h1 id='\xFF'>Head \xED\xA0\x80 ing</h1><p a\xF4\x90=x>p\xF0\x9F\x98 q</p>"
                             "<!-- c\x80 --><script>s\xE0\x80</script><\xFEx><a href='/\xC3('>l\xC3</a>"
                             "<pre>\xE2\x82\xAC ok \xF8</pre><table><tr><td>\xBF</td></tr></table>\xC3";
    for (bool plain : {false, true}) {
        ExtractOptions options;
        options.plainText = plain;
        options.chunking = {40, 10};
        expectSameChunks(html, options);
        ExtractionStream stream(html, options);
        Chunk chunk;
        while (stream.next(chunk)) {
        }
        EXPECT_EQ(stream.metadata(), extract(html, options).metadata);
    }
}

TEST(ExtractionStream, RandomlyCorruptedPagesStreamAsTheyExtract) {
    const std::string page = htmlPage(30);
    unsigned state = 12345;
    auto next = [&] {
        state = state * 1103515245U + 12345U;
        return state >> 8U;
    };
    for (int round = 0; round < 40; ++round) {
        std::string html = page;
        for (int k = 0; k < 12; ++k) {
            html[next() % html.size()] = static_cast<char>(0x80 + next() % 0x80);
        }
        ExtractOptions options;
        options.mimeType = "text/html";
        options.chunking = {120 + static_cast<std::size_t>(round), 15};
        expectSameChunks(html, options);
    }
}

#endif
