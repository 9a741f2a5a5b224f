// SPDX-License-Identifier: GPL-3.0-or-later
// Follows the Markdown ATX headings (up to three spaces, one to six '#', then
// a space, tab or line end) of a content from start to end, skipping fenced
// code blocks (``` or ~~~), and keeps the stack of headings in force: a
// heading of level L replaces every open heading of level >= L. Setext
// headings (underlined) are not tracked. Works on a GrowingText, reading only
// a few bytes ahead of the position asked for (a heading line in full).
#pragma once

#include "core/WasmOutline.h"
#include "extract/Chunk.h"
#include "extract/GrowingText.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace bi::extract {

class HeadingTracker {
public:
    enum class LineKind { Plain, Heading, Fence };
    // Bytes a line start must have available for classifyLine to decide.
    static constexpr std::size_t kLookahead = 16;

    HeadingTracker(GrowingText& text, bool enabled) : text_(text), enabled_(enabled) {}

    // Processes every line that starts at or before pos. Once per chunk: out of
    // line in the standard wasm module (core/WasmOutline.h), as in Chunker.h.
    BI_WASM_OUTLINE void advanceTo(std::size_t pos);
    [[nodiscard]] bool inFence() const { return fenceChar_ != 0; }
    [[nodiscard]] const std::vector<HeadingRef>& stack() const { return stack_; }
    // Bytes before this are not needed any more.
    [[nodiscard]] std::size_t resumePosition() const { return next_; }
    [[nodiscard]] bool enabled() const { return enabled_; }

    // What a line opens, from its first bytes (kLookahead of them suffice;
    // fewer only at the text's end). fenceChar receives '`' or '~' for a fence.
    static LineKind classifyLine(std::string_view line, int& level, char& fenceChar);

private:
    void processLine(std::size_t lineStart);
    void readHeading(std::size_t lineStart, int level);

    GrowingText& text_;
    bool enabled_;
    std::size_t next_ = 0; // next byte not looked at
    bool atLineStart_ = true;
    char fenceChar_ = 0;
    std::vector<HeadingRef> stack_;
};

} // namespace bi::extract
