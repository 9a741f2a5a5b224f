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
    [[nodiscard]] bool empty() const { return rowCount_ == 0; }
    [[nodiscard]] bool rowOpen() const { return rowOpen_; }
    void endRow() { rowOpen_ = false; }

    // The finished table, written over `table` (whose buffers it reuses: a
    // batch hands back the previous document's tables); leaves the builder
    // empty.
    void finish(Table& table);
    void reset() {
        rowCount_ = 0;
        rowOpen_ = false;
    }
    // Plain text rendering: one line per row, cells separated by a tab.
    static std::string plainText(const Table& table);

private:
    // One row's cells, [0, cells) valid; later slots and rows keep their
    // buffers for the next rows and tables (no allocation per row).
    struct Row {
        std::vector<std::string> markdown; // inline Markdown
        std::vector<std::string> plain;    // plain text
        std::size_t cells = 0;
    };
    std::vector<Row> rows_; // [0, rowCount_) valid
    std::size_t rowCount_ = 0;
    bool rowOpen_ = false;
};

} // namespace bi::extract::html
