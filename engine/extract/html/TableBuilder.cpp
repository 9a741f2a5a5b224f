// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/TableBuilder.h"

#include <algorithm>

namespace bi::extract::html {

namespace {

// A cell's text inside a pipe table: one line, pipes escaped.
std::string pipeCell(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void appendRow(const std::vector<std::string>& row, std::size_t columns, std::string& out) {
    out += '|';
    for (std::size_t i = 0; i < columns; ++i) {
        out += ' ';
        if (i < row.size()) {
            out += pipeCell(row[i]);
        }
        out += " |";
    }
}

} // namespace

void TableBuilder::startRow() {
    rows_.emplace_back();
    plainRows_.emplace_back();
    rowOpen_ = true;
}

void TableBuilder::addCell(std::string_view markdown, std::string plainText) {
    if (!rowOpen_) {
        startRow();
    }
    rows_.back().emplace_back(markdown);
    plainRows_.back().push_back(std::move(plainText));
}

Table TableBuilder::finish() {
    Table table;
    std::size_t columns = 0;
    for (const auto& row : rows_) {
        columns = std::max(columns, row.size());
    }
    bool first = true;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (rows_[r].empty()) {
            continue;
        }
        if (!first) {
            table.markdown += '\n';
        }
        appendRow(rows_[r], columns, table.markdown);
        if (first) {
            table.markdown += '\n';
            appendRow(std::vector<std::string>(columns, "---"), columns, table.markdown);
            first = false;
        }
        plainRows_[r].resize(columns);
        table.cells.push_back(std::move(plainRows_[r]));
    }
    rows_.clear();
    plainRows_.clear();
    rowOpen_ = false;
    return table;
}

std::string TableBuilder::plainText(const Table& table) {
    std::string out;
    for (const auto& row : table.cells) {
        if (!out.empty()) {
            out += '\n';
        }
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) {
                out += '\t';
            }
            for (char c : row[i]) {
                out += c == '\n' ? ' ' : c;
            }
        }
    }
    return out;
}

} // namespace bi::extract::html
