// SPDX-License-Identifier: GPL-3.0-or-later
// The extraction scans that test many bytes at once (16-byte runs natively,
// tables elsewhere) must find the same boundaries as a byte-by-byte reading,
// wherever a stop falls: at every offset around the block edges, in texts
// long enough to take the block path. Each case is checked against a small
// reference model written here, not against the code under test; the scans'
// portable variants (which no shipped build takes now that wasm uses SIMD too)
// are called directly and checked the same way.
#ifdef BI_VARIANT_STANDARD
#include "core/ByteFind.h"
#include "core/ScanVariants.h"
#include "extract/html/HtmlTag.h"
#include "extract/html/HtmlTokenizer.h"
#include "extract/html/InlineText.h"
#include "JsonEscapeModel.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bi::extract::html;

// How InlineText lays out one text appended to an empty block: white space
// runs collapse to one space, NUL vanishes, nothing leads or trails.
std::string collapsedModel(std::string_view text) {
    std::string out;
    bool pending = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            pending = !out.empty();
        } else if (c != '\0') {
            if (pending) {
                out += ' ';
                pending = false;
            }
            out += c;
        }
    }
    return out;
}

std::string collapsed(std::string_view text) {
    InlineText inlineText;
    inlineText.appendText(text);
    return inlineText.take();
}

TEST(ExtractScanEdges, WhitespaceCollapsesAlikeAtEveryOffset) {
    const std::vector<std::string> breaks = {" ",  "  ",         "\t",  "\n", "\r\n", "\f",
                                             " \t", std::string(1, '\0'), std::string("\0 ", 2)};
    for (std::size_t length : {15U, 16U, 17U, 31U, 32U, 33U, 47U}) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const std::string& b : breaks) {
                // Words with single spaces (the run path) and one other break at `at`.
                std::string text;
                for (std::size_t i = 0; text.size() < length; ++i) {
                    text += i % 4 == 3 ? ' ' : static_cast<char>('a' + i % 26);
                }
                text.replace(at, b.size(), b);
                text.resize(length, 'z');
                ASSERT_EQ(collapsed(text), collapsedModel(text)) << "length " << length << " at " << at;
                ASSERT_EQ(collapsed(" " + text + " "), collapsedModel(text)) << "padded, at " << at;
            }
        }
    }
}

// The character data of a page, coalesced, up to the first tag.
std::string textBeforeFirstTag(std::string_view html) {
    HtmlTokenizer tokenizer(html);
    std::string out;
    for (;;) {
        const HtmlToken& t = tokenizer.next();
        if (t.type != HtmlTokenType::Character) {
            return out;
        }
        out += t.data;
    }
}

TEST(ExtractScanEdges, TextRunsStopAtEveryOffset) {
    struct Stop {
        std::string_view input;
        std::string_view text; // what it contributes to the character data
    };
    const Stop stops[] = {{"&amp;", "&"},     {"\xC3\xA9", "\xC3\xA9"}, {"\xE2\x82\xAC", "\xE2\x82\xAC"},
                          {"\xFF", "\xEF\xBF\xBD"}, {"\r\n", "\n"},     {"\r", "\n"},
                          {"&", "&"}};
    for (std::size_t length : {16U, 17U, 40U}) {
        for (std::size_t at = 0; at <= length; ++at) {
            for (const Stop& stop : stops) {
                const std::string before(at, 'a');
                const std::string after(length - at, 'b');
                const std::string html = before + std::string(stop.input) + after + "<p>";
                const std::string expected = before + std::string(stop.text) + after;
                ASSERT_EQ(textBeforeFirstTag(html), expected) << "stop " << stop.input << " at " << at;
            }
            // A tag at `at` ends the run exactly there.
            ASSERT_EQ(textBeforeFirstTag(std::string(at, 'a') + "<b>" + std::string(length - at, 'b')),
                      std::string(at, 'a'));
        }
    }
}

TEST(ExtractScanEdges, QuotedAttributeValuesStopAtEveryOffset) {
    for (std::size_t at = 0; at <= 40; ++at) {
        const std::string value = std::string(at, 'v') + "&lt;" + std::string(40 - at, 'w');
        const std::string html = "<a href=\"" + value + "\" title='" + value + "'>";
        HtmlTokenizer tokenizer(html);
        const HtmlToken& t = tokenizer.next();
        ASSERT_EQ(t.type, HtmlTokenType::StartTag);
        ASSERT_EQ(t.attributes.size(), 2U);
        const std::string expected = std::string(at, 'v') + "<" + std::string(40 - at, 'w');
        EXPECT_EQ(t.attributes[0].value, expected) << at;
        EXPECT_EQ(t.attributes[1].value, expected) << at;
    }
}

TEST(ExtractScanEdges, EveryKnownTagNameIsFoundAndNearMissesAreNot) {
    // In the enum's order, from HtmlTag::A on.
    const std::vector<std::string_view> names = {
        "a",        "address",    "area",   "article", "aside",    "b",        "base",     "blockquote",
        "body",     "br",         "button", "caption", "center",   "code",     "col",      "colgroup",
        "dd",       "del",        "details", "dialog", "dir",      "div",      "dl",       "dt",
        "em",       "embed",      "fieldset", "figcaption", "figure", "footer", "form",    "h1",
        "h2",       "h3",         "h4",     "h5",      "h6",       "head",     "header",   "hgroup",
        "hr",       "html",       "i",      "iframe",  "img",      "input",    "kbd",      "li",
        "link",     "listing",    "main",   "math",    "menu",     "meta",     "nav",      "noembed",
        "noframes", "noscript",   "ol",     "option",  "p",        "param",    "plaintext", "pre",
        "s",        "samp",       "script", "section", "select",   "source",   "strike",   "strong",
        "style",    "summary",    "svg",    "table",   "tbody",    "td",       "template", "textarea",
        "tfoot",    "th",         "thead",  "title",   "tr",       "track",    "tt",       "ul",
        "wbr",      "xmp"};
    ASSERT_EQ(names.size(), static_cast<std::size_t>(HtmlTag::Xmp));
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto tag = static_cast<HtmlTag>(i + 1);
        EXPECT_EQ(tagFromName(names[i]), tag) << names[i];
        const std::string name(names[i]);
        EXPECT_EQ(tagFromName(name + "x"), HtmlTag::Other) << name;
        EXPECT_EQ(tagFromName("x" + name), HtmlTag::Other) << name;
        if (name.size() > 1) {
            EXPECT_NE(tagFromName(name.substr(0, name.size() - 1)), tag) << name;
        }
    }
    EXPECT_EQ(tagFromName("blockquotes"), HtmlTag::Other); // longer than any name
    EXPECT_EQ(tagFromName("span"), HtmlTag::Other);
}

// ---- Both variants of each 16-byte scan (core/ScanVariants.h): the SSE2 one
// that both shipped builds take and the portable one, each against a model.

std::string jsonStringModel(std::string_view s) { return bi::test::jsonEscapeModel(s); }

std::string jsonString(std::string_view s, bool simd) {
    std::string out = "x"; // appended to, not replaced
    bi::scan_variants::writeJsonString(s, out, simd);
    return out.substr(1);
}

TEST(ExtractScanEdges, JsonEscapesAlikeInBothVariantsAtEveryOffset) {
    const std::vector<std::string> specials = {"\"", "\\", "\n", std::string(1, '\0'), "\x1F", "\x7F",
                                               " ",  "\x80", "\xFF", "\"\x01"};
    for (bool simd : {true, false}) {
        for (std::size_t length = 0; length <= 70; ++length) {
            for (std::size_t at = 0; at < length; ++at) {
                for (const std::string& special : specials) {
                    std::string text(length, 'a');
                    text.replace(at, special.size(), special);
                    text.resize(length, 'b');
                    ASSERT_EQ(jsonString(text, simd), jsonStringModel(text))
                        << "simd " << simd << " length " << length << " at " << at;
                }
            }
        }
        // Past one escape segment (1024 bytes), escapes around its edges.
        std::string longText(2100, 'c');
        for (std::size_t at : {0U, 15U, 16U, 1023U, 1024U, 1025U, 2047U, 2048U, 2099U}) {
            longText[at] = at % 2 == 0 ? '"' : '\x02';
        }
        ASSERT_EQ(jsonString(longText, simd), jsonStringModel(longText)) << "simd " << simd;
    }
}

std::size_t firstStopModel(std::string_view text, std::size_t from, std::string_view stops) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80 || stops.find(text[i]) != std::string_view::npos) {
            return i;
        }
    }
    return text.size();
}

TEST(ExtractScanEdges, HtmlRunStopsAlikeInBothVariantsAtEveryOffset) {
    // Four stops or fewer take the 16-byte test; five use the table only.
    const std::vector<std::string> stopSets = {"<&\r", std::string("<\r\0", 3), std::string("-<\r\0", 4),
                                               "<&\r\"'"};
    for (bool simd : {true, false}) {
        for (const std::string& stops : stopSets) {
            std::vector<char> probes(stops.begin(), stops.end());
            probes.push_back('\x80');
            probes.push_back('\xFF');
            for (std::size_t length : {1U, 15U, 16U, 17U, 33U, 50U}) {
                for (std::size_t from : {0U, 1U, 3U}) {
                    if (from > length) {
                        continue; // the scan starts inside the text
                    }
                    for (std::size_t at = 0; at < length; ++at) {
                        for (char probe : probes) {
                            std::string text(length, 'q');
                            text[at] = probe;
                            ASSERT_EQ(bi::scan_variants::firstHtmlStop(text, from, stops, simd),
                                      firstStopModel(text, from, stops))
                                << "simd " << simd << " length " << length << " from " << from
                                << " at " << at;
                        }
                    }
                    const std::string clean(length, 'q');
                    ASSERT_EQ(bi::scan_variants::firstHtmlStop(clean, from, stops, simd),
                              firstStopModel(clean, from, stops));
                }
            }
        }
    }
}

bool isWordByte(char c) { return std::string_view(" \t\n\r\f\0", 6).find(c) == std::string_view::npos; }

std::size_t wordRunEndModel(std::string_view text, std::size_t end) {
    for (;;) {
        while (end < text.size() && isWordByte(text[end])) {
            ++end;
        }
        if (end + 1 < text.size() && text[end] == ' ' && isWordByte(text[end + 1])) {
            ++end;
        } else {
            return end;
        }
    }
}

TEST(ExtractScanEdges, WordRunsEndAlikeInBothVariantsAtEveryOffset) {
    const std::vector<std::string> breaks = {" ", "  ", "\t", "\n", "\r", "\f", std::string(1, '\0'), " \n"};
    for (bool simd : {true, false}) {
        for (std::size_t length : {2U, 15U, 16U, 17U, 31U, 32U, 47U, 60U}) {
            for (std::size_t at = 1; at < length; ++at) {
                for (const std::string& b : breaks) {
                    std::string text;
                    for (std::size_t i = 0; text.size() < length; ++i) {
                        text += i % 5 == 4 ? ' ' : static_cast<char>('a' + i % 26);
                    }
                    text[0] = 'w'; // the run starts at a word byte
                    text.replace(at, b.size(), b);
                    text.resize(length, 'z');
                    ASSERT_EQ(bi::scan_variants::wordRunEnd(text, 0, simd), wordRunEndModel(text, 0))
                        << "simd " << simd << " length " << length << " at " << at;
                    // A trailing single space ends the run before it.
                    const std::string spaced = text + " ";
                    ASSERT_EQ(bi::scan_variants::wordRunEnd(spaced, 0, simd), wordRunEndModel(spaced, 0));
                }
            }
        }
    }
}

TEST(ExtractScanEdges, InvalidUtf8IsFoundAlikeInBothVariantsAtEveryOffset) {
    struct Probe {
        std::string_view bytes;
        bool valid;
    };
    const Probe probes[] = {{"\xFF", false},         {"\x80", false},         {"\xC3" "b", false},
                            {"\xC3\xA9", true},      {"\xE2\x82\xAC", true},  {"\xF0\x9F\x98\x80", true},
                            {"\xE2\x82", false}};
    for (bool simd : {true, false}) {
        for (std::size_t length : {0U, 1U, 31U, 32U, 33U, 64U, 70U}) {
            for (std::size_t at = 0; at <= length; ++at) {
                for (const Probe& probe : probes) {
                    const std::string text =
                        std::string(at, 'a') + std::string(probe.bytes) + std::string(length - at, 'b');
                    const std::size_t expected = probe.valid ? std::string_view::npos : at;
                    ASSERT_EQ(bi::scan_variants::firstInvalidUtf8(text, simd), expected)
                        << "simd " << simd << " length " << length << " at " << at;
                }
            }
            const std::string ascii(length, 'a');
            ASSERT_EQ(bi::scan_variants::firstInvalidUtf8(ascii, simd), std::string_view::npos);
        }
    }
}

std::size_t findByteModel(std::string_view text, std::size_t from, char byte) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == byte) {
            return i;
        }
    }
    return std::string_view::npos;
}

TEST(ExtractScanEdges, ByteIsFoundAlikeInBothVariantsAtEveryOffset) {
    // Needles with the high bit set and NUL too; the filler holds bytes one
    // bit away from each needle, so a compare that is off by a bit shows.
    const char needles[] = {'\n', '\r', '`', '\0', '\x80', '\xFF'};
    for (bool simd : {true, false}) {
        for (char needle : needles) {
            std::string filler;
            for (int i = 0; i < 220; ++i) {
                const char near = static_cast<char>(needle ^ (1 << (i % 8)));
                filler += i % 3 == 0 ? near : static_cast<char>('a' + i % 26);
            }
            // Every length to 70, then a few past several blocks.
            std::vector<std::size_t> lengths;
            for (std::size_t length = 0; length <= 70; ++length) {
                lengths.push_back(length);
            }
            for (std::size_t length :
                 {79U, 80U, 81U, 127U, 128U, 129U, 143U, 144U, 145U, 192U, 193U, 207U, 208U, 209U}) {
                lengths.push_back(length);
            }
            for (std::size_t length : lengths) {
                const std::string clean = filler.substr(0, length);
                for (std::size_t from : {0U, 1U, 5U, 16U}) {
                    ASSERT_EQ(bi::scan_variants::findByte(clean, from, needle, simd),
                              findByteModel(clean, from, needle))
                        << "simd " << simd << " length " << length << " from " << from;
                    for (std::size_t at = 0; at < length; ++at) {
                        std::string text = clean;
                        text[at] = needle;
                        ASSERT_EQ(bi::scan_variants::findByte(text, from, needle, simd),
                                  findByteModel(text, from, needle))
                            << "simd " << simd << " length " << length << " from " << from << " at " << at;
                        // A second needle later: the first one counts.
                        text[length - 1] = needle;
                        ASSERT_EQ(bi::scan_variants::findByte(text, from, needle, simd),
                                  findByteModel(text, from, needle));
                    }
                }
            }
        }
    }
    // The entry points the engine calls, on a text past a few blocks.
    std::string longText(1000, 'x');
    longText[517] = '\n';
    EXPECT_EQ(bi::bytes::find(longText, '\n'), 517U);
    EXPECT_EQ(bi::bytes::find(longText, '\n', 518), std::string_view::npos);
    EXPECT_EQ(bi::bytes::indexOf(longText.data(), 517, '\n'), 517U);
    EXPECT_TRUE(bi::bytes::contains(longText, '\n'));
    EXPECT_FALSE(bi::bytes::contains(std::string_view(), '\n'));
}

} // namespace
#endif
