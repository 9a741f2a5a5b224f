// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input never crashes: it is extracted, or refused with EngineError.
#include "core/EngineError.h"
#include "extract/Extractor.h"

#include <gtest/gtest.h>

using namespace bi::extract;

namespace {

ExtractionResult extractAs(std::string_view input, const char* mime, std::size_t maxChars = 0) {
    ExtractOptions options;
    options.mimeType = mime;
    options.chunking = {maxChars, maxChars / 10};
    return extract(input, options);
}

} // namespace

TEST(ExtractHostile, HugeLineWithoutSpacesIsHardCut) {
    const std::string line(300000, 'x');
    const auto r = extractAs(line, "text/plain", 1000);
    // No overlap: the overlap starts at a word start, and a cut word has none.
    ASSERT_EQ(r.chunks.size(), 300U);
    for (const Chunk& c : r.chunks) {
        EXPECT_LE(c.content.size(), 1000U);
    }
    EXPECT_EQ(r.chunks.back().metadata.byteEnd, line.size());
}

TEST(ExtractHostile, TruncatedMultibyteSequencesAndNulBytes) {
    const std::string input("ab\xE2\x82\0cd\xF0\x9F\x98", 10);
    const auto r = extractAs(input, "text/plain", 3);
    EXPECT_EQ(r.content(), std::string("ab\xEF\xBF\xBD\xEF\xBF\xBD\0cd\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 20));
    EXPECT_FALSE(r.chunks.empty());
    EXPECT_NO_THROW(extractAs(input, "text/markdown", 3));
}

#ifdef BI_VARIANT_STANDARD

TEST(ExtractHostile, DeeplyNestedHtml) {
    std::string html = "<html><body>";
    for (int i = 0; i < 50000; ++i) {
        html += i % 3 == 0 ? "<div>" : i % 3 == 1 ? "<ul><li>" : "<blockquote>";
    }
    html += "deep text";
    const auto r = extractAs(html, "text/html", 500);
    EXPECT_NE(r.content().find("deep text"), std::string_view::npos);
}

TEST(ExtractHostile, BinaryBytesAsHtmlXmlJsonCsv) {
    std::string bytes;
    for (int i = 0; i < 4096; ++i) {
        bytes += static_cast<char>((i * 131 + 7) % 256);
    }
    EXPECT_NO_THROW(extractAs(bytes, "text/html", 100));
    EXPECT_THROW(extractAs(bytes, "application/xml"), bi::EngineError);
    EXPECT_THROW(extractAs(bytes, "application/json"), bi::EngineError);
    try {
        extractAs(bytes, "text/csv", 100);
    } catch (const bi::EngineError&) {
        // an unterminated quote is a fine answer too
    }
}

TEST(ExtractHostile, DeeplyNestedJsonIsRefusedWithAPlace) {
    const std::string json(100000, '[');
    try {
        extractAs(json, "application/json");
        FAIL() << "accepted";
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("line 1, column"), std::string::npos) << e.what();
    }
}

#endif
