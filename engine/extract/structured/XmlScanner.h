// SPDX-License-Identifier: GPL-3.0-or-later
// A non-validating, well-formedness-checking XML scanner over UTF-8 text.
// Element nesting is kept on an explicit stack (no recursion), so deep input
// cannot overflow the call stack.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::structured {

class XmlScanner {
public:
    explicit XmlScanner(std::string_view text) : text_(text) {}

    // Scans the document, appending character data to content; throws
    // EngineError ("XML: line L, column C: ...") on a well-formedness error.
    void scan(std::string& content);

    [[nodiscard]] const std::string& rootElement() const { return root_; }
    [[nodiscard]] std::size_t elementCount() const { return elements_; }
    [[nodiscard]] std::size_t attributeCount() const { return attributes_; }
    [[nodiscard]] std::size_t maxDepth() const { return maxDepth_; }

private:
    [[noreturn]] void fail(std::size_t at, const std::string& message) const;
    bool startsWith(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
    std::size_t expectEnd(std::string_view terminator, const char* what);
    void skipSpace();
    std::string_view readName();
    void markup(std::string& content);
    void startTag();
    void endTag();
    void attributes();
    void doctype();
    void charData(std::size_t end, std::string& content, bool decode);
    void decodeReference(std::string& out);
    void flushText(std::string& content);

    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<std::string_view> open_;
    std::string root_;
    std::size_t elements_ = 0;
    std::size_t attributes_ = 0;
    std::size_t maxDepth_ = 0;
    std::string pendingText_;
};

} // namespace bi::extract::structured
