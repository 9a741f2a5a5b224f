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
        startHtml(input, options);
    }
#endif
    if (!text_) {
        ExtractOptions whole = options;
        whole.chunking = {};
        whole.mimeType.assign(mimeTypeOf(format_));
        Extractor().extract(input, whole, whole_);
        text_ = std::make_unique<GrowingText>(whole_.content());
        inspectedUpFront_ = input.size();
    }
    chunker_ = std::make_unique<Chunker>(*text_, options.chunking, contentIsMarkdown(format_, options));
}

ExtractionStream::~ExtractionStream() = default;

void ExtractionStream::startHtml(std::string_view input, const ExtractOptions& options) {
#ifdef BI_VARIANT_STANDARD
    html::HtmlOptions htmlOptions{options.plainText, true};
    std::string_view source = input;
    const std::string_view bom = input.substr(0, 2);
    if (bom == "\xFF\xFE" || bom == "\xFE\xFF") {
        source = text::decodeText(input, decoded_).text; // UTF-16: decoded whole
        htmlOptions.unvalidatedUtf8 = false;
        inspectedUpFront_ = input.size();
    } else if (input.substr(0, 3) == "\xEF\xBB\xBF") {
        source.remove_prefix(3); // as text::decodeText skips it
        inspectedUpFront_ = 3;
    }
    converter_ = std::make_unique<html::HtmlConverter>(source, htmlOptions);
    text_ = std::make_unique<GrowingText>(
        [this](std::string& out, std::size_t minBytes) { return converter_->pump(out, minBytes); });
#else
    (void)input;
    (void)options;
#endif
}

std::size_t ExtractionStream::bytesInspected() const {
#ifdef BI_VARIANT_STANDARD
    if (converter_ && decoded_.empty()) {
        return inspectedUpFront_ + converter_->bytesConsumed();
    }
#endif
    return inspectedUpFront_;
}

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
        converter_->swapResults(whole_.metadata, whole_.tables); // moved, not copied
    }
#endif
}

std::size_t ExtractionStream::bytesHeld() const {
    return text_->end() - text_->heldFrom();
}

} // namespace bi::extract
