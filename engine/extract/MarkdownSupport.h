// SPDX-License-Identifier: GPL-3.0-or-later
// The one place the extraction framework calls the CommonMark parser
// (extract/markdown), so that the rest does not depend on its header layout.
#pragma once

#include "extract/ExtractionResult.h"

#include <string>
#include <string_view>

namespace bi::extract {

namespace markdown {
class MarkdownWorkspace;
}

// Fills metadata and tables of a Markdown document from the parser's analysis.
void analyzeMarkdown(std::string_view markdown, ExtractionResult& result);
// The same with a reused workspace: the previous document's node tree,
// metadata and tables are overwritten rather than allocated again.
// validUtf8: the text is known valid UTF-8 (decoded by text::decodeText).
void analyzeMarkdown(markdown::MarkdownWorkspace& workspace, std::string_view markdown, ExtractionResult& result,
                     bool validUtf8 = false);

// CommonMark HTML rendering of a Markdown document.
std::string markdownToHtml(std::string_view markdown);

} // namespace bi::extract
