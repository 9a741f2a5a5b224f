// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

// A pull-based source of extraction chunks, one at a time, each shaped like a
// kreuzberg chunk ({"content","metadata":{byte/char offsets, token_count,
// chunk_index, total_chunks, heading_context}}). The document view's stepper
// pulls from it; the engine's stream or the inspector's fallback feed it.
class ChunkSource {
public:
    virtual ~ChunkSource() = default;
    // false when the stream is exhausted.
    virtual bool next(bi::json::Value& chunk) = 0;
};
