// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/FrontMatter.h"

#include <string>

namespace bi::extract::markdown {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string_view unquote(std::string_view value) {
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        return value.substr(1, value.size() - 2);
    }
    return value;
}

bool isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ' ';
}

} // namespace

bool FrontMatter::parse(std::string_view markdown, FrontMatter& result) {
    std::size_t lineEnd = markdown.find('\n');
    if (lineEnd == std::string_view::npos || trim(markdown.substr(0, lineEnd)) != "---" ||
        markdown.compare(0, 3, "---") != 0) {
        return false;
    }
    FrontMatter parsed;
    for (std::size_t start = lineEnd + 1; start < markdown.size();) {
        std::size_t end = markdown.find('\n', start);
        std::size_t next = end == std::string_view::npos ? markdown.size() : end + 1;
        std::string_view line = markdown.substr(start, (end == std::string_view::npos ? markdown.size() : end) - start);
        std::string_view closing = trim(line);
        if ((closing == "---" || closing == "...") && (line.front() == '-' || line.front() == '.')) {
            parsed.endOffset_ = next;
            result = std::move(parsed);
            return true;
        }
        parsed.addLine(line);
        start = next;
    }
    return false;
}

void FrontMatter::addLine(std::string_view line) {
    std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') {
        return;
    }
    if (content.front() == '-' && (content.size() == 1 || content[1] == ' ') && !lastKey_.empty()) {
        json::Value* list = fields_.find(lastKey_);
        if (list != nullptr && (list->isArray() || (list->isString() && list->asString().empty()))) {
            if (!list->isArray()) {
                *list = json::Value::array();
            }
            list->push(json::Value(unquote(trim(content.substr(1)))));
        }
        return;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.front() == ' ' || line.front() == '\t') {
        return;
    }
    std::string_view key = trim(line.substr(0, colon));
    for (char c : key) {
        if (!isKeyChar(c)) {
            return;
        }
    }
    if (key.empty()) {
        return;
    }
    lastKey_.assign(key);
    fields_.set(key, json::Value(unquote(trim(line.substr(colon + 1)))));
}

} // namespace bi::extract::markdown
