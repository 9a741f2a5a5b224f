// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/TableSyntax.h"

namespace bi::extract::markdown::tables {

// The row without its outer pipes.
std::string_view rowInterior(std::string_view line) {
    std::string_view row = trimCell(line);
    if (!row.empty() && row.front() == '|') {
        row.remove_prefix(1);
    }
    if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) {
        row.remove_suffix(1);
    }
    return row;
}

void appendCellText(std::string_view raw, std::string& out) {
    // Appended in runs between the escapes (most cells have none), found by
    // a plain loop: cells are a few bytes, shorter than a memchr call.
    std::size_t runStart = 0;
    for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && raw[i + 1] == '|') {
            out.append(raw.substr(runStart, i - runStart));
            runStart = ++i; // the '|' starts the next run
        }
    }
    out.append(raw.substr(runStart));
}

std::vector<std::string> splitRow(std::string_view line) {
    std::vector<std::string> cells;
    forEachCell(line, [&](std::string_view raw) { appendCellText(raw, cells.emplace_back()); });
    return cells;
}

std::size_t countCells(std::string_view line) {
    std::size_t count = 0;
    forEachCell(line, [&](std::string_view) { ++count; });
    return count;
}

bool parseDelimiterRow(std::string_view line, std::vector<CellAlign>& aligns) {
    if (!bytes::contains(line, '|')) {
        return false;
    }
    aligns.clear();
    bool valid = true;
    // Raw cells: a "\|" would fail the dash test escaped or not.
    forEachCell(line, [&](std::string_view dashes) {
        if (!valid) {
            return;
        }
        const bool left = !dashes.empty() && dashes.front() == ':';
        const bool right = dashes.size() > 1 && dashes.back() == ':';
        dashes.remove_prefix(left ? 1 : 0);
        dashes.remove_suffix(right ? 1 : 0);
        if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) {
            valid = false;
            return;
        }
        aligns.push_back(left && right ? CellAlign::Center
                         : left        ? CellAlign::Left
                         : right       ? CellAlign::Right
                                       : CellAlign::None);
    });
    return valid && !aligns.empty();
}

} // namespace bi::extract::markdown::tables
