// SPDX-License-Identifier: GPL-3.0-or-later
// One node of our Markdown document tree (blocks and inlines alike). Nodes live
// in an MdTree arena and are linked by raw pointers, so that deep documents are
// walked and destroyed without recursion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Analysis skips the row and cell nodes of a table of plain cells
// (MdNode::plainTable) except in the minimal wasm module, sized to the byte
// (its tables take the general path, with the same results).
#if defined(__EMSCRIPTEN__) && !defined(BI_VARIANT_STANDARD)
#define BI_MD_PLAIN_TABLES 0
#else
#define BI_MD_PLAIN_TABLES 1
#endif

namespace bi::extract::markdown {

enum class NodeType : std::uint8_t {
    Document, BlockQuote, List, Item, Paragraph, Heading, ThematicBreak, CodeBlock, HtmlBlock,
    Table, TableRow, TableCell,
    Text, SoftBreak, LineBreak, Code, HtmlInline, Emph, Strong, Link, Image
};

enum class CellAlign : std::uint8_t { None, Left, Center, Right };

struct MdNode;

// The members of a node that own no memory, so that recycling a node resets
// them with one assignment from a default instance (a few wide stores)
// instead of member by member.
struct MdNodeScalars {
    NodeType type = NodeType::Document;
    MdNode* parent = nullptr;
    MdNode* firstChild = nullptr;
    MdNode* lastChild = nullptr;
    MdNode* prev = nullptr;
    MdNode* next = nullptr;
    int level = 0; // heading level

    // Lists and items.
    bool ordered = false;
    bool tight = true;
    char bulletChar = 0;
    char delimiter = 0;
    int start = 1;
    std::size_t markerOffset = 0;
    std::size_t padding = 0;

    // Code blocks.
    bool fenced = false;
    char fenceChar = 0;
    std::size_t fenceLength = 0;
    std::size_t fenceOffset = 0;

    int htmlBlockType = 0;
    bool open = true;
    bool lastLineBlank = false;
    bool headerRow = false; // table rows
    // Paragraphs, headings and table cells: whether their inlines hold a link
    // (the analyzer skips the inlines of the others).
    bool hasLinks = false;
    // Table cells parsed for analysis (BlockParser::forAnalysis): a plain
    // cell has no inlines, its text is plainText, a view into the table's
    // own lines (valid while the tree holds this document).
    bool plainCell = false;
    std::string_view plainText;
    // A table parsed for analysis whose cells are all plain: it has no row
    // or cell nodes, its cells are MdNode::tableCells.
    bool plainTable = false;
    std::size_t startLine = 0;
    std::size_t sourceOffset = 0; // byte offset of the block's first character in the input
};

struct MdNode : MdNodeScalars {
    // Text of inlines, code and HTML; the raw content of a leaf block while parsing.
    std::string literal;
    std::string destination; // links and images (URI-normalised)
    std::string title;
    std::string info;        // fenced code info string (unescaped)
    std::vector<CellAlign> aligns;   // tables: one per column
    std::string tableHeaderLine;     // tables: the header row's source line
    std::string tableDelimiterLine;  // tables: the delimiter row's source line
    // Plain tables (plainTable): the raw cells row by row, aligns.size() a
    // row, views into tableHeaderLine and literal.
    std::vector<std::string_view> tableCells;

    // Back to a default node of `type`, keeping the buffers of its strings
    // and vector (MdTree reuses nodes from one document to the next). A scalar
    // member belongs in MdNodeScalars; an owning one added here must be
    // cleared below. Members that only some types use are cleared for those
    // types alone (nothing reads them on the others): most nodes are text.
    void recycle(NodeType newType) {
        static_cast<MdNodeScalars&>(*this) = MdNodeScalars{};
        literal.clear();
        switch (newType) {
        case NodeType::Link:
        case NodeType::Image:
            destination.clear();
            title.clear();
            break;
        case NodeType::CodeBlock: info.clear(); break;
        case NodeType::Table:
            aligns.clear();
            tableHeaderLine.clear();
            tableDelimiterLine.clear();
            tableCells.clear();
            break;
        default: break;
        }
    }
};

} // namespace bi::extract::markdown
