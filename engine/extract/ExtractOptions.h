// SPDX-License-Identifier: GPL-3.0-or-later
// What a caller may ask of an extraction: the format (or let it be detected),
// plain text instead of Markdown for HTML, and chunking.
#pragma once

#include <cstddef>
#include <string>

namespace bi::extract {

// Sizes are in characters (Unicode scalar values). maxChars == 0 means no
// chunking (the default): the result then has an empty "chunks" array.
struct ChunkingOptions {
    std::size_t maxChars = 0;
    std::size_t maxOverlap = 0;
};

struct ExtractOptions {
    std::string mimeType; // empty: detect from fileName and the bytes
    std::string fileName; // only its extension is used, for detection
    bool plainText = false; // HTML: plain text instead of Markdown
    ChunkingOptions chunking;
};

} // namespace bi::extract
