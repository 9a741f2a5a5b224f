// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ExtractCommands.h"

#include "core/EngineError.h"
#include "extract/Extractor.h"
#include "extract/MarkdownSupport.h"
#include "extract/ResultJson.h"
#include "extract/text/TextDecoder.h"
#include "trace/TimingRecord.h"

namespace bi::api {

namespace {

extract::ExtractOptions toExtractOptions(const ExtractInput& input, const ExtractCommandOptions& options) {
    extract::ExtractOptions o;
    o.mimeType = options.mimeType;
    o.fileName = input.fileName;
    o.plainText = options.plainText;
    o.chunking.maxChars = options.maxChars;
    o.chunking.maxOverlap = options.overlap;
    return o;
}

CommandOutput extractWith(extract::Extractor& extractor, extract::ExtractionResult& result, const ExtractInput& input,
                          const ExtractCommandOptions& options, std::string& json) {
    const double t0 = trace::nowMicros();
    const extract::ExtractOptions o = toExtractOptions(input, options);
    const double t1 = trace::nowMicros();
    extractor.extract(input.bytes, o, result);
    const double t2 = trace::nowMicros();
    json.clear();
    extract::appendResultJson(result, json);
    const double t3 = trace::nowMicros();
    CommandOutput out;
    out.json = json;
    out.phases.decode = t1 - t0;
    out.phases.compute = t2 - t1;
    out.phases.encode = t3 - t2;
    return out;
}

} // namespace

CommandOutput extractDocument(const ExtractInput& input, const ExtractCommandOptions& options) {
    extract::Extractor extractor;
    extract::ExtractionResult result;
    std::string json;
    return extractWith(extractor, result, input, options, json);
}

std::vector<CommandOutput> extractBatch(const std::vector<ExtractInput>& inputs, const ExtractCommandOptions& options) {
    extract::Extractor extractor;
    extract::ExtractionResult result;
    std::string json;
    std::vector<CommandOutput> outputs;
    outputs.reserve(inputs.size());
    for (const ExtractInput& input : inputs) {
        try {
            outputs.push_back(extractWith(extractor, result, input, options, json));
        } catch (const EngineError& e) {
            throw EngineError(input.fileName + ": " + e.what());
        }
    }
    return outputs;
}

std::string markdownToHtml(std::string_view bytes) {
    std::string storage;
    return extract::markdownToHtml(extract::text::decodeText(bytes, storage).text);
}

} // namespace bi::api
