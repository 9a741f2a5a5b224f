// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/ExtractionStream.h"

#include "extract/Extractor.h"
#include "extract/text/Utf16Source.h"

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

ExtractionStream::ExtractionStream(std::string_view input, const ExtractOptions& options, StreamTuning tuning)
    : format_(Extractor::resolveFormat(input, options)) {
    requireFormatInVariant(format_);
    Chunker::validate(options.chunking);
#ifdef BI_VARIANT_STANDARD
    if (format_ == DocumentFormat::Html) {
        startHtml(input, options, tuning);
    }
#else
    (void)tuning;
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

void ExtractionStream::startHtml(std::string_view input, const ExtractOptions& options, StreamTuning tuning) {
#ifdef BI_VARIANT_STANDARD
    html::HtmlOptions htmlOptions{options.plainText, true};
    std::string_view source = input;
    const std::string_view bom = input.substr(0, 2);
    if (bom == "\xFF\xFE" || bom == "\xFE\xFF") {
        // UTF-16, as text::decodeText reads it, decoded as the tokenizer reads on.
        utf16_ = std::make_unique<text::Utf16Source>(input.substr(2), bom == "\xFF\xFE", tuning.utf16BlockUnits);
        htmlOptions.unvalidatedUtf8 = false; // the decoder's output is valid UTF-8
        source = {};
        inspectedUpFront_ = 2;
    } else if (input.substr(0, 3) == "\xEF\xBB\xBF") {
        source.remove_prefix(3); // as text::decodeText skips it
        inspectedUpFront_ = 3;
    }
    converter_ = std::make_unique<html::HtmlConverter>(source, htmlOptions);
    if (utf16_) {
        converter_->setSource(*utf16_);
    }
    text_ = std::make_unique<GrowingText>(
        [this](std::string& out, std::size_t minBytes) { return converter_->pump(out, minBytes); });
#else
    (void)input;
    (void)options;
    (void)tuning;
#endif
}

std::size_t ExtractionStream::bytesInspected() const {
#ifdef BI_VARIANT_STANDARD
    if (utf16_) {
        return inspectedUpFront_ + utf16_->bytesDecoded();
    }
    if (converter_) {
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
