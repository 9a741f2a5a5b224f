// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/HtmlMetadata.h"

#include "extract/JsonReuse.h"

#include <algorithm>
#include <type_traits>

namespace bi::extract::html {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

void setOnce(std::string& field, bool& has, std::string_view value) {
    if (has) {
        return;
    }
    field.clear();
    appendCollapsed(value, field);
    has = !field.empty();
}

// The next of `count` reused pairs (appended when the vector is shorter).
template <class Pair>
Pair& nextSlot(std::vector<Pair>& slots, std::size_t& count) {
    if (count == slots.size()) {
        slots.emplace_back();
    }
    return slots[count++];
}

} // namespace

void appendCollapsed(std::string_view text, std::string& out) {
    const std::size_t start = out.size();
    const std::size_t n = text.size();
    bool space = false;
    for (std::size_t i = 0; i < n;) {
        if (isAsciiSpace(text[i])) {
            space = out.size() > start;
            ++i;
            continue;
        }
        // Appended in runs: words with one plain space between them stay as
        // they are (that space is what collapsing writes there anyway).
        std::size_t end = i + 1;
        while (end < n && (!isAsciiSpace(text[end]) ||
                           (text[end] == ' ' && end + 1 < n && !isAsciiSpace(text[end + 1])))) {
            ++end;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out.append(text.data() + i, end - i);
        i = end;
    }
}

std::string collapseWhitespace(std::string_view text) {
    std::string out;
    appendCollapsed(text, out);
    return out;
}

void HtmlMetadata::keepBuffersOf(HtmlMetadata& old) {
    for (auto [mine, theirs] : {std::pair{&title_, &old.title_}, std::pair{&description_, &old.description_},
                                std::pair{&author_, &old.author_}, std::pair{&language_, &old.language_},
                                std::pair{&canonicalUrl_, &old.canonicalUrl_}}) {
        mine->swap(*theirs);
        mine->clear();
    }
    headings_.swap(old.headings_);
    links_.swap(old.links_);
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
    auto& [slotLevel, slotText] = nextSlot(headings_, headingCount_);
    slotLevel = level;
    slotText.clear();
    appendCollapsed(text, slotText);
    if (slotText.empty()) {
        --headingCount_;
    }
}

void HtmlMetadata::addLink(std::string_view href, std::string_view text) {
    auto& [slotHref, slotText] = nextSlot(links_, linkCount_);
    slotHref.assign(href);
    slotText.clear();
    appendCollapsed(text, slotText);
}

json::Value HtmlMetadata::toJson() const {
    json::Value out;
    writeJson(out);
    return out;
}

void HtmlMetadata::writeJson(json::Value& target) const {
    json::Object& out = reuse::object(target);
    std::size_t index = 0;
    auto optional = [&](const char* key, bool has, const std::string& value) {
        if (has) {
            reuse::assign(reuse::member(out, index++, key), value);
        }
    };
    optional("title", hasTitle_, title_);
    optional("description", hasDescription_, description_);
    if (!keywords_.empty()) {
        json::Array& keywords = reuse::array(reuse::member(out, index++, "keywords"));
        for (std::size_t i = 0; i < keywords_.size(); ++i) {
            reuse::assign(reuse::element(keywords, i), keywords_[i]);
        }
        reuse::truncate(keywords, keywords_.size());
    }
    optional("author", hasAuthor_, author_);
    optional("language", hasLanguage_, language_);
    optional("canonical_url", hasCanonicalUrl_, canonicalUrl_);
    if (!openGraph_.empty()) {
        json::Object& openGraph = reuse::object(reuse::member(out, index++, "open_graph"));
        for (std::size_t i = 0; i < openGraph_.size(); ++i) {
            reuse::assign(reuse::member(openGraph, i, openGraph_[i].first), openGraph_[i].second);
        }
        reuse::truncate(openGraph, openGraph_.size());
    }
    writePairs(out, index, "headings", headings_, headingCount_, "level", "text");
    writePairs(out, index, "links", links_, linkCount_, "href", "text");
    reuse::truncate(out, index);
}

template <class First>
void HtmlMetadata::writePairs(json::Object& out, std::size_t& index, const char* key,
                              const std::vector<std::pair<First, std::string>>& pairs, std::size_t count,
                              const char* firstKey, const char* secondKey) {
    if (count == 0) {
        return;
    }
    json::Array& array = reuse::array(reuse::member(out, index++, key));
    for (std::size_t i = 0; i < count; ++i) {
        json::Object& object = reuse::object(reuse::element(array, i));
        if constexpr (std::is_same_v<First, int>) {
            reuse::member(object, 0, firstKey) = json::Value(pairs[i].first);
        } else {
            reuse::assign(reuse::member(object, 0, firstKey), pairs[i].first);
        }
        reuse::assign(reuse::member(object, 1, secondKey), pairs[i].second);
        reuse::truncate(object, 2);
    }
    reuse::truncate(array, count);
}

} // namespace bi::extract::html
