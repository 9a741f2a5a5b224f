// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/ExtractionStream.h"

#include "extract/Extractor.h"
#include "extract/text/TextDecoder.h"

#ifdef BI_VARIANT_STANDARD
#include "extract/html/HtmlConverter.h"
#else
namespace bi::extract::html {
// The minimal variant has no HTML converter; the stream's (always empty)
// pointer to one still needs a complete type to be destroyed.
class HtmlConverter {};
} // namespace bi::extract::html
#endif

namespace bi::extract {

ExtractionStream::ExtractionStream(std::string_view input, const ExtractOptions& options)
    : format_(Extractor::resolveFormat(input, options)) {
    requireFormatInVariant(format_);
    Chunker::validate(options.chunking);
#ifdef BI_VARIANT_STANDARD
    if (format_ == DocumentFormat::Html) {
        const std::string_view decoded = text::decodeText(input, decoded_).text;
        converter_ = std::make_unique<html::HtmlConverter>(decoded, html::HtmlOptions{options.plainText});
        text_ = std::make_unique<GrowingText>(
            [this](std::string& out, std::size_t minBytes) { return converter_->pump(out, minBytes); });
    }
#endif
    if (!text_) {
        ExtractOptions whole = options;
        whole.chunking = {};
        whole.mimeType.assign(mimeTypeOf(format_));
        Extractor().extract(input, whole, whole_);
        text_ = std::make_unique<GrowingText>(whole_.content());
    }
    chunker_ = std::make_unique<Chunker>(*text_, options.chunking, contentIsMarkdown(format_, options));
}

ExtractionStream::~ExtractionStream() = default;

bool ExtractionStream::next(Chunk& chunk) {
    if (finished_) {
        return false;
    }
    if (chunker_->next(chunk)) {
        ++returned_;
        return true;
    }
    finish();
    return false;
}

void ExtractionStream::finish() {
    finished_ = true;
#ifdef BI_VARIANT_STANDARD
    if (converter_) {
        whole_.metadata = converter_->metadata();
        whole_.tables = converter_->tables();
    }
#endif
}

std::size_t ExtractionStream::bytesHeld() const {
    return text_->end() - text_->heldFrom();
}

} // namespace bi::extract
