// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML elements the converter treats specially, and their categories.
#pragma once

#include <cstdint>
#include <string_view>

namespace bi::extract::html {

enum class HtmlTag : std::uint8_t {
    Other, A, Address, Area, Article, Aside, B, Base, Blockquote, Body, Br, Button, Caption, Center,
    Code, Col, Colgroup, Dd, Del, Details, Dialog, Dir, Div, Dl, Dt, Em, Embed, Fieldset,
    Figcaption, Figure, Footer, Form, H1, H2, H3, H4, H5, H6, Head, Header, Hgroup, Hr, Html, I,
    Iframe, Img, Input, Kbd, Li, Link, Listing, Main, Math, Menu, Meta, Nav, Noembed, Noframes,
    Noscript, Ol, Option, P, Param, Plaintext, Pre, S, Samp, Script, Section, Select, Source, Strike, Strong,
    Style, Summary, Svg, Table, Tbody, Td, Template, Textarea, Tfoot, Th, Thead, Title, Tr,
    Track, Tt, Ul, Wbr, Xmp,
};

// Lowercase tag name to tag; Other for anything not listed.
HtmlTag tagFromName(std::string_view name);

// Elements without content or end tag.
bool isVoidElement(HtmlTag tag);
// Block-level elements: their start and end separate paragraphs.
bool isBlockElement(HtmlTag tag);
// Start tags that close an open <p> (the standard's "close a p element").
bool closesParagraph(HtmlTag tag);
// Elements that bound the search for an end tag's element (a simplified
// "has an element in scope").
bool isScopeBoundary(HtmlTag tag);
// 1-6, or 0. Inline: the converter asks for every element it searches.
inline int headingLevel(HtmlTag tag) {
    if (tag >= HtmlTag::H1 && tag <= HtmlTag::H6) {
        return static_cast<int>(tag) - static_cast<int>(HtmlTag::H1) + 1;
    }
    return 0;
}

} // namespace bi::extract::html
