// SPDX-License-Identifier: GPL-3.0-or-later
// Call surface of document extraction (plain exports, RawExport.h, and embind for
// the calls that take JS values), one function per strategy so that the host can
// choose per call:
//   input   copy      the host passes a Uint8Array, the binding copies it into wasm memory
//           zerocopy  the host reads the file straight into a buffer allocated here
//                     (allocBytes) and the engine extracts from that span in place
//   output  whole     one result JSON per call
//           stream    an ExtractStreamSession handle; one chunk per streamNext()
//   batch   malloc    a fresh extractor and result per document (api::extractDocument)
//           arena     one extractor and result reused across the batch (api::extractBatch)
// Results stay in wasm memory (extractResultPtr/Len) until the next call, so the
// host times its copy out and decode on their own; the call's summary (result place,
// content place, phases) is read from wasm memory too (extractSummaryPtr). Errors never throw across the
// boundary: a call returns false (or 0 / -1) and extractError() says why, with the
// same text as the native `bi`.
#include "ExtractStreamSession.h"
#include "RawExport.h"
#include "api/ExtractCommands.h"
#include "core/EngineError.h"
#include "core/Json.h"
#include "extract/Extractor.h"
#include "extract/ResultJson.h"
#include "trace/TimingRecord.h"

#include <cstdint>
#include <emscripten/bind.h>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using bi::api::CommandOutput;
using bi::api::EnginePhases;

// One document of a batch: the length of its JSON in the result buffer, its phases.
struct BatchPart {
    std::size_t length = 0;
    EnginePhases phases;
};

struct ExtractCall {
    std::string result;
    std::string error;
    EnginePhases phases;
    std::vector<BatchPart> parts;
    std::uintptr_t contentAddress = 0; // where the last single result's content lives
    bool contentBorrowed = false;
    // The single-document calls reuse one extractor and result, as a batch does and as
    // bench_extract's steady state does: a fresh pair per call cost the HTML converter's
    // and the Markdown tree's set-up every time (about a third of a 1.5 KB page's compute).
    // Dropped after an error (a throw can leave a converter half-way) and after a large
    // document (so that its buffers do not stay allocated).
    bi::extract::Extractor extractor;
    bi::extract::ExtractionResult reused;
};

// Inputs above this size leave no grown buffers behind in the reused extractor.
constexpr std::size_t kReuseLimitBytes = 4u << 20;

void dropReused(ExtractCall& call) {
    call.extractor = bi::extract::Extractor();
    call.reused = bi::extract::ExtractionResult();
}

ExtractCall& lastCall() {
    static ExtractCall call;
    return call;
}

// The last call's outcome as numbers that the host reads straight from wasm memory
// through one Float64Array (extract.mjs), instead of one crossing per field: building
// the phases object through emval alone took about 1.4 µs of a 1.5 KB page's call.
// The field order is part of the host interface (extract.mjs SUMMARY).
struct CallSummary {
    double resultPtr = 0;
    double resultLen = 0;
    double contentAddress = 0;
    double contentBorrowed = 0;
    double decode = 0;
    double compute = 0;
    double encode = 0;
};

CallSummary& summary() {
    static CallSummary s;
    return s;
}

void publishSummary(const ExtractCall& call) {
    CallSummary& s = summary();
    s.resultPtr = static_cast<double>(reinterpret_cast<std::uintptr_t>(call.result.data()));
    s.resultLen = static_cast<double>(call.result.size());
    s.contentAddress = static_cast<double>(call.contentAddress);
    s.contentBorrowed = call.contentBorrowed ? 1 : 0;
    s.decode = call.phases.decode;
    s.compute = call.phases.compute;
    s.encode = call.phases.encode;
}

std::map<int, std::unique_ptr<bi::wasm::ExtractStreamSession>>& sessions() {
    static std::map<int, std::unique_ptr<bi::wasm::ExtractStreamSession>> open;
    return open;
}

bi::api::ExtractCommandOptions commandOptions(const std::string& mime, bool text, std::size_t maxChars,
                                              std::size_t overlap) {
    bi::api::ExtractCommandOptions o;
    o.mimeType = mime;
    o.plainText = text;
    o.maxChars = maxChars;
    o.overlap = overlap;
    return o;
}

// The same mapping as api::ExtractCommands (which keeps its own private).
bi::extract::ExtractOptions extractOptions(const std::string& fileName,
                                           const bi::api::ExtractCommandOptions& c) {
    bi::extract::ExtractOptions o;
    o.mimeType = c.mimeType;
    o.fileName = fileName;
    o.plainText = c.plainText;
    o.chunking.maxChars = c.maxChars;
    o.chunking.maxOverlap = c.overlap;
    return o;
}

// Runs `run(body, call)`; engine errors are prefixed with the document's name as the
// native batch command does, so messages match byte for byte. One function for every
// binding (a template per call site would copy the catch blocks into each).
[[gnu::noinline]] bool guardedCall(const std::string& fileName, void (*run)(void*, ExtractCall&),
                                   void* body) {
    ExtractCall& call = lastCall();
    call.error.clear();
    call.result.clear();
    if (call.result.capacity() > kReuseLimitBytes) {
        std::string().swap(call.result); // a large document's result does not stay allocated
    }
    call.parts.clear();
    call.phases = {};
    call.contentAddress = 0;
    call.contentBorrowed = false;
    try {
        run(body, call);
        publishSummary(call);
        return true;
    } catch (const bi::EngineError& e) {
        dropReused(call);
        call.error = fileName.empty() ? e.what() : fileName + ": " + e.what();
    } catch (const bi::json::ParseError& e) {
        dropReused(call);
        call.error = e.describe();
    } catch (const std::exception& e) {
        dropReused(call);
        call.error = e.what();
    }
    publishSummary(call);
    return false;
}

template <typename Body> bool guarded(const std::string& fileName, Body&& body) {
    return guardedCall(
        fileName, [](void* b, ExtractCall& call) { (*static_cast<std::remove_reference_t<Body>*>(b))(call); },
        &body);
}

// Extracts one document with the reused extractor and result and appends its JSON to
// call.result; the phases are those of api::extractDocument.
EnginePhases appendOne(std::string_view input, const std::string& fileName,
                       const bi::api::ExtractCommandOptions& options, ExtractCall& call) {
    const double t0 = bi::trace::nowMicros();
    const bi::extract::ExtractOptions o = extractOptions(fileName, options);
    const double t1 = bi::trace::nowMicros();
    call.extractor.extract(input, o, call.reused);
    const double t2 = bi::trace::nowMicros();
    bi::extract::appendResultJson(call.reused, call.result);
    return {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
}

void releaseAfter(std::string_view input, ExtractCall& call) {
    if (input.size() > kReuseLimitBytes) {
        dropReused(call);
    }
}

// One document, extracted in place from `input`.
void extractOne(std::string_view input, const std::string& fileName,
                const bi::api::ExtractCommandOptions& options, ExtractCall& call) {
    call.phases = appendOne(input, fileName, options, call);
    call.contentAddress = reinterpret_cast<std::uintptr_t>(call.reused.content().data());
    call.contentBorrowed = call.reused.contentBorrowed();
    releaseAfter(input, call);
}

using bi::wasm::bytesAt;
using bi::wasm::textArg;

// The copy strategy's copy: a Uint8Array into wasm memory with one TypedArray.set (a
// memcpy in V8). embind's own std::string conversion copies byte by byte in a JS loop,
// about a millisecond for the 10 × 100 KB batch.
void copyBytes(const emscripten::val& bytes, const char* what, std::string& out) {
    if (!bytes.instanceof (emscripten::val::global("Uint8Array"))) {
        throw bi::EngineError(std::string(what) + ": the document must be a Uint8Array");
    }
    out.resize(bytes["length"].as<std::size_t>());
    if (!out.empty()) {
        emscripten::val::module_property("HEAPU8").call<void>("set", bytes,
                                                              reinterpret_cast<std::uintptr_t>(out.data()));
    }
}

// The copy of extractCopy's input, kept so that its buffer is reused by the next call.
std::string& copyBuffer() {
    static std::string bytes;
    return bytes;
}

bool extractCopy(const emscripten::val& bytes, const std::string& fileName, const std::string& mime,
                 bool text, std::size_t maxChars, std::size_t overlap) {
    return guarded(fileName, [&](ExtractCall& call) {
        std::string& copy = copyBuffer();
        copyBytes(bytes, "extractCopy", copy);
        extractOne(copy, fileName, commandOptions(mime, text, maxChars, overlap), call);
        if (copy.size() > kReuseLimitBytes) {
            std::string().swap(copy);
        }
    });
}

bool extractAt(std::uintptr_t ptr, std::size_t len, const std::string& fileName, const std::string& mime,
               bool text, std::size_t maxChars, std::size_t overlap) {
    return guarded(fileName, [&](ExtractCall& call) {
        extractOne(bytesAt(ptr, len), fileName, commandOptions(mime, text, maxChars, overlap), call);
    });
}

// Arena: api::extractBatch's work (one extractor and result for every document: here
// the pair the single calls reuse too), each document's JSON written straight into
// the result buffer rather than into its own string and then copied into ours.
void extractArena(const std::vector<bi::api::ExtractInput>& inputs,
                  const bi::api::ExtractCommandOptions& options, ExtractCall& call) {
    for (const bi::api::ExtractInput& input : inputs) {
        const std::size_t start = call.result.size();
        try {
            call.parts.push_back({0, appendOne(input.bytes, input.fileName, options, call)});
        } catch (const bi::EngineError& e) {
            throw bi::EngineError(input.fileName + ": " + e.what()); // as api::extractBatch names it
        }
        call.parts.back().length = call.result.size() - start;
        releaseAfter(input.bytes, call);
    }
}

// Malloc: a fresh extractor and result per document (api::extractDocument).
void extractEach(const std::vector<bi::api::ExtractInput>& inputs,
                 const bi::api::ExtractCommandOptions& options, ExtractCall& call) {
    for (const bi::api::ExtractInput& input : inputs) {
        try {
            CommandOutput out = bi::api::extractDocument(input, options);
            call.result += out.json;
            call.parts.push_back({out.json.size(), out.phases});
        } catch (const bi::EngineError& e) {
            throw bi::EngineError(input.fileName + ": " + e.what()); // as api::extractBatch names it
        }
    }
}

// Batch: `docs` holds Uint8Arrays (copy) or numbers (pointers, zero copy, with
// `lens`); `names` the file names. All results are concatenated in the result
// buffer; extractParts() gives each one's length and phases.
bool extractBatch(const emscripten::val& docs, const emscripten::val& lens, const emscripten::val& names,
                  const std::string& mime, bool text, std::size_t maxChars, std::size_t overlap, bool arena) {
    return guarded("", [&](ExtractCall& call) {
        const std::size_t count = docs["length"].as<std::size_t>();
        const bool zeroCopy = lens.isArray();
        std::vector<std::string> copies(zeroCopy ? 0 : count);
        std::vector<bi::api::ExtractInput> inputs;
        inputs.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            std::string name = names[i].as<std::string>();
            if (zeroCopy) {
                inputs.push_back(
                    {bytesAt(docs[i].as<std::uintptr_t>(), lens[i].as<std::size_t>()), std::move(name)});
            } else {
                copyBytes(docs[i], "extractBatch", copies[i]);
                inputs.push_back({copies[i], std::move(name)});
            }
        }
        const bi::api::ExtractCommandOptions options = commandOptions(mime, text, maxChars, overlap);
        call.parts.reserve(count);
        if (arena) {
            extractArena(inputs, options, call);
        } else {
            extractEach(inputs, options, call);
        }
        for (const BatchPart& part : call.parts) {
            call.phases.decode += part.phases.decode;
            call.phases.compute += part.phases.compute;
            call.phases.encode += part.phases.encode;
        }
    });
}

emscripten::val extractParts() {
    emscripten::val parts = emscripten::val::array();
    for (const BatchPart& part : lastCall().parts) {
        emscripten::val p = emscripten::val::object();
        p.set("length", part.length);
        p.set("engine_decode", part.phases.decode);
        p.set("compute", part.phases.compute);
        p.set("engine_encode", part.phases.encode);
        parts.call<void>("push", p);
    }
    return parts;
}

bool markdownToHtmlAt(std::uintptr_t ptr, std::size_t len) {
    return guarded("", [&](ExtractCall& call) {
        const double t0 = bi::trace::nowMicros();
        call.result = bi::api::markdownToHtml(bytesAt(ptr, len));
        call.phases.compute = bi::trace::nowMicros() - t0;
    });
}

int nextSessionId() {
    static int id = 0;
    return ++id;
}

template <typename Make> int openSession(const std::string& fileName, Make&& make) {
    int id = 0;
    guarded(fileName, [&](ExtractCall& call) {
        const double t0 = bi::trace::nowMicros();
        std::unique_ptr<bi::wasm::ExtractStreamSession> session = make();
        call.phases.compute = bi::trace::nowMicros() - t0;
        id = nextSessionId();
        sessions()[id] = std::move(session);
    });
    return id;
}

// Returns a session id (> 0), or 0 when the document cannot be extracted.
// The copy of the Uint8Array moves into the session, no second copy; it is made
// before the session's timed opening, as the host counts it as copy-in.
int streamOpenCopy(const emscripten::val& bytes, const std::string& fileName, const std::string& mime,
                   bool text, std::size_t maxChars, std::size_t overlap) {
    std::string copy;
    if (!guarded(fileName, [&](ExtractCall&) { copyBytes(bytes, "streamOpenCopy", copy); })) {
        return 0;
    }
    const bi::extract::ExtractOptions o =
        extractOptions(fileName, commandOptions(mime, text, maxChars, overlap));
    return openSession(fileName,
                       [&] { return std::make_unique<bi::wasm::ExtractStreamSession>(std::move(copy), o); });
}

// Adopts the allocBytes buffer at `ptr`: the session frees it when closed (or
// at once, when opening fails).
int streamOpenAt(std::uintptr_t ptr, std::size_t len, const std::string& fileName, const std::string& mime,
                 bool text, std::size_t maxChars, std::size_t overlap) {
    const bi::extract::ExtractOptions o =
        extractOptions(fileName, commandOptions(mime, text, maxChars, overlap));
    return openSession(fileName, [&] {
        return std::make_unique<bi::wasm::ExtractStreamSession>(reinterpret_cast<char*>(ptr), len, o);
    });
}

bi::wasm::ExtractStreamSession& sessionFor(int id) {
    auto it = sessions().find(id);
    if (it == sessions().end()) {
        throw bi::EngineError("no open extraction stream " + std::to_string(id));
    }
    return *it->second;
}

// 1: a chunk's JSON is in the result buffer; 0: the stream is done; -1: error.
int streamNext(int id) {
    bool more = false;
    const bool ok = guarded("", [&](ExtractCall& call) {
        const double t0 = bi::trace::nowMicros();
        more = sessionFor(id).next(call.result);
        call.phases.compute = bi::trace::nowMicros() - t0;
    });
    return ok ? (more ? 1 : 0) : -1;
}

bool streamEnd(int id, bool withContent) {
    return guarded("", [&](ExtractCall& call) {
        const double t0 = bi::trace::nowMicros();
        sessionFor(id).end(withContent, call.result);
        call.phases.compute = bi::trace::nowMicros() - t0;
    });
}

bool streamClose(int id) {
    return sessions().erase(id) > 0;
}

} // namespace

// ---- plain exports (RawExport.h): strings as (ptr, len), bools as 0/1

BI_EXPORT int bi_extract_at(std::uintptr_t ptr, std::size_t len, std::uintptr_t name, std::size_t nameLen,
                            std::uintptr_t mime, std::size_t mimeLen, int text, std::size_t maxChars,
                            std::size_t overlap) {
    return extractAt(ptr, len, textArg(name, nameLen), textArg(mime, mimeLen), text != 0, maxChars, overlap)
               ? 1
               : 0;
}

BI_EXPORT int bi_markdown_to_html_at(std::uintptr_t ptr, std::size_t len) {
    return markdownToHtmlAt(ptr, len) ? 1 : 0;
}

BI_EXPORT int bi_stream_open_at(std::uintptr_t ptr, std::size_t len, std::uintptr_t name, std::size_t nameLen,
                                std::uintptr_t mime, std::size_t mimeLen, int text, std::size_t maxChars,
                                std::size_t overlap) {
    return streamOpenAt(ptr, len, textArg(name, nameLen), textArg(mime, mimeLen), text != 0, maxChars,
                        overlap);
}

BI_EXPORT int bi_stream_next(int id) {
    return streamNext(id);
}

BI_EXPORT int bi_stream_end(int id, int withContent) {
    return streamEnd(id, withContent != 0) ? 1 : 0;
}

BI_EXPORT int bi_stream_close(int id) {
    return streamClose(id) ? 1 : 0;
}

BI_EXPORT std::size_t bi_streams_open() {
    return sessions().size();
}

// A TextSpan of the last extraction call's error message.
BI_EXPORT std::uintptr_t bi_extract_error() {
    return bi::wasm::spanOf(lastCall().error);
}

// The last call's result and content places one by one (the host reads the summary;
// these are its independent check, tests/host/extract.test.mjs).
BI_EXPORT std::uintptr_t bi_extract_result_ptr() {
    return reinterpret_cast<std::uintptr_t>(lastCall().result.data());
}

BI_EXPORT std::size_t bi_extract_result_len() {
    return lastCall().result.size();
}

BI_EXPORT std::uintptr_t bi_extract_content_address() {
    return lastCall().contentAddress;
}

BI_EXPORT int bi_extract_content_borrowed() {
    return lastCall().contentBorrowed ? 1 : 0;
}

// The last call's phases in place, three doubles (decode, compute, encode), as the
// summary carries them too: the host's independent check of its summary read.
BI_EXPORT std::uintptr_t bi_extract_phases() {
    static_assert(sizeof(EnginePhases) == 3 * sizeof(double), "the host reads three doubles");
    return reinterpret_cast<std::uintptr_t>(&lastCall().phases);
}

// The CallSummary (result place, content place, phases) of the last extraction call.
BI_EXPORT std::uintptr_t bi_extract_summary() {
    return reinterpret_cast<std::uintptr_t>(&summary());
}

// The calls that take JS values (the copy strategy's Uint8Arrays, the batch's arrays).
EMSCRIPTEN_BINDINGS(boundary_inspector_extract) {
    emscripten::function("extractCopy", &extractCopy);
    emscripten::function("extractBatch", &extractBatch);
    emscripten::function("extractParts", &extractParts);
    emscripten::function("streamOpenCopy", &streamOpenCopy);
}
