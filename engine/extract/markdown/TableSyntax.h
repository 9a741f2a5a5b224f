// SPDX-License-Identifier: GPL-3.0-or-later
// GFM pipe-table rows: splitting a line into cells and reading the delimiter row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

std::string_view trimCell(std::string_view s);
std::string_view rowInterior(std::string_view line);

template <class CellFunction>
void forEachCell(std::string_view line, CellFunction&& cell) {
    const std::string_view row = rowInterior(line);
    std::size_t cellStart = 0;
    for (std::size_t i = 0; i <= row.size(); ++i) {
        if (i < row.size() && row[i] == '\\') {
            ++i;
            continue;
        }
        if (i == row.size() || row[i] == '|') {
            cell(trimCell(row.substr(cellStart, i - cellStart)));
            cellStart = i + 1;
        }
    }
}

} // namespace bi::extract::markdown::tables
