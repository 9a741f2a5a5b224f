// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/HtmlTag.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace bi::extract::html {

namespace {

struct NamedTag {
    std::string_view name;
    HtmlTag tag;
};

// Sorted by name for binary search.
constexpr NamedTag kTags[] = {
    {"a", HtmlTag::A}, {"address", HtmlTag::Address}, {"area", HtmlTag::Area},
    {"article", HtmlTag::Article}, {"aside", HtmlTag::Aside}, {"b", HtmlTag::B},
    {"base", HtmlTag::Base}, {"blockquote", HtmlTag::Blockquote}, {"body", HtmlTag::Body},
    {"br", HtmlTag::Br}, {"button", HtmlTag::Button}, {"caption", HtmlTag::Caption}, {"center", HtmlTag::Center},
    {"code", HtmlTag::Code}, {"col", HtmlTag::Col}, {"colgroup", HtmlTag::Colgroup},
    {"dd", HtmlTag::Dd}, {"del", HtmlTag::Del}, {"details", HtmlTag::Details},
    {"dialog", HtmlTag::Dialog}, {"dir", HtmlTag::Dir}, {"div", HtmlTag::Div}, {"dl", HtmlTag::Dl},
    {"dt", HtmlTag::Dt}, {"em", HtmlTag::Em}, {"embed", HtmlTag::Embed},
    {"fieldset", HtmlTag::Fieldset}, {"figcaption", HtmlTag::Figcaption},
    {"figure", HtmlTag::Figure}, {"footer", HtmlTag::Footer}, {"form", HtmlTag::Form},
    {"h1", HtmlTag::H1}, {"h2", HtmlTag::H2}, {"h3", HtmlTag::H3}, {"h4", HtmlTag::H4},
    {"h5", HtmlTag::H5}, {"h6", HtmlTag::H6}, {"head", HtmlTag::Head},
    {"header", HtmlTag::Header}, {"hgroup", HtmlTag::Hgroup}, {"hr", HtmlTag::Hr},
    {"html", HtmlTag::Html}, {"i", HtmlTag::I}, {"iframe", HtmlTag::Iframe},
    {"img", HtmlTag::Img}, {"input", HtmlTag::Input}, {"kbd", HtmlTag::Kbd}, {"li", HtmlTag::Li},
    {"link", HtmlTag::Link}, {"listing", HtmlTag::Listing}, {"main", HtmlTag::Main},
    {"math", HtmlTag::Math}, {"menu", HtmlTag::Menu}, {"meta", HtmlTag::Meta},
    {"nav", HtmlTag::Nav}, {"noembed", HtmlTag::Noembed}, {"noframes", HtmlTag::Noframes},
    {"noscript", HtmlTag::Noscript}, {"ol", HtmlTag::Ol}, {"option", HtmlTag::Option}, {"p", HtmlTag::P},
    {"param", HtmlTag::Param}, {"plaintext", HtmlTag::Plaintext}, {"pre", HtmlTag::Pre},
    {"s", HtmlTag::S}, {"samp", HtmlTag::Samp}, {"script", HtmlTag::Script},
    {"section", HtmlTag::Section}, {"select", HtmlTag::Select}, {"source", HtmlTag::Source}, {"strike", HtmlTag::Strike},
    {"strong", HtmlTag::Strong}, {"style", HtmlTag::Style}, {"summary", HtmlTag::Summary},
    {"svg", HtmlTag::Svg}, {"table", HtmlTag::Table}, {"tbody", HtmlTag::Tbody},
    {"td", HtmlTag::Td}, {"template", HtmlTag::Template}, {"textarea", HtmlTag::Textarea},
    {"tfoot", HtmlTag::Tfoot}, {"th", HtmlTag::Th}, {"thead", HtmlTag::Thead},
    {"title", HtmlTag::Title}, {"tr", HtmlTag::Tr}, {"track", HtmlTag::Track},
    {"tt", HtmlTag::Tt}, {"ul", HtmlTag::Ul}, {"wbr", HtmlTag::Wbr}, {"xmp", HtmlTag::Xmp},
};

// The run of kTags sharing each first letter (the table is sorted).
struct LetterRange {
    std::uint8_t begin = 0;
    std::uint8_t end = 0;
};

constexpr std::array<LetterRange, 26> makeLetterRanges() {
    std::array<LetterRange, 26> ranges{};
    for (std::size_t i = 0; i < std::size(kTags); ++i) {
        LetterRange& r = ranges[static_cast<std::size_t>(kTags[i].name[0] - 'a')];
        if (r.begin == r.end) {
            r.begin = static_cast<std::uint8_t>(i);
        }
        r.end = static_cast<std::uint8_t>(i + 1);
    }
    return ranges;
}

constexpr std::array<LetterRange, 26> kLetterRanges = makeLetterRanges();

// Whether two names of the same length agree after their first byte. A
// plain loop: names are a few bytes, shorter than a memcmp call.
bool sameAfterFirst(std::string_view a, std::string_view b) {
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

HtmlTag tagFromName(std::string_view name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z') {
        return HtmlTag::Other;
    }
    const LetterRange range = kLetterRanges[static_cast<std::size_t>(name[0] - 'a')];
    for (std::size_t i = range.begin; i < range.end; ++i) {
        const std::string_view candidate = kTags[i].name;
        if (candidate.size() == name.size() && sameAfterFirst(candidate, name)) {
            return kTags[i].tag;
        }
    }
    return HtmlTag::Other;
}

bool isVoidElement(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Area: case HtmlTag::Base: case HtmlTag::Br: case HtmlTag::Col:
    case HtmlTag::Embed: case HtmlTag::Hr: case HtmlTag::Img: case HtmlTag::Input:
    case HtmlTag::Link: case HtmlTag::Meta: case HtmlTag::Param: case HtmlTag::Source:
    case HtmlTag::Track: case HtmlTag::Wbr:
        return true;
    default:
        return false;
    }
}

bool closesParagraph(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Address: case HtmlTag::Article: case HtmlTag::Aside: case HtmlTag::Blockquote:
    case HtmlTag::Center: case HtmlTag::Details: case HtmlTag::Dialog: case HtmlTag::Dir:
    case HtmlTag::Div: case HtmlTag::Dl: case HtmlTag::Dd: case HtmlTag::Dt:
    case HtmlTag::Fieldset: case HtmlTag::Figcaption: case HtmlTag::Figure:
    case HtmlTag::Footer: case HtmlTag::Form: case HtmlTag::H1: case HtmlTag::H2:
    case HtmlTag::H3: case HtmlTag::H4: case HtmlTag::H5: case HtmlTag::H6:
    case HtmlTag::Header: case HtmlTag::Hgroup: case HtmlTag::Hr: case HtmlTag::Li:
    case HtmlTag::Listing: case HtmlTag::Main: case HtmlTag::Menu: case HtmlTag::Nav:
    case HtmlTag::Ol: case HtmlTag::P: case HtmlTag::Plaintext: case HtmlTag::Pre:
    case HtmlTag::Section: case HtmlTag::Summary: case HtmlTag::Table: case HtmlTag::Ul:
    case HtmlTag::Xmp:
        return true;
    default:
        return false;
    }
}

bool isBlockElement(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Caption: case HtmlTag::Tr: case HtmlTag::Td: case HtmlTag::Th:
    case HtmlTag::Tbody: case HtmlTag::Thead: case HtmlTag::Tfoot: case HtmlTag::Body:
    case HtmlTag::Html: case HtmlTag::Textarea:
        return true;
    default:
        return closesParagraph(tag);
    }
}

bool isScopeBoundary(HtmlTag tag) {
    switch (tag) {
    case HtmlTag::Html: case HtmlTag::Table: case HtmlTag::Td: case HtmlTag::Th:
    case HtmlTag::Caption: case HtmlTag::Template: case HtmlTag::Svg: case HtmlTag::Math:
        return true;
    default:
        return false;
    }
}

} // namespace bi::extract::html
