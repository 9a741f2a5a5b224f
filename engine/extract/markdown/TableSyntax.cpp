// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/TableSyntax.h"

namespace bi::extract::markdown::tables {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string unescapePipes(std::string_view cell) {
    std::string out;
    out.reserve(cell.size());
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|') {
            continue;
        }
        out += cell[i];
    }
    return out;
}

} // namespace

std::vector<std::string> splitRow(std::string_view line) {
    std::string_view row = trim(line);
    if (!row.empty() && row.front() == '|') {
        row.remove_prefix(1);
    }
    if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) {
        row.remove_suffix(1);
    }
    std::vector<std::string> cells;
    std::size_t cellStart = 0;
    for (std::size_t i = 0; i <= row.size(); ++i) {
        if (i < row.size() && row[i] == '\\') {
            ++i;
            continue;
        }
        if (i == row.size() || row[i] == '|') {
            cells.push_back(unescapePipes(trim(row.substr(cellStart, i - cellStart))));
            cellStart = i + 1;
        }
    }
    return cells;
}

bool parseDelimiterRow(std::string_view line, std::vector<CellAlign>& aligns) {
    if (line.find('|') == std::string_view::npos) {
        return false;
    }
    aligns.clear();
    for (const std::string& cell : splitRow(line)) {
        std::string_view dashes = cell;
        const bool left = !dashes.empty() && dashes.front() == ':';
        const bool right = dashes.size() > 1 && dashes.back() == ':';
        dashes.remove_prefix(left ? 1 : 0);
        dashes.remove_suffix(right ? 1 : 0);
        if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) {
            return false;
        }
        aligns.push_back(left && right ? CellAlign::Center
                         : left        ? CellAlign::Left
                         : right       ? CellAlign::Right
                                       : CellAlign::None);
    }
    return !aligns.empty();
}

} // namespace bi::extract::markdown::tables
