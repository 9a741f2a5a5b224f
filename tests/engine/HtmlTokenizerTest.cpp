// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef BI_VARIANT_STANDARD
#include "extract/html/HtmlTokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using bi::extract::html::HtmlToken;
using bi::extract::html::HtmlTokenizer;
using bi::extract::html::HtmlTokenType;
using State = HtmlTokenizer::State;

// A compact description of every token, character tokens coalesced.
std::string describe(HtmlTokenizer& tokenizer, State rawTextAfterStartTag = State::Data) {
    std::string out;
    bool inText = false;
    for (;;) {
        const HtmlToken& t = tokenizer.next();
        if (t.type == HtmlTokenType::Character) {
            out += inText ? "" : "T:";
            out += t.data;
            inText = true;
            continue;
        }
        if (inText) {
            out += '|';
            inText = false;
        }
        // Appends piece by piece (g++ 12 warns falsely on chained string +).
        switch (t.type) {
        case HtmlTokenType::StartTag:
            out += "S:";
            out += t.data;
            for (const auto& a : t.attributes) {
                out += ' ';
                out += a.name;
                out += '=';
                out += a.value;
            }
            out += t.selfClosing ? "/|" : "|";
            if (rawTextAfterStartTag != State::Data) {
                tokenizer.setState(rawTextAfterStartTag);
            }
            break;
        case HtmlTokenType::EndTag:
        case HtmlTokenType::Comment:
            out += t.type == HtmlTokenType::EndTag ? "E:" : "C:";
            out += t.data;
            out += '|';
            break;
        case HtmlTokenType::Doctype:
            out += "D:";
            out += t.data;
            if (t.hasPublicId) {
                out += " P:";
                out += t.publicId;
            }
            if (t.hasSystemId) {
                out += " S:";
                out += t.systemId;
            }
            out += t.forceQuirks ? " quirks|" : "|";
            break;
        default:
            return out;
        }
    }
}

std::string tokens(std::string_view html, State rawTextAfterStartTag = State::Data) {
    HtmlTokenizer tokenizer(html);
    return describe(tokenizer, rawTextAfterStartTag);
}

TEST(HtmlTokenizer, TagsAttributesAndSelfClosing) {
    EXPECT_EQ(tokens("<DIV Class=a id='b' data-x=\"c d\" hidden>x</Div><br/>"),
              "S:div class=a id=b data-x=c d hidden=|T:x|E:div|S:br/|");
}

TEST(HtmlTokenizer, DropsDuplicateAttributes) {
    EXPECT_EQ(tokens("<p a=1 A=2 b=3 a=4>"), "S:p a=1 b=3|");
}

TEST(HtmlTokenizer, NamedAndNumericReferencesInText) {
    EXPECT_EQ(tokens("a &amp; b &lt;&#x41;&#65;&notit; &notin; &nosuch; &"),
              "T:a & b <AA\xC2\xACit; \xE2\x88\x89 &nosuch; &|");
}

TEST(HtmlTokenizer, NumericReferenceReplacements) {
    EXPECT_EQ(tokens("&#x80;&#150;&#0;&#xD800;&#x110000;&#99999999999;&#x1F600;&#"),
              "T:\xE2\x82\xAC\xE2\x80\x93\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
              "\xF0\x9F\x98\x80&#|");
}

TEST(HtmlTokenizer, ReferencesInAttributesFollowTheHistoricalRule) {
    EXPECT_EQ(tokens("<a href=\"?x=1&amp=2&copy=3&copy;&lt;y&gt\">"),
              "S:a href=?x=1&amp=2&copy=3\xC2\xA9<y>|");
}

TEST(HtmlTokenizer, CommentsAndBogusComments) {
    EXPECT_EQ(tokens("<!-- a -- b --><?xml version?><!--><!x><!--a--!>"),
              "C: a -- b |C:?xml version?|C:|C:x|C:a|");
}

TEST(HtmlTokenizer, DoctypeWithIdentifiers) {
    EXPECT_EQ(tokens("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://x'>"),
              "D:html P:-//W3C//DTD HTML 4.01//EN S:http://x|");
    EXPECT_EQ(tokens("<!doctype>"), "D: quirks|");
}

TEST(HtmlTokenizer, CdataIsABogusCommentOutsideForeignContent) {
    EXPECT_EQ(tokens("<![CDATA[x<y]]>"), "C:[CDATA[x<y]]|");
    HtmlTokenizer foreign("<![CDATA[x<y]]>z");
    foreign.setAllowCdata(true);
    EXPECT_EQ(describe(foreign), "T:x<yz|");
}

TEST(HtmlTokenizer, RawTextStatesEndOnlyAtTheirEndTag) {
    EXPECT_EQ(tokens("<style>a</b>&amp;</style>", State::Rawtext), "S:style|T:a</b>&amp;|E:style|");
    EXPECT_EQ(tokens("<title>a</b>&amp;</title>", State::Rcdata), "S:title|T:a</b>&|E:title|");
    EXPECT_EQ(tokens("<x>a</x >", State::Plaintext), "S:x|T:a</x >|");
}

TEST(HtmlTokenizer, ScriptDataEscapeStates) {
    EXPECT_EQ(tokens("<script><!--<script></script>--></script>", State::ScriptData),
              "S:script|T:<!--<script></script>-->|E:script|");
    EXPECT_EQ(tokens("<script><!--x</script>y", State::ScriptData), "S:script|T:<!--x|E:script|T:y|");
}

TEST(HtmlTokenizer, PreprocessesTheInputStream) {
    EXPECT_EQ(tokens(std::string_view("a\r\nb\rc\xFF" "d\xE2\x82" "e", 11)),
              "T:a\nb\nc\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e|");
    EXPECT_EQ(tokens(std::string_view("a\0b", 3)), std::string("T:a\0b|", 6)); // data state keeps NUL
    EXPECT_EQ(tokens(std::string_view("<t>a\0b", 6), State::Rcdata), "S:t|T:a\xEF\xBF\xBD" "b|");
    EXPECT_EQ(tokens(std::string_view("<A\0B>", 5)), "S:a\xEF\xBF\xBD" "b|");
}

TEST(HtmlTokenizer, TextIsAViewIntoTheInput) {
    const std::string html = "<p class=\"note\">plain text</p>";
    HtmlTokenizer tokenizer(html);
    const HtmlToken& start = tokenizer.next();
    ASSERT_EQ(start.type, HtmlTokenType::StartTag);
    EXPECT_EQ(start.attributes.at(0).value.data(), html.data() + 10);
    const HtmlToken& text = tokenizer.next();
    EXPECT_EQ(text.data.data(), html.data() + 16);
}

TEST(HtmlTokenizer, IsPullBased) {
    std::string html = "<p>first</p>";
    html += std::string(100000, 'x');
    HtmlTokenizer tokenizer(html);
    tokenizer.next();
    tokenizer.next();
    EXPECT_LE(tokenizer.bytesConsumed(), 12U);
    EXPECT_EQ(tokenizer.next().type, HtmlTokenType::EndTag);
}

TEST(HtmlTokenizer, EndOfFileInsideTagsAndComments) {
    EXPECT_EQ(tokens("a<"), "T:a<|");
    EXPECT_EQ(tokens("a</"), "T:a</|");
    EXPECT_EQ(tokens("<div class='x"), "");
    EXPECT_EQ(tokens("<!-- open"), "C: open|");
    EXPECT_EQ(tokens("x<>"), "T:x<>|");
}

} // namespace
#endif
