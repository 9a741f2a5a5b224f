// SPDX-License-Identifier: GPL-3.0-or-later
// Chunked extraction pulled one chunk at a time.
//
// For HTML the converter is pumped only as far as the next chunk needs
// (its size limit plus a few bytes of lookahead), so the first chunk of a
// large page costs work proportional to that chunk, and converted content is
// dropped once every chunk that reads it has been returned: memory stays
// bounded by the input plus a few chunks. UTF-8 input is not validated up
// front either: the converter repairs invalid bytes as it reaches them, with
// the same result as the whole extraction's decoding. UTF-16 input (a byte
// order mark) is decoded as the tokenizer reads on (text::Utf16Source, blocks
// doubling in size), so it too costs work proportional to what was returned;
// the decoded UTF-8 prefix is the one buffer held besides the input and the
// chunks (by the end, the document's UTF-8 size). Other formats are extracted whole
// first (Markdown and valid UTF-8 text are views of the input, so this costs
// no copy) and then chunked lazily.
//
// Streamed chunks carry total_chunks = -1 (null in JSON), because the total is
// not known until the end; chunkCount() gives it once next() has returned
// false. Apart from that, the chunks are exactly those of the whole result
// (same content, offsets, indices and heading context).
#pragma once

#include "extract/Chunker.h"
#include "extract/DocumentFormat.h"
#include "extract/ExtractOptions.h"
#include "extract/ExtractionResult.h"
#include "extract/GrowingText.h"

#include <memory>
#include <string>
#include <string_view>

namespace bi::extract {

namespace html {
class HtmlConverter;
}
namespace text {
class Utf16Source;
}

// Settings for tests, not for callers.
struct StreamTuning {
    // UTF-16 HTML: code units decoded per step; 0 decodes in blocks doubling
    // from text::Utf16Source::kFirstBlockUnits. 1 makes every read of the
    // tokenizer meet the end of the decoded text once.
    std::size_t utf16BlockUnits = 0;
};

class ExtractionStream {
public:
    // options.chunking.maxChars must be > 0. The input must outlive the stream.
    ExtractionStream(std::string_view input, const ExtractOptions& options, StreamTuning tuning = {});
    ~ExtractionStream();
    ExtractionStream(const ExtractionStream&) = delete;
    ExtractionStream& operator=(const ExtractionStream&) = delete;

    bool next(Chunk& chunk);

    [[nodiscard]] std::string_view mimeType() const { return mimeTypeOf(format_); }
    [[nodiscard]] bool finished() const { return finished_; }
    // Complete once finished() (for HTML they are filled in at the end).
    [[nodiscard]] const json::Value& metadata() const { return whole_.metadata; }
    [[nodiscard]] const std::vector<Table>& tables() const { return whole_.tables; }
    [[nodiscard]] std::size_t chunkCount() const { return returned_; }
    // Converted bytes held in memory right now (bounded while streaming HTML).
    [[nodiscard]] std::size_t bytesHeld() const;
    // Content bytes produced so far (for HTML: converted so far).
    [[nodiscard]] std::size_t bytesConverted() const { return text_->end(); }
    // Input bytes read so far by decoding and conversion (format detection
    // looks at the first few KB besides). Streaming HTML keeps this
    // proportional to the chunks returned (for UTF-16, the bytes decoded so
    // far); other formats read everything first.
    [[nodiscard]] std::size_t bytesInspected() const;

private:
    void startHtml(std::string_view input, const ExtractOptions& options, StreamTuning tuning);
    void finish();

    DocumentFormat format_;
    std::unique_ptr<text::Utf16Source> utf16_; // UTF-16 HTML only
    ExtractionResult whole_;
    std::unique_ptr<html::HtmlConverter> converter_;
    std::unique_ptr<GrowingText> text_;
    std::unique_ptr<Chunker> chunker_;
    std::size_t returned_ = 0;
    std::size_t inspectedUpFront_ = 0; // decoded or extracted before the first chunk
    bool finished_ = false;
};

} // namespace bi::extract
