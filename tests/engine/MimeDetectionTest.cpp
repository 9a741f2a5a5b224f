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

TEST(MimeDetection, HtmlFragmentsAndCommentsBeforeTheDoctype) {
    EXPECT_EQ(sniffFormat("<p>A paragraph, no head.</p>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("\n  <DIV class=x>y</DIV>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<!-- generated -->\n<!DOCTYPE html><title>t</title>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<!-- a --><!-- b -->\n<html>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("\xEF\xBB\xBF<table><tr><td>1</td></tr></table>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<?xml version=\"1.0\"?><!-- c --><html>"), DocumentFormat::Html);
    EXPECT_EQ(sniffFormat("<br>"), DocumentFormat::Html);
    // Not a tag: a comparison, or a name glued to other characters.
    EXPECT_EQ(sniffFormat("<3 all of you"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat("<p-ish stuff"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<!-- never closed <p>"), DocumentFormat::Text);
}

TEST(MimeDetection, XmlWithoutDeclaration) {
    EXPECT_EQ(sniffFormat("<catalog><book id=\"1\"/></catalog>"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<!-- export -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<rss version=\"2.0\">"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<!DOCTYPE note SYSTEM \"note.dtd\"><note/>"), DocumentFormat::Xml);
    EXPECT_EQ(sniffFormat("<ns:root/>"), DocumentFormat::Xml);
}

TEST(MimeDetection, DelimitedTextByConsistentDelimiterCounts) {
    EXPECT_EQ(sniffFormat("name,price,unit\npen,1.5,EUR\nink,\"2,5\",EUR\n"), DocumentFormat::Csv);
    EXPECT_EQ(sniffFormat("a\tb\tc\r\n1\t2\t3\r\n"), DocumentFormat::Tsv);
    EXPECT_EQ(sniffFormat("id,name\n1,a\n\n2,b\n3,c"), DocumentFormat::Csv);
    // Prose: counts differ, or one comma on too few lines.
    EXPECT_EQ(sniffFormat("Hello, world.\nThis line, has, more commas.\n"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat("Dear Sir, hello.\nYours, me.\n"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat("one line, with a comma"), DocumentFormat::Text);
    EXPECT_EQ(sniffFormat("no delimiters\nat all\n"), DocumentFormat::Text);
    // Markdown and JSON are recognised first.
    EXPECT_EQ(sniffFormat("# Title\na,b\nc,d\n"), DocumentFormat::Markdown);
    EXPECT_EQ(sniffFormat("[1,2]\n[3,4]\n"), DocumentFormat::Json);
}

TEST(MimeDetection, SniffingLooksOnlyAtTheStart) {
    std::string text(20000, ' ');
    text += "<html>";
    EXPECT_EQ(sniffFormat(text), DocumentFormat::Text);
    // A delimited file whose 8 KB window cuts a line still reads as CSV.
    std::string csv;
    for (int i = 0; i < 2000; ++i) {
        csv += "row" + std::to_string(i) + ",value,unit\n";
    }
    EXPECT_EQ(sniffFormat(csv), DocumentFormat::Csv);
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
