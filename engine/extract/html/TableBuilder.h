// SPDX-License-Identifier: GPL-3.0-or-later
// Collects the rows and cells of one HTML table and renders it as a GFM pipe
// table (the first row is the header row; GFM needs one) or as plain text.
// Each cell has two forms: its inline Markdown (for the pipe table) and its
// plain text (for Table::cells).
#pragma once

#include "extract/Table.h"

#include <string>
#include <string_view>
#include <vector>

namespace bi::extract::html {

class TableBuilder {
public:
    void startRow();
    void addCell(std::string_view markdown, std::string plainText);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] bool rowOpen() const { return rowOpen_; }
    void endRow() { rowOpen_ = false; }

    // The finished table; leaves the builder empty.
    Table finish();
    void reset() {
        rows_.clear();
        plainRows_.clear();
        rowOpen_ = false;
    }
    // Plain text rendering: one line per row, cells separated by a tab.
    static std::string plainText(const Table& table);

private:
    std::vector<std::vector<std::string>> rows_;      // inline Markdown
    std::vector<std::vector<std::string>> plainRows_; // plain text
    bool rowOpen_ = false;
};

} // namespace bi::extract::html
