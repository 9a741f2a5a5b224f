// SPDX-License-Identifier: GPL-3.0-or-later
// Collects what extraction wants from a parsed Markdown document: title,
// front matter, headings outline, links, code languages and tables.
//
// It rewrites the metadata and tables it is given in place (a batch passes
// the previous document's), and keeps its own arrays between documents, so a
// reused analyzer allocates next to nothing for documents of a similar shape.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/WasmOutline.h"
#include "extract/markdown/FrontMatter.h"
#include "extract/markdown/Markdown.h"
#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown {

class MarkdownAnalyzer {
public:
    // `frontMatter` may be null (none present or the extension is off).
    MarkdownInfo analyze(const MdNode* root, const FrontMatter* frontMatter);
    // The same, overwriting `metadata` and `tables` (whatever they held).
    // cleanInput: the parsed Markdown was valid UTF-8 without NUL bytes, so
    // the text of every node is too (the parser splits only at ASCII bytes and
    // decodes references to valid UTF-8) and is copied without repair.
    void analyze(const MdNode* root, const FrontMatter* frontMatter, json::Value& metadata,
                 std::vector<Table>& tables, bool cleanInput = false);

    // Text of the inlines under `node` (alt text for images, code as is);
    // invalid UTF-8 and NUL are replaced unless the text is known clean.
    static std::string plainText(const MdNode* node);
    static void appendPlainText(const MdNode* node, std::string& out, bool clean = false);

private:
    // True when nothing below `node` needs a visit (a table without links).
    bool visit(const MdNode* node, std::vector<Table>& tables);
    // Per node of their kind or per document: out of line in the standard wasm
    // module (core/WasmOutline.h) to keep the tree walk small for V8.
    BI_WASM_OUTLINE void addHeading(const MdNode* node);
    BI_WASM_OUTLINE void addLink(const MdNode* node);
    BI_WASM_OUTLINE void addLanguage(const MdNode* node);
    // Returns whether a cell holds a link.
    BI_WASM_OUTLINE bool addTable(const MdNode* table, Table& result);
    // The cells of a table without cell nodes (MdNode::plainTable).
    BI_WASM_OUTLINE void addPlainCells(const MdNode* table, Table& result);
    BI_WASM_OUTLINE void writeMetadata(const FrontMatter* frontMatter, json::Value& metadata);
    void appendNodeText(std::string_view text, std::string& out) const;

    // Arrays being filled, [0, count) valid; swapped with the metadata's.
    json::Value headings_ = json::Value::array();
    json::Value links_ = json::Value::array();
    json::Value languages_ = json::Value::array();
    std::size_t headingCount_ = 0;
    std::size_t linkCount_ = 0;
    std::size_t languageCount_ = 0;
    std::size_t tableCount_ = 0;
    std::string firstHeading_;
    bool haveHeading_ = false;
    bool cleanInput_ = false;
};

} // namespace bi::extract::markdown
