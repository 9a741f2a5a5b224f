// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExtractStreamSession.h"

#include "extract/Extractor.h"
#include "extract/ResultJson.h"

#include <cstdlib>
#include <utility>
#include <vector>

namespace bi::wasm {

namespace {

void appendSummary(std::string_view mimeType, const json::Value& metadata,
                   const std::vector<extract::Table>& tables, std::size_t chunks, std::string& out) {
    out += "{\"mime_type\":";
    json::writeString(mimeType, out);
    out += ",\"metadata\":";
    json::write(metadata, out);
    out += ",\"tables\":[";
    for (std::size_t i = 0; i < tables.size(); ++i) {
        out += i > 0 ? "," : "";
        extract::appendTableJson(tables[i], out);
    }
    out += "],\"total_chunks\":";
    json::writeNumber(static_cast<double>(chunks), out);
    out += '}';
}

} // namespace

ExtractStreamSession::ExtractStreamSession(std::string copy, const extract::ExtractOptions& options)
    : copy_(std::move(copy)), input_(copy_), options_(options) {
    open();
}

ExtractStreamSession::ExtractStreamSession(char* adopted, std::size_t size,
                                           const extract::ExtractOptions& options)
    : adopted_(adopted), input_(adopted, size), options_(options) {
    try {
        open();
    } catch (...) {
        std::free(adopted_); // the destructor does not run for a failed constructor
        throw;
    }
}

ExtractStreamSession::~ExtractStreamSession() {
    stream_.reset(); // reads the input until here
    std::free(adopted_);
}

// Errors surface at open, as they would for a whole extraction: the stream
// resolves the format, checks the variant and the chunking options, and
// extracts non-HTML formats up front. Without chunking there is no stream, so
// the whole extraction runs here to report the same errors.
void ExtractStreamSession::open() {
    if (options_.chunking.maxChars > 0) {
        stream_ = std::make_unique<extract::ExtractionStream>(input_, options_);
        return;
    }
    extract::ExtractionResult probe;
    extract::Extractor().extract(input_, options_, probe);
}

bool ExtractStreamSession::next(std::string& out) {
    out.clear();
    extract::Chunk chunk;
    if (!stream_ || !stream_->next(chunk)) {
        return false;
    }
    ++chunks_;
    extract::appendChunkJson(chunk, out);
    return true;
}

void ExtractStreamSession::end(bool withContent, std::string& out) {
    out.clear();
    if (withContent || !stream_) {
        extract::ExtractOptions whole = options_;
        whole.chunking = {};
        extract::ExtractionResult result;
        extract::Extractor().extract(input_, whole, result);
        if (withContent) {
            extract::appendResultJson(result, out);
        } else {
            appendSummary(result.mimeType, result.metadata, result.tables, 0, out);
        }
        return;
    }
    appendSummary(stream_->mimeType(), stream_->metadata(), stream_->tables(), chunks_, out);
}

} // namespace bi::wasm
