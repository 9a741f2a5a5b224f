// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/DocumentFormat.h"

#include "core/EngineError.h"

#include <array>
#include <string>
#include <utility>

namespace bi::extract {

namespace {

struct FormatName {
    std::string_view name;
    DocumentFormat format;
};

constexpr std::array kMimeNames{
    FormatName{"text/plain", DocumentFormat::Text},
    FormatName{"text", DocumentFormat::Text},
    FormatName{"txt", DocumentFormat::Text},
    FormatName{"text/markdown", DocumentFormat::Markdown},
    FormatName{"text/x-markdown", DocumentFormat::Markdown},
    FormatName{"markdown", DocumentFormat::Markdown},
    FormatName{"md", DocumentFormat::Markdown},
    FormatName{"text/html", DocumentFormat::Html},
    FormatName{"application/xhtml+xml", DocumentFormat::Html},
    FormatName{"html", DocumentFormat::Html},
    FormatName{"application/xml", DocumentFormat::Xml},
    FormatName{"text/xml", DocumentFormat::Xml},
    FormatName{"xml", DocumentFormat::Xml},
    FormatName{"application/json", DocumentFormat::Json},
    FormatName{"text/json", DocumentFormat::Json},
    FormatName{"json", DocumentFormat::Json},
    FormatName{"text/csv", DocumentFormat::Csv},
    FormatName{"csv", DocumentFormat::Csv},
    FormatName{"text/tab-separated-values", DocumentFormat::Tsv},
    FormatName{"tsv", DocumentFormat::Tsv},
};

constexpr std::array kExtensions{
    FormatName{"txt", DocumentFormat::Text},       FormatName{"text", DocumentFormat::Text},
    FormatName{"log", DocumentFormat::Text},       FormatName{"md", DocumentFormat::Markdown},
    FormatName{"markdown", DocumentFormat::Markdown}, FormatName{"mdown", DocumentFormat::Markdown},
    FormatName{"html", DocumentFormat::Html},      FormatName{"htm", DocumentFormat::Html},
    FormatName{"xhtml", DocumentFormat::Html},     FormatName{"xml", DocumentFormat::Xml},
    FormatName{"svg", DocumentFormat::Xml},        FormatName{"json", DocumentFormat::Json},
    FormatName{"csv", DocumentFormat::Csv},        FormatName{"tsv", DocumentFormat::Tsv},
    FormatName{"tab", DocumentFormat::Tsv},
};

constexpr std::size_t kSniffBytes = 8192; // detection never looks further

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skipSpace(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && isSpace(text[i])) {
        ++i;
    }
    return text.substr(i);
}

// Whitespace, byte order marks (U+FEFF) and <!-- comments --> before the first markup.
std::string_view skipSpaceAndComments(std::string_view text) {
    for (;;) {
        text = skipSpace(text);
        if (text.substr(0, 3) == "\xEF\xBB\xBF") {
            text.remove_prefix(3);
        } else if (text.substr(0, 4) == "<!--") {
            const std::size_t end = text.find("-->", 4);
            if (end == std::string_view::npos) {
                return text; // an unclosed comment: nothing to go on
            }
            text.remove_prefix(end + 3);
        } else {
            return text;
        }
    }
}

// Elements that start HTML fragments. Other names (and these in other cases
// within XML vocabularies such as <svg>, <feed>, <rss>) are read as XML.
constexpr std::string_view kHtmlElements[] = {
    "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br", "button",
    "canvas", "caption", "center", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link",
    "main", "mark", "meta", "nav", "noscript", "ol", "p", "picture", "pre", "q", "s", "script",
    "section", "select", "small", "span", "strong", "style", "sub", "summary", "sup", "table",
    "template", "textarea", "title", "ul", "video"};

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.';
}

// The element name of a start tag at text[0] ('<'), or empty.
std::string_view startTagName(std::string_view text) {
    const bool letter = text.size() >= 2 && ((text[1] >= 'a' && text[1] <= 'z') || (text[1] >= 'A' && text[1] <= 'Z'));
    if (!letter || text[0] != '<') {
        return {};
    }
    std::size_t end = 1;
    while (end < text.size() && isNameChar(text[end])) {
        ++end;
    }
    // A name must end the tag or be followed by attributes.
    if (end < text.size() && !isSpace(text[end]) && text[end] != '>' && text[end] != '/') {
        return {};
    }
    return text.substr(1, end - 1);
}

bool isHtmlElement(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    for (std::string_view element : kHtmlElements) {
        if (equalsIgnoreCase(name, element)) {
            return true;
        }
    }
    return false;
}

bool looksLikeHtml(std::string_view text) {
    return startsWithIgnoreCase(text, "<!doctype html") || isHtmlElement(startTagName(text));
}

// Fields separated by `delimiter` in one line, outside double quotes.
std::size_t delimiterCount(std::string_view line, char delimiter) {
    std::size_t count = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == delimiter && !quoted) {
            ++count;
        }
    }
    return count;
}

// CSV or TSV: the first lines (up to ten complete ones, blank ones aside) all
// hold the same number of delimiters, at least one. One delimiter per line
// needs three lines, so that a few lines of prose with a comma each stay text.
bool looksDelimited(std::string_view text, char delimiter) {
    constexpr int kLines = 10;
    std::size_t expected = 0;
    int lines = 0;
    std::size_t pos = 0;
    while (lines < kLines && pos < text.size()) {
        const std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos && lines > 0 && text.size() == kSniffBytes) {
            break; // the window cut this line
        }
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            continue;
        }
        const std::size_t count = delimiterCount(line, delimiter);
        if (count == 0 || (lines > 0 && count != expected)) {
            return false;
        }
        expected = count;
        ++lines;
    }
    return lines >= (expected == 1 ? 3 : 2);
}

bool looksLikeJson(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    if (text[0] == '{') {
        return true;
    }
    if (text[0] != '[') {
        return false;
    }
    // "[" also opens a Markdown link: require what a JSON array can start with.
    std::string_view rest = skipSpace(text.substr(1));
    if (rest.empty()) {
        return false;
    }
    const char c = rest[0];
    return c == '{' || c == '[' || c == '"' || c == ']' || c == '-' || (c >= '0' && c <= '9') ||
           rest.substr(0, 4) == "true" || rest.substr(0, 5) == "false" || rest.substr(0, 4) == "null";
}

// A line that opens an ATX heading ("# ", up to six #) or a code fence.
bool isMarkdownLine(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') {
        ++hashes;
    }
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && (line[hashes] == ' ' || line[hashes] == '\t')) {
        return true;
    }
    return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
}

bool looksLikeMarkdown(std::string_view text) {
    if (text.substr(0, 4) == "---\n" || text.substr(0, 5) == "---\r\n") {
        return true;
    }
    constexpr int kLinesToLook = 20;
    std::size_t pos = 0;
    for (int line = 0; line < kLinesToLook && pos < text.size(); ++line) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (isMarkdownLine(text.substr(pos, end - pos))) {
            return true;
        }
        pos = end + 1;
    }
    return false;
}

} // namespace

std::string_view mimeTypeOf(DocumentFormat format) {
    switch (format) {
    case DocumentFormat::Text: return "text/plain";
    case DocumentFormat::Markdown: return "text/markdown";
    case DocumentFormat::Html: return "text/html";
    case DocumentFormat::Xml: return "application/xml";
    case DocumentFormat::Json: return "application/json";
    case DocumentFormat::Csv: return "text/csv";
    case DocumentFormat::Tsv: return "text/tab-separated-values";
    }
    return "text/plain";
}

DocumentFormat formatFromMimeType(std::string_view mimeType) {
    // Parameters such as "; charset=utf-8" do not change the format.
    std::string_view bare = mimeType.substr(0, mimeType.find(';'));
    while (!bare.empty() && isSpace(bare.back())) {
        bare.remove_suffix(1);
    }
    for (const auto& entry : kMimeNames) {
        if (equalsIgnoreCase(bare, entry.name)) {
            return entry.format;
        }
    }
    throw EngineError("unsupported MIME type '" + std::string(mimeType) +
                      "' (supported: text/plain, text/markdown, text/html, application/xml, "
                      "application/json, text/csv, text/tab-separated-values)");
}

bool formatFromFileName(std::string_view fileName, DocumentFormat& format) {
    const std::size_t slash = fileName.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? fileName : fileName.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    if (dot == std::string_view::npos || dot == 0) {
        return false;
    }
    const std::string_view extension = base.substr(dot + 1);
    for (const auto& entry : kExtensions) {
        if (equalsIgnoreCase(extension, entry.name)) {
            format = entry.format;
            return true;
        }
    }
    return false;
}

DocumentFormat sniffFormat(std::string_view text) {
    text = text.substr(0, kSniffBytes);
    const std::string_view start = skipSpaceAndComments(text);
    if (looksLikeHtml(start)) {
        return DocumentFormat::Html;
    }
    if (startsWithIgnoreCase(start, "<?xml")) {
        const std::size_t declarationEnd = start.find("?>");
        const std::string_view after = declarationEnd == std::string_view::npos
                                           ? std::string_view{}
                                           : skipSpaceAndComments(start.substr(declarationEnd + 2));
        return looksLikeHtml(after) ? DocumentFormat::Html : DocumentFormat::Xml;
    }
    if (!startTagName(start).empty() || startsWithIgnoreCase(start, "<!doctype")) {
        return DocumentFormat::Xml; // an element (or DOCTYPE) HTML does not start with
    }
    if (looksLikeJson(start)) {
        return DocumentFormat::Json;
    }
    if (looksLikeMarkdown(text)) {
        return DocumentFormat::Markdown;
    }
    if (looksDelimited(text, '\t')) {
        return DocumentFormat::Tsv;
    }
    if (looksDelimited(text, ',')) {
        return DocumentFormat::Csv;
    }
    return DocumentFormat::Text;
}

void requireFormatInVariant(DocumentFormat format) {
#ifdef BI_VARIANT_STANDARD
    (void)format;
#else
    if (format != DocumentFormat::Text && format != DocumentFormat::Markdown) {
        throw EngineError(std::string(mimeTypeOf(format)) + " extraction is not available in the '" +
                          BI_VARIANT_NAME + "' build variant (it extracts text/plain and text/markdown only)");
    }
#endif
}

} // namespace bi::extract
