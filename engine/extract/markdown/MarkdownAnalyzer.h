// SPDX-License-Identifier: GPL-3.0-or-later
// Collects what extraction wants from a parsed Markdown document: title,
// front matter, headings outline, links, code languages and tables.
#pragma once

#include <string>
#include <vector>

#include "extract/markdown/FrontMatter.h"
#include "extract/markdown/Markdown.h"
#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown {

class MarkdownAnalyzer {
public:
    // `frontMatter` may be null (none present or the extension is off).
    MarkdownInfo analyze(const MdNode* root, const FrontMatter* frontMatter);

    // Text of the inlines under `node` (alt text for images, code as is).
    static std::string plainText(const MdNode* node);

private:
    void visit(const MdNode* node);
    void addTable(const MdNode* table);

    json::Value headings_ = json::Value::array();
    json::Value links_ = json::Value::array();
    json::Value languages_ = json::Value::array();
    std::vector<Table> tables_;
    std::string firstHeading_;
    bool haveHeading_ = false;
};

} // namespace bi::extract::markdown
