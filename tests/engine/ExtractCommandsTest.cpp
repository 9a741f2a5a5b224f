// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ExtractCommands.h"
#include "core/EngineError.h"
#include "core/Json.h"

#include <gtest/gtest.h>

using namespace bi::api;

TEST(ExtractCommands, DocumentResultHasKreuzbergShapeInFixedOrder) {
    ExtractCommandOptions options;
    options.maxChars = 20;
    const CommandOutput out = extractDocument(ExtractInput{"Hello world. This is a test.\n", "a.txt"}, options);
    const bi::json::Value v = bi::json::parse(out.json);
    std::vector<std::string> keys;
    for (const auto& member : v.asObject()) {
        keys.push_back(member.first);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"content", "mime_type", "metadata", "tables", "chunks"}));
    const auto& chunk = v.find("chunks")->asArray().at(0);
    EXPECT_EQ(chunk.find("content")->asString(), "Hello world.");
    std::vector<std::string> metaKeys;
    for (const auto& member : chunk.find("metadata")->asObject()) {
        metaKeys.push_back(member.first);
    }
    EXPECT_EQ(metaKeys, (std::vector<std::string>{"byte_start", "byte_end", "char_start", "char_end", "token_count",
                                                  "chunk_index", "total_chunks", "heading_context"}));
    EXPECT_GE(out.phases.compute, 0);
}

TEST(ExtractCommands, BatchReturnsOneResultPerDocumentAndNamesTheFailingFile) {
    const std::vector<ExtractInput> inputs{{"one", "a.txt"}, {"two", "b.txt"}};
    const auto outputs = extractBatch(inputs, ExtractCommandOptions{});
    ASSERT_EQ(outputs.size(), 2U);
    EXPECT_EQ(bi::json::parse(outputs[1].json).find("content")->asString(), "two");
#ifdef BI_VARIANT_STANDARD
    try {
        extractBatch({{"ok", "a.txt"}, {"{", "bad.json"}}, ExtractCommandOptions{});
        FAIL() << "accepted";
    } catch (const bi::EngineError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("bad.json: JSON: line 1", 0), 0U) << e.what();
    }
#endif
}

TEST(ExtractCommands, MimeOverrideAndUnknownMime) {
    // --mime wins over the file name's extension, both ways.
    ExtractCommandOptions options;
    options.mimeType = "text/markdown";
    const bi::json::Value asMarkdown =
        bi::json::parse(extractDocument(ExtractInput{"# Title\n", "a.txt"}, options).json);
    EXPECT_EQ(asMarkdown.find("mime_type")->asString(), "text/markdown");
    ASSERT_NE(asMarkdown.find("metadata")->find("title"), nullptr);
    EXPECT_EQ(asMarkdown.find("metadata")->find("title")->asString(), "Title");
    const bi::json::Value detected = bi::json::parse(extractDocument(ExtractInput{"# Title\n", "a.txt"}, {}).json);
    EXPECT_EQ(detected.find("mime_type")->asString(), "text/plain");
    options.mimeType = "text/plain";
    const bi::json::Value asText = bi::json::parse(extractDocument(ExtractInput{"# Title\n", "a.md"}, options).json);
    EXPECT_EQ(asText.find("mime_type")->asString(), "text/plain");
    EXPECT_EQ(asText.find("metadata")->find("title"), nullptr);

    options.mimeType = "application/pdf";
    try {
        extractDocument(ExtractInput{"x", "a.txt"}, options);
        FAIL() << "accepted an unknown MIME type";
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("'application/pdf'"), std::string::npos) << e.what();
    }
}

#ifndef BI_VARIANT_STANDARD
TEST(ExtractCommands, MinimalVariantNamesItselfWhenRefusingAFormat) {
    ExtractCommandOptions options;
    options.mimeType = "text/html";
    try {
        extractDocument(ExtractInput{"<p>x</p>", "a.html"}, options);
        FAIL() << "the minimal variant extracted HTML";
    } catch (const bi::EngineError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("text/html"), std::string::npos) << message;
        EXPECT_NE(message.find("'" BI_VARIANT_NAME "' build variant"), std::string::npos) << message;
    }
    // Detected from the bytes, not only when asked for.
    EXPECT_THROW(extractDocument(ExtractInput{"<!DOCTYPE html><p>x</p>", "page"}, {}), bi::EngineError);
}
#endif
