// SPDX-License-Identifier: GPL-3.0-or-later
// A reused Extractor and ExtractionResult (the batch arena) rewrite the
// previous document's node tree, converter state, metadata and tables in
// place. Whatever came before, each result must be byte for byte the one a
// fresh extraction gives: documents of changing shape (metadata members that
// come and go, more and fewer headings, links, tables and cells) in a row.
#include "extract/Extractor.h"
#include "extract/ResultJson.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace bi::extract;

namespace {

struct Document {
    std::string name;
    std::string bytes;
    ExtractOptions options;
};

std::string readFile(const std::string& name) {
    std::ifstream in(std::string(BI_TEST_DATA_DIR) + "/documents/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Document file(const std::string& name, std::size_t maxChars = 0, bool plainText = false) {
    Document d{name, readFile(name), {}};
    d.options.fileName = name;
    d.options.chunking.maxChars = maxChars;
    d.options.plainText = plainText;
    return d;
}

Document literal(const std::string& name, std::string bytes, const std::string& mime) {
    Document d{name, std::move(bytes), {}};
    d.options.mimeType = mime;
    return d;
}

std::string freshJson(const Document& d) {
    std::string json;
    appendResultJson(extract(d.bytes, d.options), json);
    return json;
}

std::vector<Document> markdownDocuments() {
    return {
        file("guide.md"),
        literal("md-big", "---\ntitle: Big\ntags: a\n---\n# One\n\n## Two [l](https://example.org/a/long/path)\n\n"
                          "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n\n```python\nx\n```\n"
                          "```js\ny\n```\n[m](<https://example.org/with space>) [n](/b)\n",
                "text/markdown"),
        literal("md-small", "# Only a heading that is rather long\n\n| x |\n|---|\n| y |\n", "text/markdown"),
        literal("md-none", "plain words, no heading, no link\n", "text/markdown"),
        file("guide.md", 250),
        literal("md-setext", "Setext *title*\n===\n\n[ref]\n\n[ref]: https://example.org/ref \"T\"\n", "text/markdown"),
    };
}

[[maybe_unused]] std::vector<Document> htmlDocuments() {
    return {
        file("article.html"),
        literal("html-meta",
                "<html lang=en><head><title> A  title </title><meta name=keywords content='a, b ,c'>"
                "<meta property='og:title' content='OG'><link rel=canonical href='https://example.org/c'></head>"
                "<body><h1>H</h1><p>x <a href='/a b'>one</a> <a href=/b>two</a></p>"
                "<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>",
                "text/html"),
        literal("html-bare", "<p>just <em>text</em> and <code>`code`</code></p>", "text/html"),
        file("article.html", 300),
        file("article.html", 0, true),
        file("truncated.html"),
    };
}

void expectSameAsFresh(const std::vector<Document>& docs) {
    Extractor extractor;
    ExtractionResult result;
    std::string json;
    // Twice over, so every document also follows a larger and a smaller one.
    for (int round = 0; round < 2; ++round) {
        for (const Document& d : docs) {
            extractor.extract(d.bytes, d.options, result);
            json.clear();
            appendResultJson(result, json);
            EXPECT_EQ(json, freshJson(d)) << d.name << " (round " << round << ")";
        }
    }
}

} // namespace

TEST(ExtractReuse, MarkdownAfterAnyDocumentEqualsAFreshExtraction) { expectSameAsFresh(markdownDocuments()); }

TEST(ExtractReuse, MixedFormatsShareOneArena) {
    std::vector<Document> docs = markdownDocuments();
    docs.push_back(file("notes.txt", 80));
#ifdef BI_VARIANT_STANDARD
    for (Document& d : htmlDocuments()) {
        docs.push_back(std::move(d));
    }
    docs.push_back(file("products.csv"));
    docs.push_back(file("config.json"));
#endif
    // Interleave the formats (4 is prime to both sizes): each document
    // follows one of another kind.
    std::vector<Document> mixed;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        mixed.push_back(docs[(i * 4) % docs.size()]);
    }
    expectSameAsFresh(mixed);
}

#ifdef BI_VARIANT_STANDARD
TEST(ExtractReuse, HtmlAfterAnyDocumentEqualsAFreshExtraction) { expectSameAsFresh(htmlDocuments()); }
#endif
