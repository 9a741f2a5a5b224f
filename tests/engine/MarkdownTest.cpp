// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/Json.h"
#include "extract/markdown/Markdown.h"

namespace md = bi::extract::markdown;
using bi::json::Value;

namespace {

std::string metadataJson(std::string_view markdown) {
    return bi::json::write(md::analyze(markdown).metadata);
}

const md::MarkdownOptions kSpecOptions{false, false};

} // namespace

TEST(MarkdownTest, RendersBasicCommonMark) {
    EXPECT_EQ(md::renderHtml("# Hi *there*\n\n- a\n- b\n"),
              "<h1>Hi <em>there</em></h1>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
    EXPECT_EQ(md::renderHtml("[x](/u \"t\") `c` <b>\n"),
              "<p><a href=\"/u\" title=\"t\">x</a> <code>c</code> <b></p>\n");
}

TEST(MarkdownTest, FrontMatterIsMetadataNotContent) {
    const std::string doc = "---\ntitle: \"My Doc\"\nauthor: Ann\ntags:\n  - a\n  - b\n---\n# Heading\n";
    md::MarkdownInfo info = md::analyze(doc);
    const Value* front = info.metadata.find("front_matter");
    ASSERT_NE(front, nullptr);
    EXPECT_EQ(bi::json::write(*front), R"({"title":"My Doc","author":"Ann","tags":["a","b"]})");
    EXPECT_EQ(info.metadata.find("title")->asString(), "My Doc");
    EXPECT_EQ(md::renderHtml(doc), "<h1>Heading</h1>\n");
    // Off: the dashes are a thematic break and a setext underline.
    EXPECT_EQ(md::renderHtml("---\na: b\n---\n", kSpecOptions), "<hr />\n<h2>a: b</h2>\n");
    // Unclosed front matter is ordinary Markdown.
    EXPECT_EQ(md::analyze("---\na: b\n").metadata.find("front_matter"), nullptr);
}

TEST(MarkdownTest, TitleFallsBackToFirstHeading) {
    EXPECT_EQ(md::analyze("intro\n\nSetext *title*\n===\n\n## second\n").metadata.find("title")->asString(),
              "Setext title");
    EXPECT_EQ(md::analyze("---\nauthor: x\n---\n## From heading\n").metadata.find("title")->asString(),
              "From heading");
    EXPECT_EQ(md::analyze("no headings\n").metadata.find("title"), nullptr);
    EXPECT_EQ(metadataJson(""), "{}");
}

TEST(MarkdownTest, HeadingsOutlineWithByteOffsets) {
    const std::string doc = "# One\n\ntext\n\n  ## Two `code`\n\nSetext\n---\n> ### Quoted\n";
    md::MarkdownInfo info = md::analyze(doc);
    EXPECT_EQ(bi::json::write(*info.metadata.find("headings")),
              R"([{"level":1,"text":"One","byte_offset":0},{"level":2,"text":"Two code","byte_offset":15},)"
              R"({"level":2,"text":"Setext","byte_offset":30},{"level":3,"text":"Quoted","byte_offset":43}])");
    EXPECT_EQ(doc.find("## Two"), 15U);
    EXPECT_EQ(doc.find("Setext"), 30U);
    EXPECT_EQ(doc.find("### Quoted"), 43U);
}

TEST(MarkdownTest, HeadingOffsetsCountFrontMatterAndCrLf) {
    const std::string doc = "---\r\ntitle: t\r\n---\r\ntext\r\n\r\n# H\r\n";
    const md::MarkdownInfo info = md::analyze(doc);
    const Value* headings = info.metadata.find("headings");
    ASSERT_NE(headings, nullptr);
    EXPECT_EQ(headings->asArray()[0].find("byte_offset")->asNumber(), static_cast<double>(doc.find("# H")));
}

TEST(MarkdownTest, LinksWithReferencesAndAutolinks) {
    const std::string doc = "See [the *docs*][d], <https://x.org/a?b=1&c> and ![img](i.png).\n\n"
                            "[d]: https://docs.example/ä \"Docs\"\n";
    const md::MarkdownInfo info = md::analyze(doc);
    const Value* links = info.metadata.find("links");
    ASSERT_NE(links, nullptr);
    EXPECT_EQ(bi::json::write(*links),
              R"([{"href":"https://docs.example/%C3%A4","text":"the docs"},)"
              R"({"href":"https://x.org/a?b=1&c","text":"https://x.org/a?b=1&c"}])");
}

TEST(MarkdownTest, CodeLanguagesUniqueInOrder) {
    const std::string doc = "```python extra\nx\n```\n\n~~~ c++\ny\n~~~\n\n```python\nz\n```\n\n    indented\n\n```\nplain\n```\n";
    EXPECT_EQ(bi::json::write(*md::analyze(doc).metadata.find("code_languages")), R"(["python","c++"])");
    EXPECT_EQ(md::renderHtml("```c&amp;\nx<y\n```\n"), "<pre><code class=\"language-c&amp;\">x&lt;y\n</code></pre>\n");
}

TEST(MarkdownTest, GfmTablesCellsAlignmentAndSource) {
    const std::string doc = "Intro\n\n| Name | Qty | Note |\n|:-----|----:|:----:|\n| a *b* | 1 | x \\| y |\n| c |\n\nafter\n";
    md::MarkdownInfo info = md::analyze(doc);
    ASSERT_EQ(info.tables.size(), 1U);
    const auto& cells = info.tables[0].cells;
    ASSERT_EQ(cells.size(), 3U);
    EXPECT_EQ(cells[0], (std::vector<std::string>{"Name", "Qty", "Note"}));
    EXPECT_EQ(cells[1], (std::vector<std::string>{"a b", "1", "x | y"}));
    EXPECT_EQ(cells[2], (std::vector<std::string>{"c", "", ""}));
    EXPECT_EQ(info.tables[0].markdown,
              "| Name | Qty | Note |\n|:-----|----:|:----:|\n| a *b* | 1 | x \\| y |\n| c |");
    EXPECT_EQ(md::renderHtml("a | b\n:- | -:\n1 | 2\n"),
              "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
              "<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
    // Header and delimiter cell counts must agree; off for the spec options.
    EXPECT_TRUE(md::analyze("a | b\n--- |\n").tables.empty());
    EXPECT_EQ(md::renderHtml("a | b\n--|--\n", kSpecOptions), "<p>a | b\n--|--</p>\n");
}

// Plain cells get their text node as the row is split; the others go through
// the inline parser. Both kinds, side by side, must read and render alike.
TEST(MarkdownTest, PlainAndMarkedUpTableCellsSideBySide) {
    const std::string doc = "| A | B | C |\n|---|:-:|---|\n| plain | *em* | x \\| y |\n| \fedge | [l](/u) | |\n\nafter\n";
    const auto info = md::analyze(doc);
    ASSERT_EQ(info.tables.size(), 1U);
    EXPECT_EQ(info.tables[0].cells,
              (std::vector<std::vector<std::string>>{{"A", "B", "C"}, {"plain", "em", "x | y"}, {"edge", "l", ""}}));
    // The link of a cell is found although its neighbours are plain.
    EXPECT_EQ(metadataJson(doc), R"({"links":[{"href":"/u","text":"l"}]})");
    EXPECT_EQ(md::renderHtml(doc),
              "<table>\n<thead>\n<tr>\n<th>A</th>\n<th align=\"center\">B</th>\n<th>C</th>\n</tr>\n</thead>\n"
              "<tbody>\n<tr>\n<td>plain</td>\n<td align=\"center\"><em>em</em></td>\n<td>x | y</td>\n</tr>\n"
              "<tr>\n<td>edge</td>\n<td align=\"center\"><a href=\"/u\">l</a></td>\n<td></td>\n</tr>\n"
              "</tbody>\n</table>\n<p>after</p>\n");
    // A table without links adds none, and the walk past it still finds the next.
    EXPECT_EQ(metadataJson("| a |\n|---|\n| b |\n\n[n](/v)\n"), R"({"links":[{"href":"/v","text":"n"}]})");
}

// A table whose cells are all plain is read from its rows without cell nodes
// (BlockParser::collectPlainCells); one byte that may begin an inline, even in
// a dropped cell, sends the table through the cell nodes. Both read alike:
// extra cells dropped, missing ones empty, edges that parse() trims trimmed.
TEST(MarkdownTest, TablesOfPlainCellsReadLikeTheOthers) {
    using Cells = std::vector<std::vector<std::string>>;
    const std::string doc = "| A | B |\n|---|---|\n| 1 | 2 | extra |\n| 3 |\n|  |  |\n\n"
                            "| x | y |\n|---|---|\n| *e* | z |\n| w | v | [drop](/d) |\n\n"
                            "p | q\n--|--\nr | s | *t*\n\n"
                            "| a |\n|---|\n| \vb |\n|c\f|\n";
    const auto info = md::analyze(doc);
    ASSERT_EQ(info.tables.size(), 4U);
    EXPECT_EQ(info.tables[0].cells, (Cells{{"A", "B"}, {"1", "2"}, {"3", ""}, {"", ""}}));
    EXPECT_EQ(info.tables[1].cells, (Cells{{"x", "y"}, {"e", "z"}, {"w", "v"}}));
    EXPECT_EQ(info.tables[2].cells, (Cells{{"p", "q"}, {"r", "s"}}));
    EXPECT_EQ(info.tables[3].cells, (Cells{{"a"}, {"b"}, {"c"}}));
    EXPECT_EQ(info.tables[0].markdown, "| A | B |\n|---|---|\n| 1 | 2 | extra |\n| 3 |\n|  |  |");
    // The dropped cell's link is not in the table: no link at all.
    EXPECT_EQ(metadataJson(doc), "{}");
    // The plain tables of invalid UTF-8 are repaired too.
    EXPECT_EQ(md::analyze("| a\xFF |\n|---|\n| \xC3 |\n").tables[0].cells,
              (Cells{{"a\xEF\xBF\xBD"}, {"\xEF\xBF\xBD"}}));
}

// Analysis reads a paragraph only for its links: one without '[' or '<' is
// not parsed inline. Links in the others, however nested, are all found, in
// document order; '[' or '<' that start no link add none.
TEST(MarkdownTest, ParagraphsAreReadForTheirLinksOnly) {
    const std::string doc = "*plain* `code` &amp; \\* text\n\n"
                            "- item with *emphasis*\n"
                            "- item with [a](/a)\n\n"
                            "  second paragraph, plain\n\n"
                            "  then <https://b.example>\n\n"
                            "> quoted [c](/c \"t\")\n\n"
                            "a [bracket] and <b>html</b>, no link\n\n"
                            "last [d][r]\n\n[r]: /d\n";
    EXPECT_EQ(metadataJson(doc), R"({"links":[{"href":"/a","text":"a"},{"href":"https://b.example","text":)"
                                 R"("https://b.example"},{"href":"/c","text":"c"},{"href":"/d","text":"d"}]})");
}

// Plain cells of a document that is not clean UTF-8 are repaired as the
// marked-up ones are.
TEST(MarkdownTest, PlainCellsOfInvalidUtf8AreRepaired) {
    const auto info = md::analyze("| a\xFF | *b\xFF* |\n|---|---|\n| \xC3 | ok |\n");
    ASSERT_EQ(info.tables.size(), 1U);
    EXPECT_EQ(info.tables[0].cells, (std::vector<std::vector<std::string>>{{"a\xEF\xBF\xBD", "b\xEF\xBF\xBD"},
                                                                           {"\xEF\xBF\xBD", "ok"}}));
}

TEST(MarkdownTest, EntitiesAndNumericReferences) {
    EXPECT_EQ(md::renderHtml("&copy; &amp; &#35; &#x1F600; &#0; &nosuch; &ThickSpace;\n"),
              "<p>\xC2\xA9 &amp; # \xF0\x9F\x98\x80 \xEF\xBF\xBD &amp;nosuch; \xE2\x81\x9F\xE2\x80\x8A</p>\n");
    EXPECT_EQ(md::renderHtml("[a](/f&ouml;o \"&quot;t\")\n"), "<p><a href=\"/f%C3%B6o\" title=\"&quot;t\">a</a></p>\n");
}

TEST(MarkdownTest, InvalidUtf8AndNulBecomeReplacementCharacters) {
    const std::string input = std::string("a\xFF") + '\0' + "b\xC3\n";
    EXPECT_EQ(md::renderHtml(input), "<p>a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD</p>\n");
    EXPECT_EQ(md::renderHtml("```\n\xE2\x82\n```\n"), "<pre><code>\xEF\xBF\xBD\xEF\xBF\xBD\n</code></pre>\n");
}

TEST(MarkdownTest, MetadataRepairsNulAndInvalidUtf8InEveryField) {
    // Clean text is copied as is; text with NUL or bad bytes is repaired
    // wherever it lands in the metadata and tables.
    const std::string clean = "# Caf\xC3\xA9\n\n| \xC3\xA9 |\n|---|\n| [\xE2\x82\xAC](/e) |\n";
    md::MarkdownInfo info = md::analyze(clean);
    EXPECT_EQ(bi::json::write(info.metadata),
              "{\"title\":\"Caf\xC3\xA9\",\"headings\":[{\"level\":1,\"text\":\"Caf\xC3\xA9\",\"byte_offset\":0}],"
              "\"links\":[{\"href\":\"/e\",\"text\":\"\xE2\x82\xAC\"}]}");
    ASSERT_EQ(info.tables.size(), 1U);
    EXPECT_EQ(info.tables[0].cells[1][0], "\xE2\x82\xAC");

    const std::string r = "\xEF\xBF\xBD";
    const std::string dirty = std::string("# H") + '\0' + "d \xFF\n\n| a" + '\0' + " |\n|---|\n| [l" + '\0' +
                              "k](/u) |\n\n```p\xFFy\ncode\n```\n";
    info = md::analyze(dirty);
    EXPECT_EQ(bi::json::write(info.metadata),
              "{\"title\":\"H" + r + "d " + r + "\",\"headings\":[{\"level\":1,\"text\":\"H" + r + "d " + r +
                  "\",\"byte_offset\":0}],\"links\":[{\"href\":\"/u\",\"text\":\"l" + r +
                  "k\"}],\"code_languages\":[\"p" + r + "y\"]}");
    ASSERT_EQ(info.tables.size(), 1U);
    EXPECT_EQ(info.tables[0].cells, (std::vector<std::vector<std::string>>{{"a" + r}, {"l" + r + "k"}}));
    EXPECT_EQ(info.tables[0].markdown, "| a" + r + " |\n|---|\n| [l" + r + "k](/u) |");
}

TEST(MarkdownTest, LinksAreFoundInHeadingsCellsEmphasisAndImages) {
    // The analyzer walks the inlines only of blocks that hold links.
    const std::string doc = "# See [a](/a)\n\nplain text\n\n| x |\n|---|\n| [b](/b) |\n| none |\n\n"
                            "*[c](/c)* and <http://d.example>\n\n![img [e](/e)](/i.png)\n";
    const md::MarkdownInfo info = md::analyze(doc);
    const Value* links = info.metadata.find("links");
    ASSERT_NE(links, nullptr);
    EXPECT_EQ(bi::json::write(*links),
              "[{\"href\":\"/a\",\"text\":\"a\"},{\"href\":\"/b\",\"text\":\"b\"},{\"href\":\"/c\",\"text\":\"c\"},"
              "{\"href\":\"http://d.example\",\"text\":\"http://d.example\"},{\"href\":\"/e\",\"text\":\"e\"}]");
}

TEST(MarkdownTest, SurvivesDeepNesting) {
    const std::size_t depth = 10000;
    std::string quotes(depth, '>');
    quotes += " deep\n";
    std::string html = md::renderHtml(quotes);
    EXPECT_EQ(html.substr(0, 12), "<blockquote>");
    EXPECT_NE(html.find("<p>deep</p>"), std::string::npos);

    std::string brackets = std::string(depth, '[') + "a" + std::string(depth, ']');
    EXPECT_EQ(md::renderHtml(brackets), "<p>" + brackets + "</p>\n");

    std::string stars = std::string(depth, '*') + "a" + std::string(depth, '*');
    html = md::renderHtml(stars);
    EXPECT_NE(html.find("<strong>"), std::string::npos);

    std::string lists;
    for (std::size_t i = 0; i < 2000; ++i) {
        lists += std::string(i * 2, ' ') + "- x\n";
    }
    EXPECT_NE(md::renderHtml(lists).find("<li>x"), std::string::npos);

    std::string emphasis;
    for (std::size_t i = 0; i < depth; ++i) {
        emphasis += "*a _b ";
    }
    EXPECT_FALSE(md::renderHtml(emphasis).empty());
    EXPECT_FALSE(md::renderHtml(std::string(depth, '`') + "x" + std::string(depth - 1, '`')).empty());
}

TEST(MarkdownTest, RandomBytesNeverCrash) {
    std::mt19937 random(20240531U);
    const std::string alphabet = "*_[]()!<>`#-+=|:\\&;\"' \t\n\r>abc1.~";
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        const std::size_t length = random() % 200;
        for (std::size_t i = 0; i < length; ++i) {
            input += (random() % 4 == 0) ? static_cast<char>(random() % 256)
                                         : alphabet[random() % alphabet.size()];
        }
        std::string html = md::renderHtml(input);
        md::MarkdownInfo info = md::analyze(input);
        // Whatever the input, the output is valid UTF-8 (the JSON writer checks).
        EXPECT_NO_THROW(bi::json::parse(bi::json::write(Value(html))));
        EXPECT_NO_THROW(bi::json::parse(bi::json::write(info.metadata)));
        (void)md::renderHtml(input, kSpecOptions);
    }
}
