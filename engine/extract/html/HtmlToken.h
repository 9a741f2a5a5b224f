// SPDX-License-Identifier: GPL-3.0-or-later
// One token of the HTML5 tokenizer (WHATWG "13.2.5 Tokenization"). Every view
// points into the input or into the tokenizer's scratch buffer and stays valid
// until the tokenizer's next() is called again.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bi::extract::html {

enum class HtmlTokenType : std::uint8_t { Character, StartTag, EndTag, Comment, Doctype, EndOfFile };

struct HtmlAttribute {
    std::string_view name;  // lowercased
    std::string_view value; // character references decoded
};

struct HtmlToken {
    HtmlTokenType type = HtmlTokenType::EndOfFile;
    // Character data, comment text, tag name (lowercased) or DOCTYPE name.
    std::string_view data;
    std::vector<HtmlAttribute> attributes; // start tags only, duplicates dropped
    bool selfClosing = false;
    // DOCTYPE only: the standard distinguishes a missing value from an empty one.
    bool hasName = false;
    bool hasPublicId = false;
    bool hasSystemId = false;
    bool forceQuirks = false;
    std::string_view publicId;
    std::string_view systemId;

    [[nodiscard]] std::optional<std::string_view> attribute(std::string_view name) const {
        for (const HtmlAttribute& a : attributes) {
            if (a.name == name) {
                return a.value;
            }
        }
        return std::nullopt;
    }
};

} // namespace bi::extract::html
