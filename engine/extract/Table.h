// SPDX-License-Identifier: GPL-3.0-or-later
// A table found in a document (HTML <table>, GFM pipe table, CSV rows), in the
// shape of kreuzberg's result: cells row by row, and the table as Markdown.
#pragma once

#include <string>
#include <vector>

namespace bi::extract {

struct Table {
    std::vector<std::vector<std::string>> cells; // first row is the header when there is one
    std::string markdown;
};

} // namespace bi::extract
