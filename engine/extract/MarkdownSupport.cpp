// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/MarkdownSupport.h"

#include "extract/markdown/Markdown.h"

namespace bi::extract {

void analyzeMarkdown(std::string_view markdown, ExtractionResult& result) {
    markdown::MarkdownInfo info = markdown::analyze(markdown);
    result.metadata = std::move(info.metadata);
    result.tables = std::move(info.tables);
}

std::string markdownToHtml(std::string_view markdown) { return markdown::renderHtml(markdown); }

} // namespace bi::extract
