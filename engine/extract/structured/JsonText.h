// SPDX-License-Identifier: GPL-3.0-or-later
// JSON documents: parsed (RFC 8259), the content is the value pretty-printed
// with two-space indentation; metadata gives the top-level type, its key or
// item count and the nesting depth. Malformed input is an error with line and
// column.
#pragma once

#include "core/WasmOutline.h"
#include "extract/ExtractionResult.h"

#include <string_view>

namespace bi::extract::structured {

// Out of line in the standard wasm module (core/WasmOutline.h): it would
// make Extractor::extractStructured one large function for V8.
BI_WASM_OUTLINE void extractJson(std::string_view text, ExtractionResult& result);

} // namespace bi::extract::structured
