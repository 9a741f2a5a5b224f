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

// Sorted by name (kept so: easy to check against the enum).
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

// An open-addressing table of the names, built at compile time: one hash of
// the first and last byte and the length, then (nearly always) one compare.
constexpr std::size_t kSlotCount = 256; // a power of two, well above the names
constexpr std::size_t kLongestName = 10;

constexpr std::size_t hashName(std::string_view name) {
    const auto first = static_cast<unsigned char>(name.front());
    const auto last = static_cast<unsigned char>(name.back());
    return (first * 31U + last * 7U + name.size() * 13U) & (kSlotCount - 1);
}

struct TagSlots {
    std::array<NamedTag, kSlotCount> slots{}; // tag Other: empty
    constexpr TagSlots() {
        for (const NamedTag& t : kTags) {
            std::size_t h = hashName(t.name);
            while (slots[h].tag != HtmlTag::Other) {
                h = (h + 1) & (kSlotCount - 1);
            }
            slots[h] = t;
        }
    }
};
constexpr TagSlots kTagSlots;

// Whether two names of the same length are equal. A plain loop: names are a
// few bytes, shorter than a memcmp call.
bool sameName(std::string_view a, std::string_view b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

HtmlTag tagFromName(std::string_view name) {
    if (name.empty() || name.size() > kLongestName) {
        return HtmlTag::Other;
    }
    for (std::size_t h = hashName(name);; h = (h + 1) & (kSlotCount - 1)) {
        const NamedTag& slot = kTagSlots.slots[h];
        if (slot.tag == HtmlTag::Other) {
            return HtmlTag::Other;
        }
        if (slot.name.size() == name.size() && sameName(slot.name, name)) {
            return slot.tag;
        }
    }
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
