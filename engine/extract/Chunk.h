// SPDX-License-Identifier: GPL-3.0-or-later
// One chunk of a document's content, in the shape of kreuzberg's result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bi::extract {

// A Markdown heading in force at a chunk's start.
struct HeadingRef {
    int level = 0;
    std::string text;
    friend bool operator==(const HeadingRef&, const HeadingRef&) = default;
};

// Offsets are into the result's content: bytes of its UTF-8 and characters
// (Unicode scalar values), end exclusive. token_count counts words: maximal
// runs of characters other than ASCII whitespace (space, tab, CR, LF, FF, VT).
struct ChunkMetadata {
    std::size_t byteStart = 0;
    std::size_t byteEnd = 0;
    std::size_t charStart = 0;
    std::size_t charEnd = 0;
    std::size_t tokenCount = 0;
    std::size_t chunkIndex = 0;
    // -1 while streaming (the total is not known yet); written as null.
    std::int64_t totalChunks = -1;
    std::vector<HeadingRef> headingContext;
    friend bool operator==(const ChunkMetadata&, const ChunkMetadata&) = default;
};

struct Chunk {
    std::string content;
    ChunkMetadata metadata;
    friend bool operator==(const Chunk&, const Chunk&) = default;
};

// Words in text: runs of characters other than ASCII whitespace.
std::size_t countTokens(const char* begin, const char* end);

} // namespace bi::extract
