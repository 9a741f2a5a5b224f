// SPDX-License-Identifier: GPL-3.0-or-later
// Text and Markdown results are views of the caller's bytes, not copies.
#include "extract/Extractor.h"

#include <gtest/gtest.h>

using namespace bi::extract;

TEST(ExtractZeroCopy, MarkdownAndTextContentPointIntoTheInput) {
    const std::string markdown = "# Title\n\nSome *text* and a [link](https://example.org).\n";
    ExtractOptions options;
    options.mimeType = "text/markdown";
    const ExtractionResult md = extract(markdown, options);
    EXPECT_TRUE(md.contentBorrowed());
    EXPECT_EQ(md.content().data(), markdown.data());

    const std::string text = "\xEF\xBB\xBFplain text after a byte order mark\n";
    options.mimeType = "text/plain";
    const ExtractionResult plain = extract(text, options);
    EXPECT_TRUE(plain.contentBorrowed());
    EXPECT_EQ(plain.content().data(), text.data() + 3);
}

TEST(ExtractZeroCopy, RepairedTextIsOwned) {
    const std::string text = "caf\xE9";
    ExtractOptions options;
    options.mimeType = "text/plain";
    const ExtractionResult r = extract(text, options);
    EXPECT_FALSE(r.contentBorrowed());
    EXPECT_EQ(r.content(), "caf\xEF\xBF\xBD");
}

TEST(ExtractZeroCopy, ReusedResultSwitchesBetweenBorrowedAndOwned) {
    Extractor extractor;
    ExtractionResult result;
    ExtractOptions options;
    options.mimeType = "text/plain";
    extractor.extract("caf\xE9", options, result);
    EXPECT_FALSE(result.contentBorrowed());
    const std::string valid = "valid";
    extractor.extract(valid, options, result);
    EXPECT_TRUE(result.contentBorrowed());
    EXPECT_EQ(result.content(), "valid");
    EXPECT_EQ(result.metadata.asObject().size(), 4U); // metadata of the previous document is gone
}
