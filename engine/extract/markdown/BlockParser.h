// SPDX-License-Identifier: GPL-3.0-or-later
// CommonMark block structure, line by line, following the spec's parsing
// strategy: match the open containers, try block starts, then add the line's
// text (or continue a paragraph lazily). Leaf blocks are inline-parsed at the end.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/WasmOutline.h"
#include "extract/markdown/InlineParser.h"
#include "extract/markdown/LinkReference.h"
#include "extract/markdown/Markdown.h"
#include "extract/markdown/MdTree.h"

namespace bi::extract::markdown {

class BlockParser {
public:
    BlockParser(MdTree& tree, MarkdownOptions options);

    // Parses input[from..] into the tree's document node. Offsets recorded on
    // nodes are offsets into `input`.
    void parse(std::string_view input, std::size_t from);
    // For analysis (MarkdownWorkspace), which reads a paragraph's inlines for
    // their links alone and a table cell for its text: a paragraph that
    // cannot hold a link (no '[' or '<') is left without inlines, and a plain
    // cell gets no text node (MdNode::plainCell), a table of plain cells no
    // row or cell nodes (MdNode::plainTable). Rendering needs the whole
    // tree: off by default.
    void forAnalysis() { forAnalysis_ = true; }

private:
    enum class Continuation { Matched, Failed, LineDone };
    enum class Start { None, Container, Leaf };

    void incorporateLine(std::string_view line, std::size_t lineStart);
    MdNode* matchOpenContainers(bool& lineDone);
    MdNode* openNewBlocks(MdNode* container);
    void addLineText(MdNode* container);
    void markBlankLines(MdNode* container);
    Continuation continueBlock(MdNode* container);
    BI_WASM_OUTLINE Continuation continueCodeBlock(MdNode* container);
    using StartFunction = Start (BlockParser::*)(MdNode*);
    // Per block rather than per line: out of line in the standard wasm module
    // (core/WasmOutline.h) to keep incorporateLine small for V8.
    BI_WASM_OUTLINE Start tryStarts(MdNode* container);
    Start firstStart(MdNode* container, std::initializer_list<StartFunction> starts);

    Start startBlockQuote(MdNode* container);
    Start startAtxHeading(MdNode* container);
    Start startFencedCode(MdNode* container);
    Start startHtmlBlock(MdNode* container);
    Start startTable(MdNode* container);
    Start startSetextHeading(MdNode* container);
    Start startThematicBreak(MdNode* container);
    Start startListItem(MdNode* container);
    Start startIndentedCode(MdNode* container);
    bool parseListMarker(MdNode* container, MdNodeScalars& marker);

    BI_WASM_OUTLINE void finalize(MdNode* block);
    void finalizeParagraph(MdNode* block);
    void finalizeCodeBlock(MdNode* block);
    void finalizeList(MdNode* block);
    void finalizeTable(MdNode* block);
    // For analysis: fills table->tableCells when every cell is plain text.
    static bool collectPlainCells(MdNode* table);
    std::size_t consumeReferenceDefinitions(const std::string& content);
    void closeUnmatchedBlocks();
    MdNode* addChild(NodeType type, std::size_t offset);
    void addLine();
    void advanceOffset(std::size_t count, bool columns);
    void advanceNextNonspace();
    void findNextNonspace();
    void processInlines();

    [[nodiscard]] char charAt(std::size_t i) const { return i < line_.size() ? line_[i] : '\0'; }
    [[nodiscard]] std::string_view rest() const { return line_.substr(nextNonspace_); }

    MdTree& tree_;
    MarkdownOptions options_;
    bool forAnalysis_ = false;
    ReferenceMap references_;
    InlineParser inlines_;

    std::string_view line_;
    std::size_t lineStart_ = 0;
    std::size_t lineNumber_ = 0;
    std::size_t offset_ = 0;
    std::size_t column_ = 0;
    std::size_t nextNonspace_ = 0;
    std::size_t nextNonspaceColumn_ = 0;
    std::size_t indent_ = 0;
    bool indented_ = false;
    bool blank_ = false;
    bool partiallyConsumedTab_ = false;
    bool nonspaceScanValid_ = false;
    std::size_t nonspaceScanFrom_ = 0;
    bool allClosed_ = true;
    MdNode* tip_ = nullptr;
    MdNode* oldTip_ = nullptr;
    MdNode* lastMatched_ = nullptr;
    std::vector<CellAlign> aligns_; // scratch of startTable
    std::string headerLine_;        // scratch of startTable
};

} // namespace bi::extract::markdown
