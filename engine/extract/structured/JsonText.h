// SPDX-License-Identifier: GPL-3.0-or-later
// JSON documents: parsed (RFC 8259), the content is the value pretty-printed
// with two-space indentation; metadata gives the top-level type, its key or
// item count and the nesting depth. Malformed input is an error with line and
// column.
#pragma once

#include "extract/ExtractionResult.h"

#include <string_view>

namespace bi::extract::structured {

void extractJson(std::string_view text, ExtractionResult& result);

} // namespace bi::extract::structured
