// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef BI_VARIANT_STANDARD
#include "core/Json.h"
#include "extract/html/HtmlConverter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace {

using bi::extract::html::convertAll;
using bi::extract::html::HtmlConverter;
using bi::extract::html::HtmlOptions;

std::string md(std::string_view html) { return convertAll(html, HtmlOptions{}); }
std::string plain(std::string_view html) { return convertAll(html, HtmlOptions{true}); }

std::string metadataOf(std::string_view html) {
    HtmlConverter converter(html, HtmlOptions{});
    std::string out;
    while (converter.pump(out, 4096)) {
    }
    return bi::json::write(converter.metadata());
}

TEST(HtmlConverter, HeadingsAndParagraphs) {
    EXPECT_EQ(md("<h1>Title</h1><p>One\n   two</p><h3> Sub </h3><p>Three</p>"),
              "# Title\n\nOne two\n\n### Sub\n\nThree");
}

TEST(HtmlConverter, EmphasisLinksAndInlineCode) {
    EXPECT_EQ(md("<p>a <b> bold </b><i>it</i> <strong></strong><a href='/x y'>link <em>t</em></a> "
                 "<code>a`b</code> <del>gone</del></p>"),
              "a **bold** *it* [link *t*](</x y>) `` a`b `` ~~gone~~");
}

TEST(HtmlConverter, CollapsesWhitespaceOutsidePre) {
    EXPECT_EQ(md("<p>\n  many   spaces\t\there  </p>\n\n<div>  x  </div>"), "many spaces here\n\nx");
}

TEST(HtmlConverter, FencedCodeBlockWithLanguage) {
    EXPECT_EQ(md("<pre><code class=\"hl language-cpp\">\nint a;\n  if (a &lt; 1) {}\n</code></pre>"),
              "```cpp\nint a;\n  if (a < 1) {}\n```");
    EXPECT_EQ(md("<pre>has ``` inside</pre>"), "````\nhas ``` inside\n````");
}

TEST(HtmlConverter, NestedAndOrderedLists) {
    EXPECT_EQ(md("<p>Intro</p><ul><li>one<li>two<ul><li>a<li>b</ul><li>three</ul><ol start=\"9\"><li>x<li>y</ol>"),
              "Intro\n\n- one\n- two\n  - a\n  - b\n- three\n\n9. x\n10. y");
}

TEST(HtmlConverter, ListItemWithParagraphs) {
    EXPECT_EQ(md("<ol><li><p>first</p><p>more</p></li><li>second</li></ol>"),
              "1. first\n\n   more\n2. second");
}

TEST(HtmlConverter, BlockQuotes) {
    EXPECT_EQ(md("<p>before</p><blockquote><p>a</p><p>b</p><blockquote>deep</blockquote></blockquote><p>after</p>"),
              "before\n\n> a\n>\n> b\n>\n> > deep\n\nafter");
}

TEST(HtmlConverter, TablesAsPipeTablesAndRecorded) {
    HtmlConverter converter("<table><thead><tr><th>Name<th>A|B</thead>"
                            "<tr><td>x <b>y</b><td>1</tr><tr><td>only</table><p>after</p>",
                            HtmlOptions{});
    std::string out;
    while (converter.pump(out, 1)) {
    }
    EXPECT_EQ(out, "| Name | A\\|B |\n| --- | --- |\n| x **y** | 1 |\n| only |  |\n\nafter");
    ASSERT_EQ(converter.tables().size(), 1U);
    const auto& table = converter.tables()[0];
    ASSERT_EQ(table.cells.size(), 3U);
    EXPECT_EQ(table.cells[0][1], "A|B");
    EXPECT_EQ(table.cells[1][0], "x y"); // cells hold plain text, the Markdown has the markup
    EXPECT_EQ(table.cells[2][1], "");
    EXPECT_EQ(table.markdown, "| Name | A\\|B |\n| --- | --- |\n| x **y** | 1 |\n| only |  |");
}

TEST(HtmlConverter, ImagesAndLineBreaks) {
    EXPECT_EQ(md("<p>see <img src=\"a.png\" alt=\" A  cat \"> here<br>next<br/></p>"),
              "see ![A cat](a.png) here  \nnext");
    EXPECT_EQ(plain("<p>see <img src=\"a.png\" alt=\"cat\"><br>next</p>"), "see cat\nnext");
}

TEST(HtmlConverter, EntitiesInTextAndAttributes) {
    EXPECT_EQ(md("<p>&lt;tag&gt; &amp;&nbsp;&copy &#x263A; <a href=\"?a=1&amp;b=2\">q</a></p>"),
              "<tag> &\xC2\xA0\xC2\xA9 \xE2\x98\xBA [q](?a=1&b=2)");
}

TEST(HtmlConverter, SkipsScriptStyleTemplateAndHead) {
    EXPECT_EQ(md("<html><head><title>T</title><style>p{}</style><script>var s='</p><p>';</script>"
                 "</head><body><template><p>hidden</p></template><noscript>ns</noscript>"
                 "<p>shown</p><svg><text>drawn</text></svg><div hidden>gone</div></body></html>"),
              "shown");
}

TEST(HtmlConverter, RawTextElementsKeepMarkupAsText) {
    EXPECT_EQ(md("<textarea><b>not bold</b></textarea>"), "<b>not bold</b>");
    EXPECT_EQ(md("<title>a <b>b</b></title>x"), "x");
    EXPECT_EQ(metadataOf("<title>a <b>b</b></title>x"), R"({"title":"a <b>b</b>"})");
}

TEST(HtmlConverter, SurvivesUnclosedAndMisnestedTags) {
    EXPECT_EQ(md("<p>one<p>two<div>three <b>bold <i>both</b> after</i></div></span></p></p>four"),
              "one\n\ntwo\n\nthree **bold *both*** after\n\nfour");
    EXPECT_EQ(md("<ul><li>a<li>b</ul></li></ul>c"), "- a\n- b\n\nc");
    EXPECT_EQ(md("<table><tr><td>1<td>2<tr><td>3</table>"), "| 1 | 2 |\n| --- | --- |\n| 3 |  |");
    EXPECT_EQ(md("<b>open <p>para</p>"), "**open**\n\n**para**");
    EXPECT_EQ(md("<div>a<body><html><p>b</div>c"), "a\n\nb\n\nc"); // stray frame tags change nothing
    EXPECT_EQ(md("<b>a <strong>b</strong> <i>c <em>d</em></i></b>"), "**a b *c d***");
}

TEST(HtmlConverter, FormControlsDoNotRunTogether) {
    EXPECT_EQ(md("<form>Name <input name=n><button>Send</button><select><option>A<option>B</select></form>"),
              "Name Send A B");
}

TEST(HtmlConverter, ForeignContent) {
    EXPECT_EQ(md("<p>a <math><mi>x</mi><mo>=</mo><mn>1</mn></math> <svg><title>t</title><p>out</svg>"),
              "a x=1\n\nout");
    EXPECT_EQ(metadataOf("<svg><title>icon</title></svg><title>Real</title>"), R"({"title":"Real"})");
}

TEST(HtmlConverter, SurvivesDeepNesting) {
    std::string html;
    for (int i = 0; i < 20000; ++i) {
        html += "<div><b>x";
    }
    const std::string out = md(html);
    EXPECT_EQ(out.substr(0, 16), "**x**\n\n**x**\n\n**");
    EXPECT_EQ(std::count(out.begin(), out.end(), 'x'), 20000);
}

TEST(HtmlConverter, PlainTextMode) {
    EXPECT_EQ(plain("<h2>Head</h2><p>a <b>b</b> <a href=x>c</a> <code>d</code></p><ul><li>i</ul>"
                    "<blockquote>q</blockquote><pre>  x\n y</pre><table><tr><td>1<td>2</table>"),
              "Head\n\na b c d\n\n- i\n\nq\n\n  x\n y\n\n1\t2");
}

TEST(HtmlConverter, ExtractsMetadata) {
    const std::string html =
        "<!doctype html><html lang=\"de\"><head><title> The   title </title>"
        "<meta name=\"description\" content=\"Desc\"><meta name=\"keywords\" content=\"a, b,,c \">"
        "<meta name=\"author\" content=\"Ann\"><link rel=\"alternate canonical\" href=\"https://x/c\">"
        "<meta property=\"og:title\" content=\"OG\"><meta property=\"og:type\" content=\"article\">"
        "</head><body><h1>Top</h1><h2>Sub <a href=\"#s\">part</a></h2>"
        "<p><a href=\"https://e.org\">E <img alt=\"logo\"></a><a name=x>no href</a></p></body></html>";
    EXPECT_EQ(metadataOf(html),
              R"({"title":"The title","description":"Desc","keywords":["a","b","c"],"author":"Ann",)"
              R"("language":"de","canonical_url":"https://x/c","open_graph":{"title":"OG","type":"article"},)"
              R"("headings":[{"level":1,"text":"Top"},{"level":2,"text":"Sub part"}],)"
              R"("links":[{"href":"#s","text":"part"},{"href":"https://e.org","text":"E logo"}]})");
    EXPECT_EQ(metadataOf("<p>x</p>"), "{}");
}

std::string generatedDocument(std::size_t bytes) {
    std::string html = "<html><head><title>Big</title></head><body>";
    for (int i = 0; html.size() < bytes; ++i) {
        const std::string n = std::to_string(i);
        html += "<h2>Section " + n + "</h2><p>Text &amp; <b>bold</b> <a href=\"/p" + n +
                "\">link</a></p><ul><li>one<li>two</ul><table><tr><th>a<th>b<tr><td>" + n +
                "<td>x</table><pre><code class=\"language-c\">int x;</code></pre>";
    }
    return html + "</body></html>";
}

TEST(HtmlConverter, PumpingInSmallStepsGivesTheSameOutput) {
    const std::string html = generatedDocument(20000);
    const std::string whole = convertAll(html, HtmlOptions{});
    HtmlConverter converter(html, HtmlOptions{});
    std::string out;
    std::size_t calls = 0;
    while (converter.pump(out, 7)) {
        ++calls;
    }
    EXPECT_TRUE(converter.finished());
    EXPECT_GT(calls, 100U);
    EXPECT_EQ(out, whole);
    EXPECT_FALSE(converter.pump(out, 7));
}

TEST(HtmlConverter, FirstChunkOfAHugeDocumentReadsOnlyAPrefix) {
    const std::string html = generatedDocument(10 * 1024 * 1024);
    HtmlConverter converter(html, HtmlOptions{});
    std::string out;
    EXPECT_TRUE(converter.pump(out, 4096));
    EXPECT_GE(out.size(), 4096U);
    EXPECT_LT(converter.bytesConsumed(), 64U * 1024U);
    EXPECT_FALSE(converter.finished());
}

} // namespace
#endif
