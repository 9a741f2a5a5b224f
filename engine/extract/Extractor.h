// SPDX-License-Identifier: GPL-3.0-or-later
// Extracts one document after another. The input is a byte span that is never
// copied (Markdown and valid UTF-8 text become views of it). Everything the
// extractor and the result allocate is kept between documents: a batch that
// reuses one Extractor and one ExtractionResult stops allocating once the
// buffers have grown to the documents' size: the HTML converter, the Markdown
// node tree and the previous document's metadata are reused, so plain text,
// CSV, HTML, Markdown and chunking allocate (next to) nothing more.
#pragma once

#include "core/WasmOutline.h"
#include "extract/DocumentFormat.h"
#include "extract/ExtractOptions.h"
#include "extract/ExtractionResult.h"

#include <memory>
#include <string>
#include <string_view>

namespace bi::extract {

class Extractor {
public:
    Extractor();
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    // Throws EngineError for an unsupported or unavailable format, malformed
    // structured input, or bad chunking options.
    void extract(std::string_view input, const ExtractOptions& options, ExtractionResult& result);

    // The format an input would be extracted as (options.mimeType, then the
    // file name's extension, then the bytes).
    static DocumentFormat resolveFormat(std::string_view input, const ExtractOptions& options);

private:
    void extractContent(DocumentFormat format, std::string_view input, const ExtractOptions& options,
                        ExtractionResult& result);
    // The work per kind of format, each a function of its own in wasm (core/WasmOutline.h).
    BI_WASM_OUTLINE void analyzeMarkdownContent(ExtractionResult& result);
    BI_WASM_OUTLINE void extractHtml(std::string_view decoded, const ExtractOptions& options,
                                     ExtractionResult& result);
    BI_WASM_OUTLINE void extractStructured(DocumentFormat format, std::string_view decoded,
                                           ExtractionResult& result);
    void chunk(const ExtractOptions& options, DocumentFormat format, ExtractionResult& result);

    struct Workspace; // the reused converters, created on first use
    Workspace& workspace();

    std::string scratch_; // decoded text of formats whose content is produced
    std::unique_ptr<Workspace> workspace_;
};

// Whether chunking of this content looks for Markdown headings.
bool contentIsMarkdown(DocumentFormat format, const ExtractOptions& options);

// One-off extraction.
ExtractionResult extract(std::string_view input, const ExtractOptions& options = {});

} // namespace bi::extract
