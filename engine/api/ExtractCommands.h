// SPDX-License-Identifier: GPL-3.0-or-later
// Document extraction commands, shared by the native `bi` tool and the wasm
// bindings: pure functions from bytes to the result JSON plus engine phase
// times, so that both builds produce the same bytes.
#pragma once

#include "api/Commands.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bi::api {

struct ExtractCommandOptions {
    std::string mimeType; // --mime; empty: detect
    bool plainText = false; // --text
    std::size_t maxChars = 0; // --max-chars; 0: no chunking
    std::size_t overlap = 0;  // --overlap
};

struct ExtractInput {
    std::string_view bytes; // never copied
    std::string fileName;   // used for MIME detection only
};

// `bi extract FILE`: one result object (compact JSON, no timings).
// Phases: decode = option setup (format detection and text decoding happen
// inside the extraction), compute = extraction and chunking, encode = JSON
// writing. Throws EngineError.
CommandOutput extractDocument(const ExtractInput& input, const ExtractCommandOptions& options);

// `bi extract --batch FILE...`: one output per document, in order, extracted
// with one reused extractor and result (the batch arena). The first failing
// document throws EngineError naming its file.
std::vector<CommandOutput> extractBatch(const std::vector<ExtractInput>& inputs, const ExtractCommandOptions& options);

// `bi md2html FILE`: CommonMark HTML of a Markdown document (invalid UTF-8 is
// replaced first).
std::string markdownToHtml(std::string_view bytes);

} // namespace bi::api
