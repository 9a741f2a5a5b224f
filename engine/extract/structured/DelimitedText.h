// SPDX-License-Identifier: GPL-3.0-or-later
// CSV (RFC 4180) and TSV: fields split at the delimiter, records at CRLF, LF
// or CR; a field that starts with '"' is quoted, may hold delimiters and line
// breaks, and writes a quote as "". Characters after a closing quote are kept
// as part of the field (lenient); an unterminated quote is an error with the
// line and column where it opened. Blank lines are skipped.
//
// The rows become one table (the first row as header); the content is that
// table in Markdown.
#pragma once

#include "extract/ExtractionResult.h"

#include <string_view>

namespace bi::extract::structured {

void extractDelimited(std::string_view text, char delimiter, ExtractionResult& result);

} // namespace bi::extract::structured
