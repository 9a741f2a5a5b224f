// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming UTF-16 HTML: decoded as the tokenizer reads on, with the chunks,
// metadata and tables of the whole extraction (which decodes first), and the
// input read in proportion to the chunks returned.
#ifdef BI_VARIANT_STANDARD
#include "Utf16TestSupport.h"
#include "extract/ExtractionStream.h"
#include "extract/Extractor.h"
#include "extract/text/Utf16Source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace bi::extract;

namespace {

std::string page(int sections) {
    std::string html = "<!DOCTYPE html><html lang=\"de\"><head><title>UTF-16 \xE2\x80\x94 Strom</title>"
                       "<meta name=\"description\" content=\"Gr\xC3\xBC\xC3\x9F"
                       "e &amp; mehr\"></head><body>\r\n"
                       "<h1>Handbuch \xF0\x9F\x93\x98</h1>\r\n";
    for (int s = 0; s < sections; ++s) {
        const std::string n = std::to_string(s);
        html +=
            "<h2>Teil " + n + "</h2>\r\n<p>Absatz " + n + " mit <a href=\"https://example.org/" + n +
            "?a=1&amp;b=2\">einem Link</a>, <em>Betonung</em> &amp; &eacute;t&eacute; &#x20AC;&#8364; "
            "&notin; \xE2\x82\xAC. Noch ein Satz.</p>\r\n<ul><li>eins</li><li>zwei <b>fett</b></li></ul>\n"
            "<!-- Kommentar " +
            n + " --><script>if (a < b) { x = \"</p>\"; }</script>\n";
        if (s % 5 == 0) {
            html +=
                "<table><tr><th>k</th><th>v</th></tr><tr><td>\xC3\xA4</td><td>" + n + "</td></tr></table>\n";
        }
    }
    return html + "</body></html>\n";
}

struct Streamed {
    std::vector<Chunk> chunks;
    bi::json::Value metadata;
    std::vector<Table> tables;
    std::size_t inspected = 0;
};

Streamed streamAll(std::string_view input, const ExtractOptions& options, StreamTuning tuning) {
    ExtractionStream stream(input, options, tuning);
    Streamed out;
    Chunk chunk;
    while (stream.next(chunk)) {
        chunk.metadata.totalChunks = -2; // compared apart from the total
        out.chunks.push_back(chunk);
    }
    for (Chunk& c : out.chunks) {
        c.metadata.totalChunks = static_cast<std::int64_t>(out.chunks.size());
    }
    out.metadata = stream.metadata();
    out.tables = stream.tables();
    out.inspected = stream.bytesInspected();
    return out;
}

// The stream equals the whole extraction, in every decoding block size.
void expectAsWholeExtraction(const std::string& input, ExtractOptions options, const std::string& label) {
    options.mimeType = "text/html";
    const ExtractionResult whole = extract(input, options);
    for (std::size_t units : {0U, 1U, 2U, 5U}) {
        const Streamed s = streamAll(input, options, StreamTuning{units});
        ASSERT_EQ(s.chunks.size(), whole.chunks.size()) << label << ", blocks of " << units;
        for (std::size_t i = 0; i < s.chunks.size(); ++i) {
            ASSERT_EQ(s.chunks[i], whole.chunks[i]) << label << ", blocks of " << units << ", chunk " << i;
        }
        ASSERT_EQ(s.metadata, whole.metadata) << label << ", blocks of " << units;
        ASSERT_EQ(s.tables.size(), whole.tables.size()) << label;
        for (std::size_t i = 0; i < s.tables.size(); ++i) {
            EXPECT_EQ(s.tables[i].cells, whole.tables[i].cells) << label;
            EXPECT_EQ(s.tables[i].markdown, whole.tables[i].markdown) << label;
        }
        EXPECT_EQ(s.inspected, input.size()) << label;
    }
}

std::string readDocument(const std::string& name) {
    return bi::test::readTestFile(std::string(BI_TEST_DATA_DIR) + "/documents/" + name);
}

} // namespace

TEST(ExtractionStreamUtf16, DocumentsStreamAsTheyExtract) {
    const std::vector<std::pair<std::string, std::string>> documents = {
        {"article.html", readDocument("article.html")},
        {"truncated.html", readDocument("truncated.html")},
        {"page", page(25)},
    };
    for (const auto& [name, utf8] : documents) {
        ASSERT_FALSE(utf8.empty()) << name;
        for (bool le : {true, false}) {
            const std::string input = bi::test::toUtf16(utf8, le);
            for (bool plain : {false, true}) {
                ExtractOptions options;
                options.plainText = plain;
                options.chunking = {97, 20};
                expectAsWholeExtraction(input, options, name + (le ? " LE" : " BE"));
                options.chunking = {400, 0};
                expectAsWholeExtraction(input, options, name + (le ? " LE" : " BE"));
            }
        }
    }
}

TEST(ExtractionStreamUtf16, Html5libInputsStreamAsTheyExtract) {
    const std::vector<bi::test::Html5libCase> cases = bi::test::html5libCases();
    ASSERT_GT(cases.size(), 6000U);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        ExtractOptions options;
        options.chunking = {16, 4};
        options.plainText = i % 2 == 1;
        expectAsWholeExtraction(bi::test::toUtf16(cases[i].input, i % 3 != 0), options, cases[i].input);
    }
}

TEST(ExtractionStreamUtf16, MalformedUtf16StreamsAsItExtracts) {
    using S = std::string;
    const std::vector<std::string> inputs = {
        S("\xFF\xFE"), // BOM only
        S("\xFE\xFF"),
        S("\xFF\xFE"
          "<",
          3), // odd length
        S("\xFF\xFE"
          "<\0p\0>\0x\0"
          "\x00\xD8",
          12), // lone high surrogate at the end
        S("\xFF\xFE"
          "<\0p\0>\0"
          "\x00\xD8"
          "a\0"
          "\x00\xDC"
          "b\0"
          "c",
          17), // lone halves, odd byte
        S("\xFE\xFF"
          "\0<\0b\0>"
          "\xD8\x3D\xDE\x00"
          "\0&\0#\0x\0D\0"
          "8\0"
          "0\0"
          "0\0;",
          28),
        S("\xFF\xFE"
          "&\0"
          "\x3D\xD8",
          6), // a reference, then half a pair
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        ExtractOptions options;
        options.chunking = {8, 2};
        expectAsWholeExtraction(inputs[i], options, "malformed " + std::to_string(i));
    }
    // Random UTF-16 units (surrogates, markup bytes), lone halves meeting block ends.
    unsigned state = 7;
    auto next = [&] {
        state = state * 1103515245U + 12345U;
        return state >> 8U;
    };
    const std::string markup = "<>/&;#x!-='\" \r\nabp";
    for (int round = 0; round < 150; ++round) {
        std::string input = round % 2 == 0 ? "\xFF\xFE" : "\xFE\xFF";
        const unsigned length = next() % 80;
        for (unsigned k = 0; k < length; ++k) {
            const unsigned kind = next() % 3;
            const unsigned unit = kind == 0   ? 0xD800 + next() % 0x800
                                  : kind == 1 ? static_cast<unsigned char>(markup[next() % markup.size()])
                                              : next() % 0x10000;
            bi::test::appendUtf16Unit(unit, round % 2 == 0, input);
        }
        if (next() % 4 == 0) {
            input += '\x3C';
        }
        ExtractOptions options;
        options.chunking = {12, 3};
        expectAsWholeExtraction(input, options, "random " + std::to_string(round));
    }
}

TEST(ExtractionStreamUtf16, FirstChunkOfALargePageDecodesOnlyAPrefix) {
    const std::string utf8 = page(16000);
    const std::string input = bi::test::toUtf16(utf8, true); // about 10 MB
    ASSERT_GT(input.size(), 8U << 20);
    ExtractOptions options;
    options.chunking = {1000, 100};
    options.mimeType = "text/html";
    ExtractionStream stream(input, options);
    EXPECT_EQ(stream.bytesInspected(), 2U + 2 * text::Utf16Source::kFirstBlockUnits);
    Chunk chunk;
    ASSERT_TRUE(stream.next(chunk));
    EXPECT_LT(stream.bytesInspected(), 1U << 20) << "of " << input.size();
    // The same first chunk as the UTF-8 page's.
    ExtractionStream utf8Stream(utf8, options);
    Chunk utf8Chunk;
    ASSERT_TRUE(utf8Stream.next(utf8Chunk));
    EXPECT_EQ(chunk, utf8Chunk);
    for (int i = 0; i < 200; ++i) {
        ASSERT_TRUE(stream.next(chunk));
    }
    // 200 chunks read ~200 KB of content: decoded at most twice what was read.
    EXPECT_LT(stream.bytesInspected(), 2U << 20);
    std::size_t largestHeld = 0;
    std::size_t count = 201;
    while (stream.next(chunk)) {
        largestHeld = std::max(largestHeld, stream.bytesHeld());
        ++count;
    }
    EXPECT_EQ(stream.bytesInspected(), input.size());
    EXPECT_LT(largestHeld, 512U * 1024U);
    while (utf8Stream.next(utf8Chunk)) {
    }
    EXPECT_EQ(count, utf8Stream.chunkCount());
    EXPECT_EQ(stream.metadata(), utf8Stream.metadata());
}

#endif
