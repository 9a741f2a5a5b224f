// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/HtmlMetadata.h"

#include <algorithm>

namespace bi::extract::html {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

void setOnce(std::string& field, bool& has, std::string_view value) {
    std::string collapsed = collapseWhitespace(value);
    if (!has && !collapsed.empty()) {
        field = std::move(collapsed);
        has = true;
    }
}

} // namespace

std::string collapseWhitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (isAsciiSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

void HtmlMetadata::setTitle(std::string_view title) { setOnce(title_, hasTitle_, title); }

void HtmlMetadata::setLanguage(std::string_view language) {
    setOnce(language_, hasLanguage_, language);
}

void HtmlMetadata::setCanonicalUrl(std::string_view url) {
    setOnce(canonicalUrl_, hasCanonicalUrl_, url);
}

void HtmlMetadata::addMeta(std::string_view name, std::string_view property,
                           std::string_view content) {
    if (equalsIgnoringCase(name, "description")) {
        setOnce(description_, hasDescription_, content);
    } else if (equalsIgnoringCase(name, "author")) {
        setOnce(author_, hasAuthor_, content);
    } else if (equalsIgnoringCase(name, "keywords") && keywords_.empty()) {
        std::size_t start = 0;
        while (start <= content.size()) {
            std::size_t comma = content.find(',', start);
            if (comma == std::string_view::npos) {
                comma = content.size();
            }
            std::string keyword = collapseWhitespace(content.substr(start, comma - start));
            if (!keyword.empty()) {
                keywords_.push_back(std::move(keyword));
            }
            start = comma + 1;
        }
    }
    if (property.size() > 3 && equalsIgnoringCase(property.substr(0, 3), "og:")) {
        const std::string_view key = property.substr(3);
        const bool seen = std::any_of(openGraph_.begin(), openGraph_.end(),
                                      [&](const auto& p) { return p.first == key; });
        if (!seen) {
            openGraph_.emplace_back(std::string(key), collapseWhitespace(content));
        }
    }
}

void HtmlMetadata::addHeading(int level, std::string_view text) {
    std::string collapsed = collapseWhitespace(text);
    if (!collapsed.empty()) {
        headings_.emplace_back(level, std::move(collapsed));
    }
}

void HtmlMetadata::addLink(std::string_view href, std::string_view text) {
    links_.emplace_back(std::string(href), collapseWhitespace(text));
}

json::Value HtmlMetadata::toJson() const {
    json::Value out = json::Value::object();
    auto optional = [&](std::string_view key, bool has, const std::string& value) {
        if (has) {
            out.set(key, value);
        }
    };
    optional("title", hasTitle_, title_);
    optional("description", hasDescription_, description_);
    if (!keywords_.empty()) {
        out.set("keywords", json::Array(keywords_.begin(), keywords_.end()));
    }
    optional("author", hasAuthor_, author_);
    optional("language", hasLanguage_, language_);
    optional("canonical_url", hasCanonicalUrl_, canonicalUrl_);
    if (!openGraph_.empty()) {
        json::Object openGraph;
        for (const auto& [key, value] : openGraph_) {
            openGraph.emplace_back(key, value);
        }
        out.set("open_graph", std::move(openGraph));
    }
    if (!headings_.empty()) {
        json::Array headings;
        for (const auto& [level, text] : headings_) {
            headings.push_back(json::Object{{"level", level}, {"text", text}});
        }
        out.set("headings", std::move(headings));
    }
    if (!links_.empty()) {
        json::Array links;
        for (const auto& [href, text] : links_) {
            links.push_back(json::Object{{"href", href}, {"text", text}});
        }
        out.set("links", std::move(links));
    }
    return out;
}

} // namespace bi::extract::html
