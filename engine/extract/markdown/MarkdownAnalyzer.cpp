// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MarkdownAnalyzer.h"

#include "extract/markdown/MdText.h"
#include "extract/markdown/MdTree.h"

namespace bi::extract::markdown {

namespace {

bool contains(const json::Value& array, const std::string& text) {
    for (const json::Value& item : array.asArray()) {
        if (item.asString() == text) {
            return true;
        }
    }
    return false;
}

std::string repaired(std::string_view text) {
    std::string out;
    text::appendRepaired(text, out);
    return out;
}

} // namespace

std::string MarkdownAnalyzer::plainText(const MdNode* node) {
    std::string out;
    for (const MdNode* n = node->firstChild; n != nullptr; n = MdTree::nextInOrder(n, node)) {
        switch (n->type) {
        case NodeType::Text:
        case NodeType::Code: text::appendRepaired(n->literal, out); break;
        case NodeType::SoftBreak: out += ' '; break;
        case NodeType::LineBreak: out += '\n'; break;
        default: break;
        }
    }
    return out;
}

MarkdownInfo MarkdownAnalyzer::analyze(const MdNode* root, const FrontMatter* frontMatter) {
    for (const MdNode* node = root; node != nullptr; node = MdTree::nextInOrder(node, root)) {
        visit(node);
    }
    MarkdownInfo info;
    info.metadata = json::Value::object();
    const json::Value* fmTitle = frontMatter != nullptr ? frontMatter->fields().find("title") : nullptr;
    if (fmTitle != nullptr && fmTitle->isString() && !fmTitle->asString().empty()) {
        info.metadata.set("title", json::Value(repaired(fmTitle->asString())));
    } else if (haveHeading_) {
        info.metadata.set("title", json::Value(firstHeading_));
    }
    if (frontMatter != nullptr) {
        info.metadata.set("front_matter", frontMatter->fields());
    }
    if (!headings_.asArray().empty()) {
        info.metadata.set("headings", std::move(headings_));
    }
    if (!links_.asArray().empty()) {
        info.metadata.set("links", std::move(links_));
    }
    if (!languages_.asArray().empty()) {
        info.metadata.set("code_languages", std::move(languages_));
    }
    info.tables = std::move(tables_);
    return info;
}

void MarkdownAnalyzer::visit(const MdNode* node) {
    switch (node->type) {
    case NodeType::Heading: {
        std::string text = plainText(node);
        if (!haveHeading_) {
            haveHeading_ = true;
            firstHeading_ = text;
        }
        json::Value heading = json::Value::object();
        heading.set("level", json::Value(node->level));
        heading.set("text", json::Value(std::move(text)));
        heading.set("byte_offset", json::Value(node->sourceOffset));
        headings_.push(std::move(heading));
        break;
    }
    case NodeType::Link: {
        json::Value link = json::Value::object();
        link.set("href", json::Value(repaired(node->destination)));
        link.set("text", json::Value(plainText(node)));
        links_.push(std::move(link));
        break;
    }
    case NodeType::CodeBlock: {
        std::string language = repaired(std::string_view(node->info).substr(0, node->info.find_first_of(" \t")));
        if (node->fenced && !language.empty() && !contains(languages_, language)) {
            languages_.push(json::Value(std::move(language)));
        }
        break;
    }
    case NodeType::Table: addTable(node); break;
    default: break;
    }
}

void MarkdownAnalyzer::addTable(const MdNode* table) {
    Table result;
    for (const MdNode* row = table->firstChild; row != nullptr; row = row->next) {
        std::vector<std::string>& cells = result.cells.emplace_back();
        for (const MdNode* cell = row->firstChild; cell != nullptr; cell = cell->next) {
            cells.push_back(plainText(cell));
        }
    }
    result.markdown = repaired(table->tableHeaderLine) + '\n' + repaired(table->tableDelimiterLine);
    std::string_view body = table->literal;
    if (!body.empty() && body.back() == '\n') {
        body.remove_suffix(1);
    }
    if (!body.empty()) {
        result.markdown += '\n';
        result.markdown += repaired(body);
    }
    tables_.push_back(std::move(result));
}

} // namespace bi::extract::markdown
