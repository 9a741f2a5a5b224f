// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/HtmlSyntax.h"

#include <array>
#include <string>

namespace bi::extract::markdown::html {

namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool startsWithNoCase(std::string_view s, std::size_t pos, std::string_view prefix) {
    if (s.size() - pos < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[pos + i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

std::size_t skipSpaces(std::string_view s, std::size_t i) {
    while (i < s.size() && isSpace(s[i])) {
        ++i;
    }
    return i;
}

std::size_t tagNameEnd(std::string_view s, std::size_t i) {
    if (i >= s.size() || !isAlpha(s[i])) {
        return 0;
    }
    while (i < s.size() && (isAlpha(s[i]) || isDigit(s[i]) || s[i] == '-')) {
        ++i;
    }
    return i;
}

bool isAttributeNameStart(char c) { return isAlpha(c) || c == '_' || c == ':'; }
bool isAttributeNameChar(char c) { return isAttributeNameStart(c) || isDigit(c) || c == '.' || c == '-'; }

// End of an attribute value at s[i], or 0.
std::size_t attributeValueEnd(std::string_view s, std::size_t i) {
    if (i >= s.size()) {
        return 0;
    }
    if (s[i] == '"' || s[i] == '\'') {
        std::size_t close = s.find(s[i], i + 1);
        return close == std::string_view::npos ? 0 : close + 1;
    }
    std::size_t start = i;
    static constexpr std::string_view kForbidden = "\"'=<>`";
    while (i < s.size() && static_cast<unsigned char>(s[i]) > 0x20 && kForbidden.find(s[i]) == std::string_view::npos) {
        ++i;
    }
    return i > start ? i : 0;
}

// After an attribute name: the end of its optional "= value", or `i` unchanged
// when there is none; 0 when '=' has no valid value (no tag at all).
std::size_t attributeValueSpecEnd(std::string_view s, std::size_t i) {
    std::size_t j = skipSpaces(s, i);
    if (j >= s.size() || s[j] != '=') {
        return i;
    }
    return attributeValueEnd(s, skipSpaces(s, j + 1));
}

// Finds `terminator` from `from`; on failure records it in `missingFrom`.
std::size_t findTerminated(std::string_view s, std::size_t from, std::string_view terminator, std::size_t& missingFrom) {
    if (missingFrom != ScanMemo::kNever && from >= missingFrom) {
        return std::string_view::npos;
    }
    std::size_t at = s.find(terminator, from);
    if (at == std::string_view::npos) {
        missingFrom = from;
        return at;
    }
    return at + terminator.size();
}

std::size_t comment(std::string_view s, std::size_t pos, ScanMemo& memo) {
    if (s.compare(pos, 4, "<!--") != 0) {
        return 0;
    }
    if (s.compare(pos + 4, 1, ">") == 0) {
        return 5;
    }
    if (s.compare(pos + 4, 2, "->") == 0) {
        return 6;
    }
    std::size_t end = findTerminated(s, pos + 4, "-->", memo.commentEndMissingFrom);
    return end == std::string_view::npos ? 0 : end - pos;
}

std::size_t processingInstruction(std::string_view s, std::size_t pos, ScanMemo& memo) {
    if (s.compare(pos, 2, "<?") != 0) {
        return 0;
    }
    std::size_t end = findTerminated(s, pos + 2, "?>", memo.piEndMissingFrom);
    return end == std::string_view::npos ? 0 : end - pos;
}

std::size_t cdata(std::string_view s, std::size_t pos, ScanMemo& memo) {
    if (s.compare(pos, 9, "<![CDATA[") != 0) {
        return 0;
    }
    std::size_t end = findTerminated(s, pos + 9, "]]>", memo.cdataEndMissingFrom);
    return end == std::string_view::npos ? 0 : end - pos;
}

std::size_t declaration(std::string_view s, std::size_t pos, ScanMemo& memo) {
    if (s.compare(pos, 2, "<!") != 0 || pos + 2 >= s.size() || !isAlpha(s[pos + 2])) {
        return 0;
    }
    std::size_t end = findTerminated(s, pos + 2, ">", memo.declarationEndMissingFrom);
    return end == std::string_view::npos ? 0 : end - pos;
}

constexpr std::array<std::string_view, 62> kBlockTagNames{
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul"};

constexpr std::array<std::string_view, 4> kRawTextNames{"script", "pre", "textarea", "style"};

bool isType1(std::string_view rest) {
    for (std::string_view name : kRawTextNames) {
        if (startsWithNoCase(rest, 1, name)) {
            std::size_t after = 1 + name.size();
            if (after == rest.size() || isSpace(rest[after]) || rest[after] == '>') {
                return true;
            }
        }
    }
    return false;
}

bool isType6(std::string_view rest) {
    std::size_t start = rest.size() > 1 && rest[1] == '/' ? 2 : 1;
    std::size_t end = start;
    while (end < rest.size() && (isAlpha(rest[end]) || isDigit(rest[end]))) {
        ++end;
    }
    std::string name;
    for (std::size_t i = start; i < end; ++i) {
        name += lower(rest[i]);
    }
    bool known = false;
    for (std::string_view candidate : kBlockTagNames) {
        known = known || candidate == name;
    }
    if (!known) {
        return false;
    }
    return end == rest.size() || isSpace(rest[end]) || rest[end] == '>' || rest.compare(end, 2, "/>") == 0;
}

bool isType7(std::string_view rest) {
    std::size_t length = openTag(rest, 0);
    if (length == 0) {
        length = closingTag(rest, 0);
    }
    if (length == 0) {
        return false;
    }
    for (std::size_t i = length; i < rest.size(); ++i) {
        if (rest[i] != ' ' && rest[i] != '\t') {
            return false;
        }
    }
    return true;
}

bool containsNoCase(std::string_view line, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= line.size(); ++i) {
        if (startsWithNoCase(line, i, needle)) {
            return true;
        }
    }
    return false;
}

} // namespace

std::size_t openTag(std::string_view s, std::size_t pos) {
    if (pos >= s.size() || s[pos] != '<') {
        return 0;
    }
    std::size_t i = tagNameEnd(s, pos + 1);
    if (i == 0) {
        return 0;
    }
    for (;;) {
        std::size_t j = skipSpaces(s, i);
        if (j == i || j >= s.size() || !isAttributeNameStart(s[j])) {
            break;
        }
        while (j < s.size() && isAttributeNameChar(s[j])) {
            ++j;
        }
        i = attributeValueSpecEnd(s, j);
        if (i == 0) {
            return 0;
        }
    }
    i = skipSpaces(s, i);
    if (i < s.size() && s[i] == '/') {
        ++i;
    }
    return i < s.size() && s[i] == '>' ? i + 1 - pos : 0;
}

std::size_t closingTag(std::string_view s, std::size_t pos) {
    if (s.compare(pos, 2, "</") != 0) {
        return 0;
    }
    std::size_t i = tagNameEnd(s, pos + 2);
    if (i == 0) {
        return 0;
    }
    i = skipSpaces(s, i);
    return i < s.size() && s[i] == '>' ? i + 1 - pos : 0;
}

std::size_t inlineHtml(std::string_view s, std::size_t pos, ScanMemo& memo) {
    if (pos + 1 >= s.size()) {
        return 0;
    }
    switch (s[pos + 1]) {
    case '/': return closingTag(s, pos);
    case '?': return processingInstruction(s, pos, memo);
    case '!': {
        std::size_t length = comment(s, pos, memo);
        if (length == 0) {
            length = cdata(s, pos, memo);
        }
        return length != 0 ? length : declaration(s, pos, memo);
    }
    default: return openTag(s, pos);
    }
}

int blockStartType(std::string_view rest, bool allowType7) {
    if (rest.empty() || rest[0] != '<') {
        return 0;
    }
    if (isType1(rest)) {
        return 1;
    }
    if (rest.compare(0, 4, "<!--") == 0) {
        return 2;
    }
    if (rest.compare(0, 2, "<?") == 0) {
        return 3;
    }
    if (rest.size() > 2 && rest[1] == '!' && isAlpha(rest[2])) {
        return 4;
    }
    if (rest.compare(0, 9, "<![CDATA[") == 0) {
        return 5;
    }
    if (isType6(rest)) {
        return 6;
    }
    return allowType7 && isType7(rest) ? 7 : 0;
}

bool blockEnds(int type, std::string_view line) {
    switch (type) {
    case 1:
        for (std::string_view name : kRawTextNames) {
            if (containsNoCase(line, std::string("</").append(name).append(">"))) {
                return true;
            }
        }
        return false;
    case 2: return line.find("-->") != std::string_view::npos;
    case 3: return line.find("?>") != std::string_view::npos;
    case 4: return line.find('>') != std::string_view::npos;
    case 5: return line.find("]]>") != std::string_view::npos;
    default: return false;
    }
}

} // namespace bi::extract::markdown::html
