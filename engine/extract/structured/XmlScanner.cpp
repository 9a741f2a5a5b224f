// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/structured/XmlScanner.h"

#include "core/EngineError.h"
#include "core/Utf8.h"
#include "extract/structured/TextPosition.h"

#include <algorithm>

namespace bi::extract::structured {

namespace {

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

} // namespace

void XmlScanner::fail(std::size_t at, const std::string& message) const {
    throw EngineError("XML: " + describePosition(text_, at) + ": " + message);
}

std::size_t XmlScanner::expectEnd(std::string_view terminator, const char* what) {
    const std::size_t end = text_.find(terminator, pos_);
    if (end == std::string_view::npos) {
        fail(pos_, std::string("unterminated ") + what);
    }
    return end;
}

void XmlScanner::skipSpace() {
    while (pos_ < text_.size() && isXmlSpace(text_[pos_])) {
        ++pos_;
    }
}

std::string_view XmlScanner::readName() {
    const std::size_t start = pos_;
    if (pos_ >= text_.size() || !isNameStart(text_[pos_])) {
        fail(pos_, "expected a name");
    }
    while (pos_ < text_.size() && isNameChar(text_[pos_])) {
        ++pos_;
    }
    return text_.substr(start, pos_ - start);
}

void XmlScanner::scan(std::string& content) {
    while (pos_ < text_.size()) {
        const std::size_t lt = text_.find('<', pos_);
        const std::size_t end = lt == std::string_view::npos ? text_.size() : lt;
        if (end > pos_) {
            charData(end, content, true);
        }
        if (lt != std::string_view::npos) {
            markup(content);
        }
    }
    flushText(content);
    if (!open_.empty()) {
        fail(text_.size(), "element <" + std::string(open_.back()) + "> is not closed");
    }
    if (root_.empty()) {
        fail(text_.size(), "no root element");
    }
}

void XmlScanner::markup(std::string& content) {
    const std::size_t at = pos_;
    if (startsWith("<!--")) {
        pos_ = expectEnd("-->", "comment") + 3;
    } else if (startsWith("<![CDATA[")) {
        if (open_.empty()) {
            fail(at, "CDATA section outside the root element");
        }
        pos_ += 9;
        charData(expectEnd("]]>", "CDATA section"), content, false);
        pos_ += 3;
    } else if (startsWith("<?")) {
        pos_ = expectEnd("?>", "processing instruction") + 2;
    } else if (startsWith("<!DOCTYPE")) {
        doctype();
    } else if (startsWith("</")) {
        flushText(content);
        endTag();
    } else {
        flushText(content);
        startTag();
    }
}

void XmlScanner::doctype() {
    if (!root_.empty()) {
        fail(pos_, "DOCTYPE after the root element");
    }
    int brackets = 0;
    for (++pos_; pos_ < text_.size(); ++pos_) {
        const char c = text_[pos_];
        if (c == '[') {
            ++brackets;
        } else if (c == ']') {
            --brackets;
        } else if (c == '>' && brackets <= 0) {
            ++pos_;
            return;
        }
    }
    fail(text_.size(), "unterminated DOCTYPE");
}

void XmlScanner::startTag() {
    const std::size_t at = pos_;
    ++pos_;
    const std::string_view name = readName();
    if (open_.empty()) {
        if (!root_.empty()) {
            fail(at, "second root element <" + std::string(name) + ">");
        }
        root_ = std::string(name);
    }
    ++elements_;
    attributes();
    if (startsWith("/>")) {
        pos_ += 2;
        maxDepth_ = std::max(maxDepth_, open_.size() + 1);
        return;
    }
    if (!startsWith(">")) {
        fail(pos_, "expected '>' to end the start tag <" + std::string(name) + ">");
    }
    ++pos_;
    open_.push_back(name);
    maxDepth_ = std::max(maxDepth_, open_.size());
}

void XmlScanner::attributes() {
    for (;;) {
        const std::size_t before = pos_;
        skipSpace();
        if (pos_ >= text_.size()) {
            fail(pos_, "unterminated start tag");
        }
        if (text_[pos_] == '>' || startsWith("/>")) {
            return;
        }
        if (pos_ == before) {
            fail(pos_, "expected a space before the attribute");
        }
        readName();
        skipSpace();
        if (!startsWith("=")) {
            fail(pos_, "expected '=' after the attribute name");
        }
        ++pos_;
        skipSpace();
        if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
            fail(pos_, "attribute value must be quoted");
        }
        const char quote = text_[pos_++];
        const std::size_t close = text_.find(quote, pos_);
        if (close == std::string_view::npos) {
            fail(pos_, "unterminated attribute value");
        }
        const std::size_t lt = text_.substr(pos_, close - pos_).find('<');
        if (lt != std::string_view::npos) {
            fail(pos_ + lt, "'<' in an attribute value");
        }
        pos_ = close + 1;
        ++attributes_;
    }
}

void XmlScanner::endTag() {
    const std::size_t at = pos_;
    pos_ += 2;
    const std::string_view name = readName();
    skipSpace();
    if (!startsWith(">")) {
        fail(pos_, "expected '>' to end the end tag </" + std::string(name) + ">");
    }
    ++pos_;
    if (open_.empty()) {
        fail(at, "end tag </" + std::string(name) + "> without a start tag");
    }
    if (open_.back() != name) {
        fail(at, "end tag </" + std::string(name) + "> does not match <" + std::string(open_.back()) + ">");
    }
    open_.pop_back();
}

void XmlScanner::charData(std::size_t end, std::string& content, bool decode) {
    (void)content;
    if (open_.empty()) {
        for (std::size_t i = pos_; i < end; ++i) {
            if (!isXmlSpace(text_[i])) {
                fail(i, "text outside the root element");
            }
        }
        pos_ = end;
        return;
    }
    while (pos_ < end) {
        const std::size_t amp = decode ? text_.find('&', pos_) : std::string_view::npos;
        const std::size_t stop = std::min(amp, end);
        pendingText_.append(text_.substr(pos_, stop - pos_));
        pos_ = stop;
        if (pos_ < end) {
            decodeReference(pendingText_);
        }
    }
}

void XmlScanner::decodeReference(std::string& out) {
    const std::size_t at = pos_;
    const std::size_t semicolon = text_.find(';', pos_);
    if (semicolon == std::string_view::npos || semicolon - pos_ > 12) {
        fail(at, "'&' does not start a reference");
    }
    const std::string_view name = text_.substr(pos_ + 1, semicolon - pos_ - 1);
    pos_ = semicolon + 1;
    static constexpr std::pair<std::string_view, char> kPredefined[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [entity, c] : kPredefined) {
        if (name == entity) {
            out += c;
            return;
        }
    }
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        bool ok = !digits.empty();
        for (char d : digits) {
            const int v = d >= '0' && d <= '9' ? d - '0'
                          : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                          : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            ok = ok && v >= 0 && cp <= 0x10FFFF;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::max(v, 0));
        }
        if (ok && cp != 0 && cp <= 0x10FFFF) {
            utf8::append(cp, out);
            return;
        }
        fail(at, "invalid character reference &" + std::string(name) + ";");
    }
    fail(at, "unknown entity &" + std::string(name) + ";");
}

void XmlScanner::flushText(std::string& content) {
    std::string_view text = pendingText_;
    while (!text.empty() && isXmlSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isXmlSpace(text.back())) {
        text.remove_suffix(1);
    }
    if (!text.empty()) {
        content.append(text);
        content += '\n';
    }
    pendingText_.clear();
}

} // namespace bi::extract::structured
