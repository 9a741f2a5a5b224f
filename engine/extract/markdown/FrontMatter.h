// SPDX-License-Identifier: GPL-3.0-or-later
// YAML-style front matter at the very start of a Markdown document: a "---"
// line, then "key: value" lines, closed by "---" or "...". Only the simple
// subset is read: scalar values (quotes removed) and "- item" lists under a key.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/Json.h"

namespace bi::extract::markdown {

class FrontMatter {
public:
    // Returns false when the document has no (closed) front matter.
    static bool parse(std::string_view markdown, FrontMatter& result);

    [[nodiscard]] std::size_t endOffset() const { return endOffset_; }
    [[nodiscard]] const json::Value& fields() const { return fields_; }

private:
    void addLine(std::string_view line);

    std::size_t endOffset_ = 0;        // first byte after the closing line
    json::Value fields_ = json::Value::object();
    std::string lastKey_;
};

} // namespace bi::extract::markdown
