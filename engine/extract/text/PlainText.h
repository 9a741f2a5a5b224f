// SPDX-License-Identifier: GPL-3.0-or-later
// Metadata of a plain-text document: its source encoding and line, word and
// character counts (words as in token_count).
#pragma once

#include "core/Json.h"
#include "extract/text/TextDecoder.h"

#include <string_view>

namespace bi::extract::text {

void describePlainText(std::string_view content, SourceEncoding encoding, json::Value& metadata);

} // namespace bi::extract::text
