// SPDX-License-Identifier: GPL-3.0-or-later
// The result of one extraction, in kreuzberg's shape: content, MIME type,
// metadata, tables, chunks.
//
// Zero copy: when the input is already valid UTF-8 text that is the content
// itself (Markdown, plain text), the content is a view into the caller's input
// and nothing is copied; the caller keeps the input alive while using the
// result. Otherwise the content lives in ownedContent.
#pragma once

#include "core/Json.h"
#include "extract/Chunk.h"
#include "extract/Table.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bi::extract {

class ExtractionResult {
public:
    [[nodiscard]] std::string_view content() const { return borrowed_ ? borrowedContent_ : ownedContent_; }
    [[nodiscard]] bool contentBorrowed() const { return borrowed_; }

    // Makes the content a view of the caller's bytes.
    void borrowContent(std::string_view input) {
        borrowed_ = true;
        borrowedContent_ = input;
        ownedContent_.clear();
    }
    // Makes the content owned; the returned string is cleared but keeps its
    // capacity, so a reused result does not allocate again.
    std::string& ownContent() {
        borrowed_ = false;
        borrowedContent_ = {};
        ownedContent_.clear();
        return ownedContent_;
    }

    // Clears everything but keeps the buffers (batch extraction reuses them).
    // The metadata and tables are set aside, whole, for rewriteMetadata().
    void reset() {
        ownContent();
        mimeType.clear();
        std::swap(metadata, spareMetadata_);
        if (metadata.isObject()) {
            metadata.asObject().clear(); // keeps the member vector's capacity
        } else {
            metadata = json::Value::object();
        }
        std::swap(tables, spareTables_);
        tables.clear();
        chunkCount = 0;
    }

    // For extractors that rewrite metadata and tables in place (see
    // JsonReuse.h): calls rewrite(metadata, tables) on the previous document's
    // (their storage is reused) and makes what it wrote the result's.
    template <class Rewrite>
    void rewriteMetadata(Rewrite&& rewrite) {
        rewrite(spareMetadata_, spareTables_);
        std::swap(metadata, spareMetadata_);
        std::swap(tables, spareTables_);
    }

    std::string mimeType;
    json::Value metadata = json::Value::object();
    std::vector<Table> tables;
    // chunks[0, chunkCount) are valid; later elements are kept for reuse.
    std::vector<Chunk> chunks;
    std::size_t chunkCount = 0;

private:
    bool borrowed_ = false;
    std::string_view borrowedContent_;
    std::string ownedContent_;
    json::Value spareMetadata_;
    std::vector<Table> spareTables_;
};

} // namespace bi::extract
