// SPDX-License-Identifier: GPL-3.0-or-later
// Splits content into chunks of at most maxChars characters (Unicode scalar
// values), one at a time.
//
// Each chunk ends at the best boundary within its size limit, in this order
// of preference: before a Markdown heading, after a blank line (paragraph),
// after a line break, after a sentence end ('.', '!' or '?' and a space),
// after a space or tab (word); failing all, it is cut after maxChars
// characters (always at a character boundary). Chunks never start or end with
// whitespace, so an all-whitespace tail gives no chunk. With maxOverlap > 0
// the next chunk starts at most maxOverlap characters before the previous
// one's end, at a word start (no overlap when that would not move forward),
// and its boundary must lie beyond the previous chunk's end, so that no chunk
// is contained in the one before it.
//
// The decision for a chunk reads only the bytes from its start to
// 4 x maxChars + 16 bytes further, so a pumped (streaming) text and a complete
// one give exactly the same chunks.
#pragma once

#include "core/WasmOutline.h"
#include "extract/Chunk.h"
#include "extract/ExtractOptions.h"
#include "extract/GrowingText.h"
#include "extract/HeadingTracker.h"

#include <cstddef>

namespace bi::extract {

class Chunker {
public:
    // Throws EngineError unless maxChars > 0 and maxOverlap < maxChars.
    // markdownHeadings: look for headings (boundaries and heading context).
    Chunker(GrowingText& text, ChunkingOptions options, bool markdownHeadings);

    // Fills the next chunk (totalChunks = -1); false when there is none.
    bool next(Chunk& chunk);

    static void validate(const ChunkingOptions& options);

private:
    struct Position {
        std::size_t byte = 0;
        std::size_t chars = 0;
    };

    bool skipWhitespace();
    [[nodiscard]] std::size_t limitAfter(std::size_t start) const;
    // Once per chunk, each a loop over the chunk: out of line in the standard
    // wasm module (core/WasmOutline.h) to keep next() small for V8.
    [[nodiscard]] BI_WASM_OUTLINE std::size_t bestBoundary(std::size_t start, std::size_t limit,
                                                           std::size_t atLeast) const;
    [[nodiscard]] std::size_t overlapStart(std::size_t start, std::size_t end) const;
    [[nodiscard]] std::size_t charsBetween(std::size_t from, std::size_t to) const;
    [[nodiscard]] std::size_t firstNonSpace(std::size_t from, std::size_t to) const;
    BI_WASM_OUTLINE void fill(Chunk& chunk, Position start, std::size_t cut);

    GrowingText& text_;
    ChunkingOptions options_;
    HeadingTracker headings_;
    Position start_;
    std::size_t index_ = 0;
    Position previousEnd_; // end of the previous chunk
};

} // namespace bi::extract
