// SPDX-License-Identifier: GPL-3.0-or-later
// Writes rows of cells as a GFM pipe table: the first row is the header, short
// rows are padded, '|' in a cell is escaped and line breaks become <br>.
#pragma once

#include <string>
#include <vector>

namespace bi::extract {

void appendMarkdownTable(const std::vector<std::vector<std::string>>& rows, std::string& out);

} // namespace bi::extract
