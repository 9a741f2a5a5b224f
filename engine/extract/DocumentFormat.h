// SPDX-License-Identifier: GPL-3.0-or-later
// The formats the extractor knows, their MIME types, and how a format is found:
// an explicit MIME type (or alias) first, then the file name's extension, then
// the bytes themselves.
#pragma once

#include <cstdint>
#include <string_view>

namespace bi::extract {

enum class DocumentFormat : std::uint8_t { Text, Markdown, Html, Xml, Json, Csv, Tsv };

// The canonical MIME type written into results.
std::string_view mimeTypeOf(DocumentFormat format);

// Accepts canonical types, common aliases ("text/x-markdown", "application/xhtml+xml",
// "text/xml") and short names ("md", "html", "txt", "xml", "json", "csv", "tsv").
// Throws EngineError naming the type when it is not supported.
DocumentFormat formatFromMimeType(std::string_view mimeType);

// From the file name's extension; returns false when the extension says nothing.
bool formatFromFileName(std::string_view fileName, DocumentFormat& format);

// From the (decoded, UTF-8) text's first 8 KB, after whitespace, byte order
// marks and comments: <!doctype html or a known HTML element (<p>, <div>,
// <html>, ...) -> HTML; <?xml -> XML (HTML if an HTML element follows the
// declaration); any other element or DOCTYPE -> XML; a JSON value start ->
// JSON; front matter (---) or a Markdown ATX heading or fence among the first
// lines -> Markdown; the first lines all holding the same number of tabs
// (commas) outside quotes -> TSV (CSV); anything else plain text.
DocumentFormat sniffFormat(std::string_view text);

// Throws EngineError when the build variant lacks the format (minimal has text
// and Markdown only).
void requireFormatInVariant(DocumentFormat format);

} // namespace bi::extract
