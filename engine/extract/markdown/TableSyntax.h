// SPDX-License-Identifier: GPL-3.0-or-later
// GFM pipe-table rows: splitting a line into cells and reading the delimiter row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ByteFind.h"
#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown::tables {

// Calls cell(raw) for each cell of one row: trimmed, "\|" still escaped
// (appendCellText unescapes). No allocation, so tables parse without any.
template <class CellFunction>
void forEachCell(std::string_view line, CellFunction&& cell);
// Appends a raw cell's text with "\|" turned into "|".
void appendCellText(std::string_view raw, std::string& out);
// Cells of one row, trimmed, with "\|" turned into "|".
std::vector<std::string> splitRow(std::string_view line);
std::size_t countCells(std::string_view line);
// The alignments of a delimiter row ("| :-- | --: |"), or false when the line
// is not one (it needs at least one '|').
bool parseDelimiterRow(std::string_view line, std::vector<CellAlign>& aligns);

// Inline: called for every cell of every row.
inline std::string_view trimCell(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}
std::string_view rowInterior(std::string_view line);
// Calls cell(raw) exactly `columns` times for one row: extra cells are
// dropped, missing ones are empty (GFM).
template <class CellFunction>
void forEachColumn(std::string_view line, std::size_t columns, CellFunction&& cell);
// Calls row(line) for the header line of a parsed table node, then for each
// line of its body (MdNode::literal, one '\n' after each line).
template <class RowFunction>
void forEachRow(const MdNode* table, RowFunction&& row);

template <class CellFunction>
void forEachCell(std::string_view line, CellFunction&& cell) {
    const std::string_view row = rowInterior(line);
    const char* const bytes = row.data();
    const std::size_t n = row.size();
    std::size_t cellStart = 0;
    for (std::size_t i = 0;;) {
        while (i < n && bytes[i] != '|' && bytes[i] != '\\') {
            ++i;
        }
        if (i < n && bytes[i] == '\\') {
            i += 2; // the escaped byte is no separator
            if (i > n) {
                return; // a row ending in a lone backslash has no last cell (as before)
            }
            continue;
        }
        cell(trimCell(row.substr(cellStart, i - cellStart)));
        if (i == n) {
            return;
        }
        cellStart = ++i;
    }
}

template <class CellFunction>
void forEachColumn(std::string_view line, std::size_t columns, CellFunction&& cell) {
    std::size_t made = 0;
    forEachCell(line, [&](std::string_view raw) {
        if (made < columns) {
            cell(raw);
            ++made;
        }
    });
    for (; made < columns; ++made) {
        cell(std::string_view());
    }
}

template <class RowFunction>
void forEachRow(const MdNode* table, RowFunction&& row) {
    row(std::string_view(table->tableHeaderLine));
    std::string_view body = table->literal;
    while (!body.empty()) {
        const std::size_t newline = bytes::find(body, '\n');
        row(body.substr(0, newline));
        body.remove_prefix(newline == std::string_view::npos ? body.size() : newline + 1);
    }
}

} // namespace bi::extract::markdown::tables
