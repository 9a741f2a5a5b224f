// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/MarkdownSupport.h"

#include "extract/markdown/Markdown.h"
#include "extract/markdown/MarkdownWorkspace.h"

namespace bi::extract {

void analyzeMarkdown(std::string_view markdown, ExtractionResult& result) {
    markdown::MarkdownWorkspace workspace;
    analyzeMarkdown(workspace, markdown, result);
}

void analyzeMarkdown(markdown::MarkdownWorkspace& workspace, std::string_view markdown, ExtractionResult& result,
                     bool validUtf8) {
    result.rewriteMetadata([&](json::Value& metadata, std::vector<Table>& tables) {
        workspace.analyze(markdown, metadata, tables, {}, validUtf8);
    });
}

std::string markdownToHtml(std::string_view markdown) { return markdown::renderHtml(markdown); }

} // namespace bi::extract
