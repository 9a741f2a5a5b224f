// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a document tree as HTML in the conventions of the CommonMark reference
// renderers (commonmark.js / cmark; cmark-gfm for tables). Walks the tree
// iteratively, so nesting depth does not touch the call stack.
#pragma once

#include <cstddef>
#include <string>

#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown {

class HtmlRenderer {
public:
    std::string render(const MdNode* root);

private:
    void visit(const MdNode* node, bool entering);
    void visitBlock(const MdNode* node, bool entering);
    void visitTable(const MdNode* node, bool entering);
    void visitInline(const MdNode* node, bool entering);
    void codeBlock(const MdNode* node);
    void tag(const char* text);
    void cr();

    std::string out_;
    int disableTags_ = 0; // inside an image's alt text only text is written
    std::size_t cellIndex_ = 0;
};

} // namespace bi::extract::markdown
