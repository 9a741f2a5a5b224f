// SPDX-License-Identifier: GPL-3.0-or-later
// What an HTML document says about itself: <title>, <meta> description,
// keywords and author, <html lang>, the canonical link, Open Graph properties,
// and the outline of headings and links found while converting.
#pragma once

#include "core/Json.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bi::extract::html {

class HtmlMetadata {
public:
    void setTitle(std::string_view title);
    void setLanguage(std::string_view language);
    void setCanonicalUrl(std::string_view url);
    // A <meta> element: name= or property= with content=.
    void addMeta(std::string_view name, std::string_view property, std::string_view content);
    void addHeading(int level, std::string_view text);
    void addLink(std::string_view href, std::string_view text);

    // {"title","description","keywords":[...],"author","language","canonical_url",
    //  "open_graph":{...},"headings":[{"level","text"}],"links":[{"href","text"}]},
    // absent members omitted.
    [[nodiscard]] json::Value toJson() const;
    // The same, rewriting `target` in place (its storage is reused).
    void writeJson(json::Value& target) const;
    // Becomes empty, taking over the buffers of `old` (a converter's restart).
    void keepBuffersOf(HtmlMetadata& old);

private:
    std::string title_;
    std::string description_;
    std::string author_;
    std::string language_;
    std::string canonicalUrl_;
    bool hasTitle_ = false;
    bool hasDescription_ = false;
    bool hasAuthor_ = false;
    bool hasLanguage_ = false;
    bool hasCanonicalUrl_ = false;
    // Kept as plain strings and turned into JSON once, in toJson().
    std::vector<std::string> keywords_;
    std::vector<std::pair<std::string, std::string>> openGraph_;
    template <class First>
    static void writePairs(json::Object& out, std::size_t& index, const char* key,
                           const std::vector<std::pair<First, std::string>>& pairs, std::size_t count,
                           const char* firstKey, const char* secondKey);

    // [0, count) are this document's; later slots keep their buffers for reuse.
    std::vector<std::pair<int, std::string>> headings_;
    std::vector<std::pair<std::string, std::string>> links_;
    std::size_t headingCount_ = 0;
    std::size_t linkCount_ = 0;
};

// Collapses whitespace runs to one space and trims (ASCII whitespace only).
std::string collapseWhitespace(std::string_view text);
void appendCollapsed(std::string_view text, std::string& out);

} // namespace bi::extract::html
