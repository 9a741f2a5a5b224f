// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/TableBuilder.h"

#include <algorithm>

namespace bi::extract::html {

namespace {

// Appends a cell's text as it stands inside a pipe table: one line, pipes
// escaped. Written in runs between those bytes, straight into the table.
void appendPipeCell(std::string_view text, std::string& out) {
    std::size_t runStart = 0;
    for (std::size_t i = text.find_first_of("|\n"); i != std::string_view::npos;
         i = text.find_first_of("|\n", i + 1)) {
        out.append(text.substr(runStart, i - runStart));
        out += text[i] == '|' ? "\\|" : " ";
        runStart = i + 1;
    }
    out.append(text.substr(runStart));
}

void appendRow(const std::vector<std::string>& row, std::size_t columns, std::string& out) {
    out += '|';
    for (std::size_t i = 0; i < columns; ++i) {
        out += ' ';
        if (i < row.size()) {
            appendPipeCell(row[i], out);
        }
        out += " |";
    }
}

// The delimiter row under the header: "| --- | --- |".
void appendDelimiterRow(std::size_t columns, std::string& out) {
    out += '|';
    for (std::size_t i = 0; i < columns; ++i) {
        out += " --- |";
    }
}

} // namespace

void TableBuilder::startRow() {
    // Rows mostly have as many cells as the one before: one allocation per
    // row instead of one per doubling.
    const std::size_t cellsHint = rows_.empty() ? 0 : rows_.back().size();
    rows_.emplace_back().reserve(cellsHint);
    plainRows_.emplace_back().reserve(cellsHint);
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
            appendDelimiterRow(columns, table.markdown);
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
