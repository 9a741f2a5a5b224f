// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MarkdownAnalyzer.h"

#include "extract/JsonReuse.h"
#include "extract/markdown/MdText.h"
#include "extract/markdown/MdTree.h"

#include <utility>

namespace bi::extract::markdown {

namespace {

bool contains(const json::Array& array, std::size_t count, std::string_view text) {
    for (std::size_t i = 0; i < count; ++i) {
        if (array[i].asString() == text) {
            return true;
        }
    }
    return false;
}

// Puts a filled array [0, count) into the metadata under `key`, taking the
// array that was there in exchange (its storage serves the next document).
void moveArray(json::Object& object, std::size_t& index, const char* key, json::Value& array, std::size_t count) {
    if (count == 0) {
        return;
    }
    reuse::truncate(array.asArray(), count);
    json::Value& slot = reuse::member(object, index++, key);
    std::swap(slot, array);
    reuse::array(array);
}

} // namespace

std::string MarkdownAnalyzer::plainText(const MdNode* node) {
    std::string out;
    appendPlainText(node, out);
    return out;
}

void MarkdownAnalyzer::appendPlainText(const MdNode* node, std::string& out, bool clean) {
    for (const MdNode* n = node->firstChild; n != nullptr; n = MdTree::nextInOrder(n, node)) {
        switch (n->type) {
        case NodeType::Text:
        case NodeType::Code:
            if (clean) {
                out.append(n->literal);
            } else {
                text::appendRepaired(n->literal, out);
            }
            break;
        case NodeType::SoftBreak: out += ' '; break;
        case NodeType::LineBreak: out += '\n'; break;
        default: break;
        }
    }
}

MarkdownInfo MarkdownAnalyzer::analyze(const MdNode* root, const FrontMatter* frontMatter) {
    MarkdownInfo info;
    analyze(root, frontMatter, info.metadata, info.tables);
    return info;
}

void MarkdownAnalyzer::analyze(const MdNode* root, const FrontMatter* frontMatter, json::Value& metadata,
                               std::vector<Table>& tables, bool cleanInput) {
    headingCount_ = linkCount_ = languageCount_ = tableCount_ = 0;
    haveHeading_ = false;
    cleanInput_ = cleanInput;
    for (const MdNode* node = root; node != nullptr;) {
        const bool visited = visit(node, tables);
        // Inlines matter only for their links (headings and tables read
        // their own): the text nodes of the other leaf blocks, most of the
        // tree, are not walked, nor the rows of a table without links.
        const bool linkFree = visited || ((node->type == NodeType::Paragraph || node->type == NodeType::Heading ||
                                           node->type == NodeType::TableCell) &&
                                          !node->hasLinks);
        node = linkFree ? MdTree::nextAfter(node, root) : MdTree::nextInOrder(node, root);
    }
    tables.resize(tableCount_);
    writeMetadata(frontMatter, metadata);
}

void MarkdownAnalyzer::appendNodeText(std::string_view text, std::string& out) const {
    if (cleanInput_) {
        out.append(text);
    } else {
        text::appendRepaired(text, out);
    }
}

void MarkdownAnalyzer::writeMetadata(const FrontMatter* frontMatter, json::Value& metadata) {
    json::Object& object = reuse::object(metadata);
    std::size_t index = 0;
    const json::Value* fmTitle = frontMatter != nullptr ? frontMatter->fields().find("title") : nullptr;
    if (fmTitle != nullptr && fmTitle->isString() && !fmTitle->asString().empty()) {
        text::appendRepaired(fmTitle->asString(), reuse::string(reuse::member(object, index++, "title")));
    } else if (haveHeading_) {
        reuse::assign(reuse::member(object, index++, "title"), firstHeading_);
    }
    if (frontMatter != nullptr) {
        reuse::member(object, index++, "front_matter") = frontMatter->fields();
    }
    moveArray(object, index, "headings", headings_, headingCount_);
    moveArray(object, index, "links", links_, linkCount_);
    moveArray(object, index, "code_languages", languages_, languageCount_);
    reuse::truncate(object, index);
}

bool MarkdownAnalyzer::visit(const MdNode* node, std::vector<Table>& tables) {
    switch (node->type) {
    case NodeType::Heading: addHeading(node); break;
    case NodeType::Link: addLink(node); break;
    case NodeType::CodeBlock: addLanguage(node); break;
    case NodeType::Table:
        if (tableCount_ == tables.size()) {
            tables.emplace_back();
        }
        return !addTable(node, tables[tableCount_++]);
    default: break;
    }
    return false;
}

void MarkdownAnalyzer::addHeading(const MdNode* node) {
    json::Object& heading = reuse::object(reuse::element(headings_.asArray(), headingCount_++));
    reuse::member(heading, 0, "level") = json::Value(node->level);
    std::string& text = reuse::string(reuse::member(heading, 1, "text"));
    appendPlainText(node, text, cleanInput_);
    if (!haveHeading_) {
        haveHeading_ = true;
        firstHeading_.assign(text);
    }
    // (Adding a member may move the others: `text` is not used after this.)
    reuse::member(heading, 2, "byte_offset") = json::Value(node->sourceOffset);
    reuse::truncate(heading, 3);
}

void MarkdownAnalyzer::addLink(const MdNode* node) {
    json::Object& link = reuse::object(reuse::element(links_.asArray(), linkCount_++));
    appendNodeText(node->destination, reuse::string(reuse::member(link, 0, "href")));
    appendPlainText(node, reuse::string(reuse::member(link, 1, "text")), cleanInput_);
    reuse::truncate(link, 2);
}

void MarkdownAnalyzer::addLanguage(const MdNode* node) {
    if (!node->fenced) {
        return;
    }
    const std::string_view info = node->info;
    const std::string_view word = info.substr(0, info.find_first_of(" \t"));
    if (word.empty()) {
        return;
    }
    json::Array& languages = languages_.asArray();
    json::Value& slot = reuse::element(languages, languageCount_);
    std::string& language = reuse::string(slot);
    appendNodeText(word, language);
    if (!contains(languages, languageCount_, language)) {
        ++languageCount_;
    }
}

void MarkdownAnalyzer::addPlainCells(const MdNode* table, Table& result) {
    const std::size_t columns = table->aligns.size();
    const std::vector<std::string_view>& raw = table->tableCells;
    result.cells.resize(raw.size() / columns);
    for (std::size_t row = 0; row < result.cells.size(); ++row) {
        std::vector<std::string>& cells = result.cells[row];
        cells.resize(columns);
        for (std::size_t column = 0; column < columns; ++column) {
            std::string& text = cells[column];
            text.clear();
            appendNodeText(raw[row * columns + column], text);
        }
    }
}

bool MarkdownAnalyzer::addTable(const MdNode* table, Table& result) {
    bool links = false;
    std::size_t rows = 0;
    if (BI_MD_PLAIN_TABLES && table->plainTable) {
        addPlainCells(table, result);
    }
    for (const MdNode* row = table->firstChild; row != nullptr; row = row->next) {
        if (rows == result.cells.size()) {
            result.cells.emplace_back();
        }
        std::vector<std::string>& cells = result.cells[rows++];
        std::size_t count = 0;
        for (const MdNode* cell = row->firstChild; cell != nullptr; cell = cell->next) {
            if (count == cells.size()) {
                cells.emplace_back();
            }
            std::string& text = cells[count++];
            const MdNode* only = cell->firstChild;
            if (cell->plainCell) {
                text.clear();
                appendNodeText(cell->plainText, text); // a plain cell parsed for analysis
            } else if (only != nullptr && only == cell->lastChild && only->type == NodeType::Text && cleanInput_) {
                text.assign(only->literal); // a plain cell: its one text node
            } else {
                text.clear();
                appendPlainText(cell, text, cleanInput_);
            }
            links = links || cell->hasLinks;
        }
        cells.resize(count);
    }
    if (!(BI_MD_PLAIN_TABLES && table->plainTable)) {
        result.cells.resize(rows);
    }
    std::string& markdown = result.markdown;
    markdown.clear();
    appendNodeText(table->tableHeaderLine, markdown);
    markdown += '\n';
    appendNodeText(table->tableDelimiterLine, markdown);
    std::string_view body = table->literal;
    if (!body.empty() && body.back() == '\n') {
        body.remove_suffix(1);
    }
    if (!body.empty()) {
        markdown += '\n';
        appendNodeText(body, markdown);
    }
    return links;
}

} // namespace bi::extract::markdown
