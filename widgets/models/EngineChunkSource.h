// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChunkSource.h"

#include <memory>
#include <string>

namespace bi::extract {
class ExtractionStream;
}

// The engine's pull-based extraction stream (bi::extract::ExtractionStream)
// as a ChunkSource: each next() makes the engine produce exactly one more
// chunk. Owns a copy of the document, which the stream reads in place.
class EngineChunkSource : public ChunkSource {
public:
    // Throws EngineError when the engine cannot read the document.
    EngineChunkSource(std::string document, const std::string& mime, const std::string& fileName, int maxChars,
                      int overlap);
    ~EngineChunkSource() override;
    bool next(bi::json::Value& chunk) override;

private:
    std::string document_;
    std::unique_ptr<bi::extract::ExtractionStream> stream_;
};
