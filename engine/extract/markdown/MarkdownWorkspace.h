// SPDX-License-Identifier: GPL-3.0-or-later
// Analyzes one Markdown document after another with the same node tree and
// analyzer, so that a batch reuses their storage instead of allocating a new
// tree per document.
#pragma once

#include "core/Json.h"
#include "extract/Table.h"
#include "extract/markdown/MarkdownAnalyzer.h"
#include "extract/markdown/MdTree.h"

#include <string_view>
#include <vector>

namespace bi::extract::markdown {

class MarkdownWorkspace {
public:
    // As analyze() in Markdown.h, overwriting metadata and tables in place.
    // validUtf8: the caller knows the text is valid UTF-8 (decoded by
    // text::decodeText), so that only NUL bytes are looked for.
    void analyze(std::string_view markdown, json::Value& metadata, std::vector<Table>& tables,
                 MarkdownOptions options = {}, bool validUtf8 = false);

private:
    MdTree tree_;
    MarkdownAnalyzer analyzer_;
};

} // namespace bi::extract::markdown
