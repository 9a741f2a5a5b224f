// SPDX-License-Identifier: GPL-3.0-or-later
// XML documents: the content is the character data (text and CDATA, the five
// predefined entities and numeric references decoded), one trimmed text run
// per line; metadata gives the root element, the element and attribute counts
// and the nesting depth. Well-formedness errors (mismatched or unclosed tags,
// several roots, text outside the root, bad attributes, unterminated
// constructs, unknown entities) are reported with line and column. The
// DOCTYPE is skipped (its internal subset is not interpreted).
#pragma once

#include "core/WasmOutline.h"
#include "extract/ExtractionResult.h"

#include <string_view>

namespace bi::extract::structured {

// Out of line in the standard wasm module (core/WasmOutline.h): it would
// make Extractor::extractStructured one large function for V8.
BI_WASM_OUTLINE void extractXml(std::string_view text, ExtractionResult& result);

} // namespace bi::extract::structured
