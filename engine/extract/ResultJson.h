// SPDX-License-Identifier: GPL-3.0-or-later
// The result as compact JSON with a fixed member order:
// {"content","mime_type","metadata","tables":[{"cells","markdown"}],
//  "chunks":[{"content","metadata":{"byte_start","byte_end","char_start",
//  "char_end","token_count","chunk_index","total_chunks","heading_context":
//  [{"level","text"}]}}]}. total_chunks is null for a streamed chunk.
#pragma once

#include "extract/ExtractionResult.h"

#include <string>

namespace bi::extract {

void appendResultJson(const ExtractionResult& result, std::string& out);
void appendChunkJson(const Chunk& chunk, std::string& out);
void appendTableJson(const Table& table, std::string& out);

} // namespace bi::extract
