// SPDX-License-Identifier: GPL-3.0-or-later
// CommonMark (spec 0.31.2) parsing for extraction and for `bi md2html`, with two
// extensions: GFM pipe tables and YAML-style front matter. Both extensions are
// on by default (extraction) and switched off to render the spec's examples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/Json.h"
#include "extract/Table.h"

namespace bi::extract::markdown {

struct MarkdownOptions {
    bool gfmTables = true;
    bool frontMatter = true;
};

// CommonMark HTML, byte for byte as the reference implementations render it.
// Invalid UTF-8 and NUL bytes come out as U+FFFD.
std::string renderHtml(std::string_view markdown, MarkdownOptions options = {});

// Structure for extraction. metadata members (each omitted when absent):
// "title", "front_matter", "headings" [{level,text,byte_offset}],
// "links" [{href,text}], "code_languages" [unique, in order].
struct MarkdownInfo {
    json::Value metadata;
    std::vector<Table> tables;
};
MarkdownInfo analyze(std::string_view markdown, MarkdownOptions options = {});

} // namespace bi::extract::markdown
