// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/markdown/MarkdownWorkspace.h"

#include "core/ByteFind.h"
#include "extract/markdown/BlockParser.h"
#include "extract/markdown/FrontMatter.h"
#include "extract/text/TextDecoder.h"

namespace bi::extract::markdown {

void MarkdownWorkspace::analyze(std::string_view markdown, json::Value& metadata, std::vector<Table>& tables,
                                MarkdownOptions options, bool validUtf8) {
    tree_.clear();
    FrontMatter frontMatter;
    const bool hasFrontMatter = options.frontMatter && FrontMatter::parse(markdown, frontMatter);
    BlockParser parser(tree_, options);
    parser.forAnalysis(); // the analyzer reads paragraphs for their links only, cells for their text
    parser.parse(markdown, hasFrontMatter ? frontMatter.endOffset() : 0);
    // One scan for NUL and invalid UTF-8 (ASCII is skipped many bytes at a
    // time) spares the analyzer repairing the text of every node.
    const bool clean = !bytes::contains(markdown, '\0') &&
                       (validUtf8 || text::firstInvalidUtf8(markdown) == std::string_view::npos);
    analyzer_.analyze(tree_.root(), hasFrontMatter ? &frontMatter : nullptr, metadata, tables, clean);
}

} // namespace bi::extract::markdown
