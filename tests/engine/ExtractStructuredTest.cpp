// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "extract/Extractor.h"

#include <gtest/gtest.h>

using namespace bi::extract;

namespace {

ExtractionResult extractAs(std::string_view input, const char* mime) {
    ExtractOptions options;
    options.mimeType = mime;
    return extract(input, options);
}

std::string errorOf(std::string_view input, const char* mime) {
    try {
        extractAs(input, mime);
    } catch (const bi::EngineError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

#ifdef BI_VARIANT_STANDARD

TEST(ExtractStructured, CsvQuotingFollowsRfc4180) {
    const auto r = extractAs("name,quote\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\nLee,\n", "text/csv");
    ASSERT_EQ(r.tables.size(), 1U);
    const auto& cells = r.tables[0].cells;
    ASSERT_EQ(cells.size(), 3U);
    EXPECT_EQ(cells[1][0], "Smith, J");
    EXPECT_EQ(cells[1][1], "said \"hi\"\nthen left");
    EXPECT_EQ(cells[2][1], "");
    EXPECT_EQ(r.content(), "| name | quote |\n| --- | --- |\n| Smith, J | said \"hi\"<br>then left |\n| Lee |  |\n");
    EXPECT_EQ(r.tables[0].markdown, r.content());
    EXPECT_EQ(r.metadata.find("row_count")->asNumber(), 3);
}

TEST(ExtractStructured, TsvAndPipesInCells) {
    const auto r = extractAs("a\tb|c\n1\t2\n", "text/tab-separated-values");
    EXPECT_EQ(r.content(), "| a | b\\|c |\n| --- | --- |\n| 1 | 2 |\n");
}

TEST(ExtractStructured, CsvUnterminatedQuoteNamesItsPlace) {
    EXPECT_EQ(errorOf("a,b\n1,\"open\n", "csv"), "CSV: line 2, column 3: unterminated quoted field");
}

TEST(ExtractStructured, JsonIsPrettyPrintedWithStructure) {
    const auto r = extractAs("{\"b\":[1,2.5,{}],\"a\":\"x\"}", "application/json");
    EXPECT_EQ(r.content(), "{\n  \"b\": [\n    1,\n    2.5,\n    {}\n  ],\n  \"a\": \"x\"\n}\n");
    EXPECT_EQ(r.metadata.find("top_level_type")->asString(), "object");
    EXPECT_EQ(r.metadata.find("key_count")->asNumber(), 2);
    EXPECT_EQ(r.metadata.find("max_depth")->asNumber(), 3);
}

TEST(ExtractStructured, MalformedJsonNamesLineAndColumn) {
    const std::string error = errorOf("{\n  \"a\": 1,\n  \"b\" 2\n}", "json");
    EXPECT_EQ(error.rfind("JSON: line 3, column 7", 0), 0U) << error;
}

TEST(ExtractStructured, XmlTextAndStructure) {
    const auto r = extractAs("<?xml version=\"1.0\"?>\n<!DOCTYPE note [<!ENTITY x \"y\">]>\n"
                             "<note id=\"7\" lang='en'><to>Tove &amp; Jani</to><!-- c -->"
                             "<body><![CDATA[1 < 2]]> &#x263A;</body><empty/></note>\n",
                             "xml");
    EXPECT_EQ(r.content(), "Tove & Jani\n1 < 2 \xE2\x98\xBA\n");
    EXPECT_EQ(r.metadata.find("root_element")->asString(), "note");
    EXPECT_EQ(r.metadata.find("element_count")->asNumber(), 4);
    EXPECT_EQ(r.metadata.find("attribute_count")->asNumber(), 2);
    EXPECT_EQ(r.metadata.find("max_depth")->asNumber(), 2);
}

TEST(ExtractStructured, XmlWellFormednessErrorsNameLineAndColumn) {
    EXPECT_EQ(errorOf("<a>\n  <b></c>\n</a>", "xml"), "XML: line 2, column 6: end tag </c> does not match <b>");
    EXPECT_EQ(errorOf("<a></a><b/>", "xml"), "XML: line 1, column 8: second root element <b>");
    EXPECT_EQ(errorOf("<a>x", "xml"), "XML: line 1, column 5: element <a> is not closed");
    EXPECT_EQ(errorOf("<a x=1/>", "xml"), "XML: line 1, column 6: attribute value must be quoted");
    EXPECT_EQ(errorOf("<a>&nbsp;</a>", "xml"), "XML: line 1, column 4: unknown entity &nbsp;");
}

TEST(ExtractStructured, DeepXmlDoesNotOverflowTheStack) {
    std::string xml;
    for (int i = 0; i < 100000; ++i) {
        xml += "<d>";
    }
    xml += "x";
    for (int i = 0; i < 100000; ++i) {
        xml += "</d>";
    }
    EXPECT_EQ(extractAs(xml, "xml").metadata.find("max_depth")->asNumber(), 100000);
}

#else

TEST(ExtractStructured, MinimalVariantRefusesStructuredFormats) {
    for (const char* mime : {"text/html", "application/xml", "application/json", "text/csv"}) {
        EXPECT_NE(errorOf("x", mime).find("'minimal' build variant"), std::string::npos) << mime;
    }
}

#endif
