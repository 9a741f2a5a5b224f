// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/Extractor.h"

#include "extract/Chunker.h"
#include "extract/MarkdownSupport.h"
#include "extract/markdown/MarkdownWorkspace.h"
#include "extract/text/PlainText.h"
#include "extract/text/TextDecoder.h"

#ifdef BI_VARIANT_STANDARD
#include "extract/html/HtmlConverter.h"
#include "extract/structured/DelimitedText.h"
#include "extract/structured/JsonText.h"
#include "extract/structured/XmlText.h"
#endif

namespace bi::extract {

namespace {

// Bytes to sniff: UTF-16 must be decoded first, anything else is looked at as it is.
DocumentFormat sniffBytes(std::string_view input) {
    if (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF") {
        std::string decoded;
        return sniffFormat(text::decodeText(input.substr(0, 4096), decoded).text);
    }
    return sniffFormat(input.substr(input.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
}

// Text and Markdown: the content is the decoded input, a view when possible.
void takeDecodedInput(std::string_view input, ExtractionResult& result, text::SourceEncoding& encoding) {
    std::string& storage = result.ownContent();
    const text::DecodedText decoded = text::decodeText(input, storage);
    encoding = decoded.encoding;
    if (decoded.text.data() != storage.data() || storage.empty()) {
        result.borrowContent(decoded.text);
    }
}

} // namespace

struct Extractor::Workspace {
    markdown::MarkdownWorkspace markdown;
#ifdef BI_VARIANT_STANDARD
    html::HtmlConverter html{{}, {}};
#endif
};

Extractor::Extractor() = default;
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Extractor::Workspace& Extractor::workspace() {
    if (!workspace_) {
        workspace_ = std::make_unique<Workspace>();
    }
    return *workspace_;
}

bool contentIsMarkdown(DocumentFormat format, const ExtractOptions& options) {
    return format == DocumentFormat::Markdown || (format == DocumentFormat::Html && !options.plainText);
}

DocumentFormat Extractor::resolveFormat(std::string_view input, const ExtractOptions& options) {
    if (!options.mimeType.empty()) {
        return formatFromMimeType(options.mimeType);
    }
    DocumentFormat format = DocumentFormat::Text;
    if (formatFromFileName(options.fileName, format)) {
        return format;
    }
    return sniffBytes(input);
}

void Extractor::extract(std::string_view input, const ExtractOptions& options, ExtractionResult& result) {
    result.reset();
    const DocumentFormat format = resolveFormat(input, options);
    requireFormatInVariant(format);
    if (options.chunking.maxChars > 0) {
        Chunker::validate(options.chunking);
    }
    result.mimeType.assign(mimeTypeOf(format));
    extractContent(format, input, options, result);
    chunk(options, format, result);
}

void Extractor::extractContent(DocumentFormat format, std::string_view input, const ExtractOptions& options,
                               ExtractionResult& result) {
    if (format == DocumentFormat::Text || format == DocumentFormat::Markdown) {
        text::SourceEncoding encoding = text::SourceEncoding::Utf8;
        takeDecodedInput(input, result, encoding);
        if (format == DocumentFormat::Markdown) {
            analyzeMarkdownContent(result);
        } else {
            text::describePlainText(result.content(), encoding, result.metadata);
        }
        return;
    }
#ifdef BI_VARIANT_STANDARD
    const std::string_view decoded = text::decodeText(input, scratch_).text;
    if (format == DocumentFormat::Html) {
        extractHtml(decoded, options, result);
    } else {
        extractStructured(format, decoded, result);
    }
#else
    (void)options;
#endif
}

void Extractor::analyzeMarkdownContent(ExtractionResult& result) {
    // The content is decoded: valid UTF-8 (repaired where it was not).
    analyzeMarkdown(workspace().markdown, result.content(), result, true);
}

void Extractor::extractHtml(std::string_view decoded, const ExtractOptions& options,
                            ExtractionResult& result) {
#ifdef BI_VARIANT_STANDARD
    html::HtmlConverter& converter = workspace().html;
    converter.restart(decoded, html::HtmlOptions{options.plainText});
    std::string& content = result.ownContent();
    while (converter.pump(content, decoded.size() + 1)) {
    }
    result.rewriteMetadata(
        [&](json::Value& metadata, std::vector<Table>& tables) { converter.swapResults(metadata, tables); });
#else
    (void)decoded;
    (void)options;
    (void)result;
#endif
}

void Extractor::extractStructured(DocumentFormat format, std::string_view decoded, ExtractionResult& result) {
#ifdef BI_VARIANT_STANDARD
    switch (format) {
    case DocumentFormat::Xml: structured::extractXml(decoded, result); break;
    case DocumentFormat::Json: structured::extractJson(decoded, result); break;
    case DocumentFormat::Csv: structured::extractDelimited(decoded, ',', result); break;
    case DocumentFormat::Tsv: structured::extractDelimited(decoded, '\t', result); break;
    case DocumentFormat::Text:
    case DocumentFormat::Markdown:
    case DocumentFormat::Html: break;
    }
#else
    (void)format;
    (void)decoded;
    (void)result;
#endif
}

void Extractor::chunk(const ExtractOptions& options, DocumentFormat format, ExtractionResult& result) {
    result.chunkCount = 0;
    if (options.chunking.maxChars == 0) {
        return;
    }
    GrowingText text(result.content());
    Chunker chunker(text, options.chunking, contentIsMarkdown(format, options));
    for (;;) {
        if (result.chunkCount == result.chunks.size()) {
            result.chunks.emplace_back();
        }
        if (!chunker.next(result.chunks[result.chunkCount])) {
            break;
        }
        ++result.chunkCount;
    }
    for (std::size_t i = 0; i < result.chunkCount; ++i) {
        result.chunks[i].metadata.totalChunks = static_cast<std::int64_t>(result.chunkCount);
    }
}

ExtractionResult extract(std::string_view input, const ExtractOptions& options) {
    ExtractionResult result;
    Extractor().extract(input, options, result);
    result.chunks.resize(result.chunkCount);
    return result;
}

} // namespace bi::extract
