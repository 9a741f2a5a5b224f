// SPDX-License-Identifier: GPL-3.0-or-later
// embind surface of document extraction, one function per strategy so that the
// host can choose per call:
//   input   copy      the host passes a Uint8Array, embind copies it into wasm memory
//           zerocopy  the host reads the file straight into a buffer allocated here
//                     (allocBytes) and the engine extracts from that span in place
//   output  whole     one result JSON per call
//           stream    an ExtractStreamSession handle; one chunk per streamNext()
//   batch   malloc    a fresh extractor and result per document (api::extractDocument)
//           arena     one extractor and result reused across the batch (api::extractBatch)
// Results stay in wasm memory (extractResultPtr/Len) until the next call, so the
// host times its copy out and decode on their own. Errors never throw across the
// boundary: a call returns false (or 0 / -1) and extractError() says why, with the
// same text as the native `bi`.
#include "ExtractStreamSession.h"

#include "api/ExtractCommands.h"
#include "core/EngineError.h"
#include "core/Json.h"
#include "extract/Extractor.h"
#include "extract/ResultJson.h"
#include "trace/TimingRecord.h"

#include <emscripten/bind.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using bi::api::CommandOutput;
using bi::api::EnginePhases;

struct ExtractCall {
    std::string result;
    std::string error;
    EnginePhases phases;
    std::vector<CommandOutput> parts;  // batch: per-document lengths and phases (json emptied)
    std::uintptr_t contentAddress = 0; // where the last single result's content lives
    bool contentBorrowed = false;
};

ExtractCall& lastCall() {
    static ExtractCall call;
    return call;
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
[[gnu::noinline]] bool guardedCall(const std::string& fileName, void (*run)(void*, ExtractCall&), void* body) {
    ExtractCall& call = lastCall();
    call.error.clear();
    call.result.clear();
    call.parts.clear();
    call.phases = {};
    call.contentAddress = 0;
    call.contentBorrowed = false;
    try {
        run(body, call);
        return true;
    } catch (const bi::EngineError& e) {
        call.error = fileName.empty() ? e.what() : fileName + ": " + e.what();
    } catch (const bi::json::ParseError& e) {
        call.error = e.describe();
    } catch (const std::exception& e) {
        call.error = e.what();
    }
    return false;
}

template <typename Body> bool guarded(const std::string& fileName, Body&& body) {
    return guardedCall(
        fileName, [](void* b, ExtractCall& call) { (*static_cast<std::remove_reference_t<Body>*>(b))(call); }, &body);
}

// One document, extracted in place from `input`; the phases are those of
// api::extractDocument. The extractor is local: per-call allocation.
void extractOne(std::string_view input, const std::string& fileName,
                const bi::api::ExtractCommandOptions& options, ExtractCall& call) {
    const double t0 = bi::trace::nowMicros();
    const bi::extract::ExtractOptions o = extractOptions(fileName, options);
    const double t1 = bi::trace::nowMicros();
    bi::extract::ExtractionResult result;
    bi::extract::Extractor().extract(input, o, result);
    const double t2 = bi::trace::nowMicros();
    bi::extract::appendResultJson(result, call.result);
    call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
    call.contentAddress = reinterpret_cast<std::uintptr_t>(result.content().data());
    call.contentBorrowed = result.contentBorrowed();
}

std::string_view bytesAt(std::uintptr_t ptr, std::size_t len) {
    return {reinterpret_cast<const char*>(ptr), len};
}

bool extractCopy(const std::string& bytes, const std::string& fileName, const std::string& mime, bool text,
                 std::size_t maxChars, std::size_t overlap) {
    return guarded(fileName, [&](ExtractCall& call) {
        extractOne(bytes, fileName, commandOptions(mime, text, maxChars, overlap), call);
    });
}

bool extractAt(std::uintptr_t ptr, std::size_t len, const std::string& fileName, const std::string& mime,
               bool text, std::size_t maxChars, std::size_t overlap) {
    return guarded(fileName, [&](ExtractCall& call) {
        extractOne(bytesAt(ptr, len), fileName, commandOptions(mime, text, maxChars, overlap), call);
    });
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
                copies[i] = docs[i].as<std::string>();
                inputs.push_back({copies[i], std::move(name)});
            }
        }
        const bi::api::ExtractCommandOptions options = commandOptions(mime, text, maxChars, overlap);
        if (arena) {
            call.parts = bi::api::extractBatch(inputs, options);
        } else {
            for (const bi::api::ExtractInput& input : inputs) {
                try {
                    call.parts.push_back(bi::api::extractDocument(input, options));
                } catch (const bi::EngineError& e) {
                    throw bi::EngineError(input.fileName + ": " + e.what()); // as extractBatch names it
                }
            }
        }
        for (CommandOutput& part : call.parts) {
            call.result += part.json;
            call.phases.decode += part.phases.decode;
            call.phases.compute += part.phases.compute;
            call.phases.encode += part.phases.encode;
        }
    });
}

emscripten::val extractParts() {
    emscripten::val parts = emscripten::val::array();
    for (const CommandOutput& part : lastCall().parts) {
        emscripten::val p = emscripten::val::object();
        p.set("length", part.json.size());
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
// `bytes` by value: embind's copy of the Uint8Array moves into the session, no second copy.
int streamOpenCopy(std::string bytes, const std::string& fileName, const std::string& mime, bool text,
                   std::size_t maxChars, std::size_t overlap) {
    const bi::extract::ExtractOptions o =
        extractOptions(fileName, commandOptions(mime, text, maxChars, overlap));
    return openSession(fileName,
                       [&] { return std::make_unique<bi::wasm::ExtractStreamSession>(std::move(bytes), o); });
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

std::size_t streamsOpen() {
    return sessions().size();
}
std::uintptr_t extractResultPtr() {
    return reinterpret_cast<std::uintptr_t>(lastCall().result.data());
}
std::size_t extractResultLen() {
    return lastCall().result.size();
}
std::string extractError() {
    return lastCall().error;
}
std::uintptr_t extractContentAddress() {
    return lastCall().contentAddress;
}
bool extractContentBorrowed() {
    return lastCall().contentBorrowed;
}

emscripten::val extractPhases() {
    const EnginePhases& p = lastCall().phases;
    emscripten::val v = emscripten::val::object();
    v.set("engine_decode", p.decode);
    v.set("compute", p.compute);
    v.set("engine_encode", p.encode);
    return v;
}

} // namespace

EMSCRIPTEN_BINDINGS(boundary_inspector_extract) {
    emscripten::function("extractCopy", &extractCopy);
    emscripten::function("extractAt", &extractAt);
    emscripten::function("extractBatch", &extractBatch);
    emscripten::function("extractParts", &extractParts);
    emscripten::function("markdownToHtmlAt", &markdownToHtmlAt);
    emscripten::function("streamOpenCopy", &streamOpenCopy);
    emscripten::function("streamOpenAt", &streamOpenAt);
    emscripten::function("streamNext", &streamNext);
    emscripten::function("streamEnd", &streamEnd);
    emscripten::function("streamClose", &streamClose);
    emscripten::function("streamsOpen", &streamsOpen);
    emscripten::function("extractResultPtr", &extractResultPtr);
    emscripten::function("extractResultLen", &extractResultLen);
    emscripten::function("extractError", &extractError);
    emscripten::function("extractContentAddress", &extractContentAddress);
    emscripten::function("extractContentBorrowed", &extractContentBorrowed);
    emscripten::function("extractPhases", &extractPhases);
}
