// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/structured/DelimitedText.h"

#include "core/EngineError.h"
#include "extract/MarkdownTable.h"
#include "extract/structured/TextPosition.h"

#include <algorithm>

namespace bi::extract::structured {

namespace {

class DelimitedReader {
public:
    DelimitedReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

    void readAll(std::vector<std::vector<std::string>>& rows) {
        while (pos_ < text_.size()) {
            std::vector<std::string> row;
            readRecord(row);
            const bool blank = row.size() == 1 && row[0].empty();
            if (!blank) {
                rows.push_back(std::move(row));
            }
        }
    }

private:
    void readRecord(std::vector<std::string>& row) {
        for (;;) {
            row.emplace_back();
            readField(row.back());
            if (pos_ >= text_.size()) {
                return;
            }
            const char c = text_[pos_++];
            if (c == delimiter_) {
                continue;
            }
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
                ++pos_;
            }
            return; // a line break ends the record
        }
    }

    void readField(std::string& field) {
        if (pos_ < text_.size() && text_[pos_] == '"') {
            readQuoted(field);
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
            ++pos_;
        }
        field.append(text_.substr(start, pos_ - start));
    }

    void readQuoted(std::string& field) {
        const std::size_t opening = pos_++;
        for (;;) {
            const std::size_t quote = text_.find('"', pos_);
            if (quote == std::string_view::npos) {
                throw EngineError(describePosition(text_, opening) + ": unterminated quoted field");
            }
            field.append(text_.substr(pos_, quote - pos_));
            pos_ = quote + 1;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                field += '"';
                ++pos_;
                continue;
            }
            return;
        }
    }

    std::string_view text_;
    char delimiter_;
    std::size_t pos_ = 0;
};

} // namespace

void extractDelimited(std::string_view text, char delimiter, ExtractionResult& result) {
    Table table;
    try {
        DelimitedReader(text, delimiter).readAll(table.cells);
    } catch (const EngineError& e) {
        throw EngineError(std::string(delimiter == '\t' ? "TSV" : "CSV") + ": " + e.what());
    }
    std::size_t columns = 0;
    for (const auto& row : table.cells) {
        columns = std::max(columns, row.size());
    }
    std::string& content = result.ownContent();
    appendMarkdownTable(table.cells, content);
    result.metadata.set("row_count", table.cells.size());
    result.metadata.set("column_count", columns);
    result.metadata.set("delimiter", std::string(1, delimiter));
    if (!table.cells.empty()) {
        table.markdown = content;
        result.tables.push_back(std::move(table));
    }
}

} // namespace bi::extract::structured
