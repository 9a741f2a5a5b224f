// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineChunkSource.h"

#include "extract/ExtractionStream.h"
#include "extract/ResultJson.h"

EngineChunkSource::EngineChunkSource(std::string document, const std::string& mime, const std::string& fileName,
                                     int maxChars, int overlap)
    : document_(std::move(document)) {
    bi::extract::ExtractOptions options;
    options.mimeType = mime;
    options.fileName = fileName;
    options.chunking.maxChars = static_cast<std::size_t>(std::max(1, maxChars));
    options.chunking.maxOverlap = static_cast<std::size_t>(std::max(0, overlap));
    stream_ = std::make_unique<bi::extract::ExtractionStream>(document_, options);
}

EngineChunkSource::~EngineChunkSource() = default;

bool EngineChunkSource::next(bi::json::Value& chunk) {
    bi::extract::Chunk c;
    if (!stream_->next(c)) {
        return false;
    }
    std::string json;
    bi::extract::appendChunkJson(c, json);
    chunk = bi::json::parse(json);
    return true;
}
