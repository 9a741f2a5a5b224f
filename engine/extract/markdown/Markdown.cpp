// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/Markdown.h"

#include "extract/markdown/BlockParser.h"
#include "extract/markdown/FrontMatter.h"
#include "extract/markdown/HtmlRenderer.h"
#include "extract/markdown/MarkdownAnalyzer.h"
#include "extract/markdown/MarkdownWorkspace.h"
#include "extract/markdown/MdTree.h"

namespace bi::extract::markdown {

namespace {

// Parses the document (after its front matter, when that extension is on).
bool parseDocument(std::string_view markdown, MarkdownOptions options, MdTree& tree, FrontMatter& frontMatter) {
    const bool hasFrontMatter = options.frontMatter && FrontMatter::parse(markdown, frontMatter);
    BlockParser parser(tree, options);
    parser.parse(markdown, hasFrontMatter ? frontMatter.endOffset() : 0);
    return hasFrontMatter;
}

} // namespace

std::string renderHtml(std::string_view markdown, MarkdownOptions options) {
    MdTree tree;
    FrontMatter frontMatter;
    parseDocument(markdown, options, tree, frontMatter);
    return HtmlRenderer().render(tree.root());
}

MarkdownInfo analyze(std::string_view markdown, MarkdownOptions options) {
    MarkdownInfo info;
    MarkdownWorkspace().analyze(markdown, info.metadata, info.tables, options);
    return info;
}

} // namespace bi::extract::markdown
