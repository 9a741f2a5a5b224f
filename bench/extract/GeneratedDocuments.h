// SPDX-License-Identifier: GPL-3.0-or-later
// Realistic documents for the extraction benchmark, generated deterministically:
// headings, paragraphs with links, emphasis, inline code and entities, nested
// and ordered lists, tables, code blocks and block quotes.
#pragma once

#include <cstddef>
#include <string>

namespace bi::bench {

// An HTML page of about targetBytes (a full page with head metadata).
std::string generateHtml(std::size_t targetBytes, unsigned seed);
// A Markdown handbook of about targetBytes (front matter and sections).
std::string generateMarkdown(std::size_t targetBytes, unsigned seed);

} // namespace bi::bench
