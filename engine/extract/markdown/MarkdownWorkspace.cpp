// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MarkdownWorkspace.h"

#include "extract/markdown/BlockParser.h"
#include "extract/markdown/FrontMatter.h"

namespace bi::extract::markdown {

void MarkdownWorkspace::analyze(std::string_view markdown, json::Value& metadata, std::vector<Table>& tables,
                                MarkdownOptions options) {
    tree_.clear();
    FrontMatter frontMatter;
    const bool hasFrontMatter = options.frontMatter && FrontMatter::parse(markdown, frontMatter);
    BlockParser parser(tree_, options);
    parser.parse(markdown, hasFrontMatter ? frontMatter.endOffset() : 0);
    analyzer_.analyze(tree_.root(), hasFrontMatter ? &frontMatter : nullptr, metadata, tables);
}

} // namespace bi::extract::markdown
