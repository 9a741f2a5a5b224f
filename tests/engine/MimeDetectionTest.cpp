// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "extract/DocumentFormat.h"
#include "extract/Extractor.h"

#include <gtest/gtest.h>

using namespace bi::extract;

TEST(MimeDetection, ExplicitTypesAndAliases) {
    EXPECT_EQ(formatFromMimeType("text/html; charset=utf-8"), DocumentFormat::Html);
    EXPECT_EQ(formatFromMimeType("MD"), DocumentFormat::Markdown);
    EXPECT_EQ(formatFromMimeType("text/xml"), DocumentFormat::Xml);
    EXPECT_EQ(formatFromMimeType("tsv"), DocumentFormat::Tsv);
    EXPECT_THROW(formatFromMimeType("application/pdf"), bi::EngineError);
}

TEST(MimeDetection, FileNameExtension) {
    DocumentFormat f = DocumentFormat::Text;
    EXPECT_TRUE(formatFromFileName("dir.d/Report.HTM", f));
    EXPECT_EQ(f, DocumentFormat::Html);
    EXPECT_TRUE(formatFromFileName("data.csv", f));
    EXPECT_EQ(f, DocumentFormat::Csv);
    EXPECT_FALSE(formatFromFileName("README", f));
    EXPECT_FALSE(formatFromFileName(".bashrc", f));
}

TEST(MimeDetection, SniffedFromBytes) {
    EXPECT_EQ(sniffFormat("  <!DOCTYPE html><p>x"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<html lang=en>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<?xml version=\"1.0\"?><feed/>"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<?xml version=\"1.0\"?>\n<!DOCTYPE html><html>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("{\"a\":1}"), DocumentFormat::Json);
    EXPECT_EQ(sniffFormat("[1, 2]"), DocumentFormat::Json);
    EXPECT_EQ(sniffFormat("[a link](http://x) and text"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat("---\ntitle: x\n---\nbody"), DocumentFormat::Markdown);
    EXPECT_EQ(sniffFormat("Intro\n\n## Section\ntext"), DocumentFormat::Markdown);
    EXPECT_EQ(sniffFormat("#hashtag is not a heading"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat(""), DocumentFormat::Text);
}

TEST(MimeDetection, OverrideBeatsExtensionBeatsBytes) {
    ExtractOptions options;
    options.fileName = "page.txt";
    EXPECT_EQ(Extractor::resolveFormat("<html><p>x", options), DocumentFormat::Text);
    options.mimeType = "text/html";
    EXPECT_EQ(Extractor::resolveFormat("plain", options), DocumentFormat::Html);
    options = {};
    const std::string utf16Html("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14);
    EXPECT_EQ(Extractor::resolveFormat(utf16Html, options), DocumentFormat::Html);
}

TEST(MimeDetection, VariantNamesItselfWhenAFormatIsMissing) {
#ifdef BI_VARIANT_STANDARD
    EXPECT_NO_THROW(requireFormatInVariant(DocumentFormat::Csv));
#else
    try {
        requireFormatInVariant(DocumentFormat::Html);
        FAIL() << "minimal variant accepted HTML";
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("'minimal' build variant"), std::string::npos) << e.what();
    }
#endif
    EXPECT_NO_THROW(requireFormatInVariant(DocumentFormat::Markdown));
    EXPECT_NO_THROW(requireFormatInVariant(DocumentFormat::Text));
}
