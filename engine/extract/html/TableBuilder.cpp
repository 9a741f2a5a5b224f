// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/html/TableBuilder.h"

#include <algorithm>

namespace bi::extract::html {

namespace {

// Appends a cell's text as it stands inside a pipe table: one line, pipes
// escaped. Written in runs between those bytes, straight into the table.
void appendPipeCell(std::string_view text, std::string& out) {
    // A plain loop: find_first_of with a set calls memchr on the set per byte.
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '|' || text[i] == '\n') {
            out.append(text.substr(runStart, i - runStart));
            out += text[i] == '|' ? "\\|" : " ";
            runStart = i + 1;
        }
    }
    out.append(text.substr(runStart));
}

void appendRow(const std::vector<std::string>& row, std::size_t cells, std::size_t columns, std::string& out) {
    out += '|';
    for (std::size_t i = 0; i < columns; ++i) {
        out += ' ';
        if (i < cells) {
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

// Slot i of `items`, appended when missing (an existing one keeps its buffers).
template <class T>
T& slot(std::vector<T>& items, std::size_t i) {
    return i < items.size() ? items[i] : items.emplace_back();
}

} // namespace

void TableBuilder::startRow() {
    Row& row = slot(rows_, rowCount_++);
    row.cells = 0;
    rowOpen_ = true;
}

void TableBuilder::addCell(std::string_view markdown, std::string plainText) {
    if (!rowOpen_) {
        startRow();
    }
    Row& row = rows_[rowCount_ - 1];
    slot(row.markdown, row.cells).assign(markdown);
    slot(row.plain, row.cells) = std::move(plainText);
    ++row.cells;
}

void TableBuilder::finish(Table& table) {
    table.markdown.clear();
    std::size_t columns = 0;
    for (std::size_t r = 0; r < rowCount_; ++r) {
        columns = std::max(columns, rows_[r].cells);
    }
    std::size_t out = 0;
    for (std::size_t r = 0; r < rowCount_; ++r) {
        const Row& row = rows_[r];
        if (row.cells == 0) {
            continue;
        }
        if (out > 0) {
            table.markdown += '\n';
        }
        appendRow(row.markdown, row.cells, columns, table.markdown);
        if (out == 0) {
            table.markdown += '\n';
            appendDelimiterRow(columns, table.markdown);
        }
        // Short rows are padded with empty cells to the widest.
        std::vector<std::string>& cells = slot(table.cells, out++);
        cells.resize(columns);
        for (std::size_t c = 0; c < columns; ++c) {
            if (c < row.cells) {
                cells[c].assign(row.plain[c]);
            } else {
                cells[c].clear();
            }
        }
    }
    table.cells.resize(out);
    rowCount_ = 0;
    rowOpen_ = false;
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
