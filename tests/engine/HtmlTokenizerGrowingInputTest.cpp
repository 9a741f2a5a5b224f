// SPDX-License-Identifier: GPL-3.0-or-later
// The tokenizer on an input that grows (text::GrowingInput) gives exactly the
// tokens of the whole input: every read that reaches the end of what is there
// must wait for more instead of taking it for the end of the document.
#ifdef BI_VARIANT_STANDARD
#include "Utf16TestSupport.h"
#include "extract/html/HtmlTokenizer.h"
#include "extract/text/GrowingInput.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using bi::extract::html::HtmlToken;
using bi::extract::html::HtmlTokenizer;
using bi::extract::html::HtmlTokenType;
using State = HtmlTokenizer::State;

// The input made available `step` bytes at a time; counts the calls.
class SteppedInput : public bi::extract::text::GrowingInput {
public:
    SteppedInput(std::string_view text, std::size_t step) : text_(text), step_(step) {}
    std::string_view grow(bool& final) override {
        ++calls;
        available_ = std::min(text_.size(), available_ + step_);
        final = available_ == text_.size();
        return text_.substr(0, available_);
    }
    std::size_t calls = 0;

private:
    std::string_view text_;
    std::size_t step_;
    std::size_t available_ = 0;
};

struct Start {
    State state = State::Data;
    std::string lastStartTag;
    bool actAsTreeBuilder = false; // raw-text states after title, textarea, style, script...
    bool replaceEachInvalidByte = false;
};

void describe(const HtmlToken& t, std::string& out) {
    out += static_cast<char>('0' + static_cast<int>(t.type));
    out += '[';
    out += t.data;
    for (const auto& a : t.attributes) {
        out += ' ';
        out += a.name;
        out += '=';
        out += a.value;
    }
    if (t.type == HtmlTokenType::StartTag || t.type == HtmlTokenType::EndTag) {
        out += t.selfClosing ? "/" : "";
    }
    if (t.type == HtmlTokenType::Doctype) {
        out += t.hasName ? " N" : "";
        out += t.hasPublicId ? " P:" : "";
        out += t.publicId;
        out += t.hasSystemId ? " S:" : "";
        out += t.systemId;
        out += t.forceQuirks ? " Q" : "";
    }
    out += "]\n";
}

// Every token (character tokens not merged, so their boundaries count too),
// the parse error count and the bytes consumed.
std::string tokens(HtmlTokenizer& tokenizer, const Start& start) {
    tokenizer.setState(start.state);
    tokenizer.setAllowCdata(start.state == State::CdataSection);
    tokenizer.setReplaceEachInvalidByte(start.replaceEachInvalidByte);
    if (!start.lastStartTag.empty()) {
        tokenizer.setLastStartTag(start.lastStartTag);
    }
    std::string out;
    for (int guard = 0; guard < 100000; ++guard) {
        const HtmlToken& t = tokenizer.next();
        describe(t, out);
        if (t.type == HtmlTokenType::EndOfFile) {
            out += "errors " + std::to_string(tokenizer.parseErrors()) + " consumed " +
                   std::to_string(tokenizer.bytesConsumed());
            return out;
        }
        if (start.actAsTreeBuilder && t.type == HtmlTokenType::StartTag) {
            if (t.data == "title" || t.data == "textarea") {
                tokenizer.setState(State::Rcdata);
            } else if (t.data == "style" || t.data == "xmp" || t.data == "iframe") {
                tokenizer.setState(State::Rawtext);
            } else if (t.data == "script") {
                tokenizer.setState(State::ScriptData);
            } else if (t.data == "plaintext") {
                tokenizer.setState(State::Plaintext);
            }
        }
        if (start.actAsTreeBuilder &&
            (t.type == HtmlTokenType::StartTag || t.type == HtmlTokenType::EndTag)) {
            tokenizer.setAllowCdata(t.data == "svg" && t.type == HtmlTokenType::StartTag);
        }
    }
    return out + "no end of file";
}

std::string wholeTokens(std::string_view input, const Start& start) {
    HtmlTokenizer tokenizer(input);
    return tokens(tokenizer, start);
}

std::string grownTokens(std::string_view input, const Start& start, std::size_t step) {
    SteppedInput source(input, step);
    HtmlTokenizer tokenizer("unused");
    tokenizer.setSource(source);
    return tokens(tokenizer, start);
}

bool stateNamed(const std::string& name, State& state) {
    static const std::pair<const char*, State> kStates[] = {
        {"Data state", State::Data},
        {"PLAINTEXT state", State::Plaintext},
        {"RCDATA state", State::Rcdata},
        {"RAWTEXT state", State::Rawtext},
        {"Script data state", State::ScriptData},
        {"CDATA section state", State::CdataSection},
    };
    for (const auto& [n, s] : kStates) {
        if (name == n) {
            state = s;
            return true;
        }
    }
    return false;
}

} // namespace

TEST(HtmlTokenizerGrowingInput, Html5libInputsFedOneByteAtATimeGiveTheWholeInputsTokens) {
    const std::vector<bi::test::Html5libCase> cases = bi::test::html5libCases();
    ASSERT_GT(cases.size(), 6000U);
    std::size_t runs = 0;
    for (const auto& c : cases) {
        for (const std::string& name : c.initialStates) {
            Start start;
            ASSERT_TRUE(stateNamed(name, start.state)) << name;
            start.lastStartTag = c.lastStartTag;
            ASSERT_EQ(grownTokens(c.input, start, 1), wholeTokens(c.input, start)) << name << ": " << c.input;
            ++runs;
        }
        Start builder;
        builder.actAsTreeBuilder = true;
        ASSERT_EQ(grownTokens(c.input, builder, 1), wholeTokens(c.input, builder)) << c.input;
    }
    EXPECT_GT(runs, 6000U);
}

TEST(HtmlTokenizerGrowingInput, ReadsAheadAcrossEveryBoundary) {
    // The look-aheads one by one: CRLF, a UTF-8 sequence (and an invalid
    // one) cut by the end, named references (longest prefix, the historical
    // attribute rule), numeric ones, markup declarations, DOCTYPE keywords,
    // raw-text end tags, script double escapes, CDATA.
    const std::string input =
        "a\r\nb\r\r\n<p title='x&notit; &notin; &amp=y &ampz'>&notit; &notin &#x1F600;&#128512&#x;&#"
        "\xE2\x82\xAC\xE2\x82 \xF0\x9F\x98\x80\xED\xA0\x80</p><!DOCTYPE html PUBLIC \"-//W3C//DTD\" 'sys'>"
        "<!doctype x SYSTEM \"s\"><!-- c -- d --!><!-->x<!--->y<!--<!-- n -->"
        "<title>a</tit </title><textarea>&lt;</textareax></textarea>"
        "<script><!--<script>x</script>--></script ><style></style/><svg><![CDATA[a]]b]]]></svg>"
        "<![CDATA[bogus]]><?pi?><a b=c d e = \"f\"/><x\r\n>&";
    for (bool each : {false, true}) {
        Start start;
        start.actAsTreeBuilder = true;
        start.replaceEachInvalidByte = each;
        const std::string whole = wholeTokens(input, start);
        for (std::size_t step : {1U, 2U, 3U, 5U, 64U}) {
            EXPECT_EQ(grownTokens(input, start, step), whole) << "step " << step;
        }
        // Every prefix of the input as a whole document, grown byte by byte.
        for (std::size_t n = 0; n <= input.size(); ++n) {
            const std::string_view prefix = std::string_view(input).substr(0, n);
            ASSERT_EQ(grownTokens(prefix, start, 1), wholeTokens(prefix, start)) << n;
        }
    }
}

TEST(HtmlTokenizerGrowingInput, LongTokensAreRedoneOnlyAsOftenAsTheInputGrows) {
    // One text run of 1 MB: the token is redone each time the source grows,
    // so a source growing in 64 KB steps is asked 17 times, not per byte.
    const std::string input = "<p>" + std::string(1 << 20, 'x') + "</p>";
    SteppedInput source(input, 64 * 1024);
    HtmlTokenizer tokenizer("unused");
    tokenizer.setSource(source);
    EXPECT_EQ(tokenizer.next().type, HtmlTokenType::StartTag);
    const HtmlToken& text = tokenizer.next();
    EXPECT_EQ(text.data.size(), 1U << 20);
    EXPECT_EQ(source.calls, 17U);
    EXPECT_EQ(tokenizer.next().data, "p");
    EXPECT_EQ(tokenizer.next().type, HtmlTokenType::EndOfFile);
}

TEST(HtmlTokenizerGrowingInput, EmptyAndFinalSources) {
    Start start;
    for (std::string_view input : {std::string_view(), std::string_view("<"), std::string_view("&")}) {
        EXPECT_EQ(grownTokens(input, start, 1), wholeTokens(input, start)) << input;
        EXPECT_EQ(grownTokens(input, start, 100), wholeTokens(input, start)) << input;
    }
}

#endif
