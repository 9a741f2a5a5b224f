// SPDX-License-Identifier: GPL-3.0-or-later
// GFM pipe-table rows: splitting a line into cells and reading the delimiter row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/markdown/MdNode.h"

namespace bi::extract::markdown::tables {

// Cells of one row, trimmed, with "\|" turned into "|".
std::vector<std::string> splitRow(std::string_view line);
// The alignments of a delimiter row ("| :-- | --: |"), or false when the line
// is not one (it needs at least one '|').
bool parseDelimiterRow(std::string_view line, std::vector<CellAlign>& aligns);

} // namespace bi::extract::markdown::tables
