// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/MarkdownTable.h"

#include <algorithm>

namespace bi::extract {

namespace {

void appendCell(const std::string& cell, std::string& out) {
    out += ' ';
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '|') {
            out += "\\|";
        } else if (c == '\r') {
            if (i + 1 < cell.size() && cell[i + 1] == '\n') {
                continue;
            }
            out += "<br>";
        } else if (c == '\n') {
            out += "<br>";
        } else {
            out += c;
        }
    }
    out += " |";
}

void appendRow(const std::vector<std::string>& row, std::size_t columns, std::string& out) {
    static const std::string kEmpty;
    out += '|';
    for (std::size_t c = 0; c < columns; ++c) {
        appendCell(c < row.size() ? row[c] : kEmpty, out);
    }
    out += '\n';
}

} // namespace

void appendMarkdownTable(const std::vector<std::vector<std::string>>& rows, std::string& out) {
    std::size_t columns = 0;
    for (const auto& row : rows) {
        columns = std::max(columns, row.size());
    }
    if (rows.empty() || columns == 0) {
        return;
    }
    appendRow(rows[0], columns, out);
    out += '|';
    for (std::size_t c = 0; c < columns; ++c) {
        out += " --- |";
    }
    out += '\n';
    for (std::size_t r = 1; r < rows.size(); ++r) {
        appendRow(rows[r], columns, out);
    }
}

} // namespace bi::extract
