// SPDX-License-Identifier: GPL-3.0-or-later
// Call surface of the engine: plain wasm exports (RawExport.h) and one embind
// function, callDirect, for the codec that passes JS values. The calls take and
// return byte ranges in wasm memory so that the host can time each phase of a
// crossing on its own (encode, copy in, compute, copy out, decode).
//
// Codec calls carry one request document through one of three codecs:
//   callJson   JSON text in wasm memory both ways
//   callDirect embind values read and built field by field (ValueBridge)
//   callBinary the compact layout of api/BinaryCodec.h, in and out of wasm memory
// The operation itself (EngineOps) sees the same json::Value whichever codec carried it;
// the ops whose input is a change list (ChangeListCall) see the same change list, each
// codec decoding into it and writing the answer itself, so that compute is the same work.
#include "BinaryChangeReader.h"
#include "BinaryResultWriter.h"
#include "ChangeListCall.h"
#include "EngineOps.h"
#include "OutputsCall.h"
#include "RawExport.h"
#include "ValueBridge.h"
#include "api/BinaryCodec.h"
#include "api/Commands.h"
#include "core/EngineError.h"
#include "pipeline/Change.h"
#include "pipeline/Scenario.h"
#include "trace/TimingRecord.h"

#include <cstdint>
#include <cstdlib>
#include <emscripten/bind.h>
#include <string>
#include <type_traits>

namespace {

struct LastCall {
    std::string result;
    std::string error;
    bi::api::EnginePhases phases;
};

LastCall& lastCall() {
    static LastCall call;
    return call;
}

using bi::wasm::bytesAt;
using bi::wasm::textArg;

// Runs `run(body, call)`, keeping its error message for lastError(); true on success.
// One function for every binding: as a template per call site, its catch blocks and
// message handling were copied into each binding (about 5 KB of the minimal module).
[[gnu::noinline]] bool guardedCall(void (*run)(void*, LastCall&), void* body) {
    LastCall& call = lastCall();
    call.error.clear();
    call.result.clear();
    call.phases = {};
    try {
        run(body, call);
        return true;
    } catch (const bi::json::ParseError& e) {
        call.error = e.describe();
    } catch (const std::exception& e) {
        call.error = e.what();
    }
    return false;
}

template <typename Body> bool guarded(Body&& body) {
    return guardedCall(
        [](void* b, LastCall& call) { (*static_cast<std::remove_reference_t<Body>*>(b))(call); }, &body);
}

#ifdef BI_VARIANT_STANDARD
// The whole scenario run inside the engine, listeners included (api::runScenario, what
// `bi run` does). The host's `run` drives a session instead (openSessionBytes), so the
// minimal module leaves this out: it is about 15 KB of its code.
// Returns true on success; the result (or error) stays readable until the next call.
bool runScenarioBytes(std::uintptr_t ptr, std::size_t len, const std::string& strategy) {
    return guarded([&](LastCall& call) {
        bi::api::RunOptions options;
        options.strategy = strategy;
        auto out = bi::api::runScenario(bytesAt(ptr, len), options);
        call.result = std::move(out.json);
        call.phases = out.phases;
    });
}
#endif

bool isBinaryDocument(std::string_view bytes) {
    return bytes.substr(0, 4) == std::string_view("BIB1"); // kBinaryDocumentMagic, little-endian
}

// A change list ('BIC1') or, for inputs of another shape, a whole document ('BIB1').
bi::json::Value decodeBinaryInput(std::string_view bytes) {
    if (isBinaryDocument(bytes)) {
        return bi::api::decodeBinaryDocument(bytes);
    }
    return bi::api::decodeBinaryChanges(bytes);
}

// Opens a pipeline session from scenario text (always JSON text: it is the file the
// user gave, loaded once per run, not a per-batch crossing). The result is
// {"session", ...} as JSON text.
bool openSessionBytes(std::uintptr_t ptr, std::size_t len, double maxListenerWrites) {
    return guarded([&](LastCall& call) {
        // A double from JS: anything but a whole count would be undefined behaviour to cast.
        if (!bi::json::isWholeNumber(maxListenerWrites, 0, bi::pipeline::kMaxListenerWritesLimit)) {
            throw bi::EngineError("openSession: maxListenerWrites must be a whole number from 0 to 1e9");
        }
        const auto limit = static_cast<std::size_t>(maxListenerWrites);
        const double t0 = bi::trace::nowMicros();
        bi::json::Value out = bi::wasm::openSession(bytesAt(ptr, len), limit);
        const double t1 = bi::trace::nowMicros();
        call.result = bi::json::write(out);
        call.phases = {0, t1 - t0, bi::trace::nowMicros() - t1};
    });
}

// The session's `bi run` report as the engine's JSON bytes, whatever codec carried the runs.
bool sessionReport(int session) {
    return guarded([&](LastCall& call) {
        const double t0 = bi::trace::nowMicros();
        bi::json::Value report = bi::wasm::sessionReport(session);
        const double t1 = bi::trace::nowMicros();
        call.result = bi::json::write(report);
        call.phases = {0, t1 - t0, bi::trace::nowMicros() - t1};
    });
}

bool closeSession(int session) {
    return bi::wasm::closeSession(session);
}

// A change-list op through one codec: `decode` turns the input into the engine's change
// list (engine_decode), the op runs (compute), `encode` writes the answer (engine_encode).
template <typename Decode, typename Encode>
void changeListCall(LastCall& call, const std::string& op, const std::string& args, Decode&& decode,
                    Encode&& encode) {
    bi::wasm::ChangeListCall op_call(op, args);
    const double t0 = bi::trace::nowMicros();
    bi::pipeline::ChangeList changes = decode(op_call.where());
    const double t1 = bi::trace::nowMicros();
    op_call.run(std::move(changes));
    const double t2 = bi::trace::nowMicros();
    encode(op_call);
    call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
}

#ifdef BI_VARIANT_STANDARD
// A listener-output op (finalize, routeProducedChanges) on a 'BIO1' input: read straight
// into the engine's outputs (engine_decode), the op (compute), the answer (engine_encode).
void outputsCall(LastCall& call, const std::string& op, const std::string& args, std::string_view bytes) {
    bi::wasm::OutputsCall op_call(op, args);
    const double t0 = bi::trace::nowMicros();
    bi::wasm::ListenerOutputs outputs = bi::wasm::BinaryChangeReader(bytes).readOutputs();
    const double t1 = bi::trace::nowMicros();
    op_call.run(std::move(outputs));
    const double t2 = bi::trace::nowMicros();
    bi::wasm::BinaryResultWriter out(bytes.size());
    op_call.writeAnswer(out);
    call.result = out.take();
    call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
}
#endif

bool callJson(const std::string& op, const std::string& args, std::uintptr_t ptr, std::size_t len) {
    return guarded([&](LastCall& call) {
        if (bi::wasm::ChangeListCall::handles(op)) {
            changeListCall(
                call, op, args,
                [&](const char* where) {
                    return bi::pipeline::changesFromJson(bi::json::parse(bytesAt(ptr, len)), where);
                },
                [&](bi::wasm::ChangeListCall& c) { c.writeAnswerJson(call.result); });
            return;
        }
        const double t0 = bi::trace::nowMicros();
        bi::json::Value input = bi::json::parse(bytesAt(ptr, len));
        const double t1 = bi::trace::nowMicros();
        bi::json::Value output = bi::wasm::runOp(op, args, std::move(input));
        const double t2 = bi::trace::nowMicros();
        call.result = bi::json::write(output);
        call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
    });
}

bool callBinary(const std::string& op, const std::string& args, std::uintptr_t ptr, std::size_t len) {
    return guarded([&](LastCall& call) {
#ifdef BI_VARIANT_STANDARD
        // Listener output ('BIO1') is read straight into the engine's outputs; the minimal
        // module has no such layout (the host sends it a 'BIB1' document: supportedOps
        // lacks "binaryOutputs").
        if (bi::wasm::OutputsCall::handles(op) &&
            bi::wasm::BinaryChangeReader::isOutputs(bytesAt(ptr, len))) {
            outputsCall(call, op, args, bytesAt(ptr, len));
            return;
        }
#endif
        // A change list ('BIC1') is read straight into the engine's change list, and the
        // answer written from the engine's structures; other inputs cross as documents.
        // The minimal module goes through the document codec's json::Value both ways
        // instead (the same bytes in and values out, less code).
        if (bi::wasm::ChangeListCall::handles(op) && !isBinaryDocument(bytesAt(ptr, len))) {
#ifdef BI_VARIANT_STANDARD
            changeListCall(
                call, op, args,
                [&](const char*) { return bi::wasm::BinaryChangeReader(bytesAt(ptr, len)).read(); },
                [&](bi::wasm::ChangeListCall& c) {
                    bi::wasm::BinaryResultWriter out(len);
                    c.writeAnswer(out);
                    call.result = out.take();
                });
#else
            changeListCall(
                call, op, args,
                [&](const char* where) {
                    return bi::pipeline::changesFromJson(bi::api::decodeBinaryChanges(bytesAt(ptr, len)),
                                                         where);
                },
                [&](bi::wasm::ChangeListCall& c) {
                    call.result = bi::api::encodeBinaryDocument(c.answer());
                });
#endif
            return;
        }
        const double t0 = bi::trace::nowMicros();
        bi::json::Value input = decodeBinaryInput(bytesAt(ptr, len));
        const double t1 = bi::trace::nowMicros();
        bi::json::Value output = bi::wasm::runOp(op, args, std::move(input));
        const double t2 = bi::trace::nowMicros();
        call.result = bi::api::encodeBinaryDocument(output);
        call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
    });
}

// Returns the result value, or null when the call failed (see lastError()).
emscripten::val callDirect(const std::string& op, const std::string& args, const emscripten::val& input) {
    emscripten::val result = emscripten::val::null();
    guarded([&](LastCall& call) {
        if (bi::wasm::ChangeListCall::handles(op)) {
            changeListCall(
                call, op, args,
                [&](const char* where) {
                    return bi::pipeline::changesFromJson(bi::wasm::valueFromJs(input), where);
                },
                [&](bi::wasm::ChangeListCall& c) { result = bi::wasm::valueToJs(c.answer()); });
            return;
        }
        const double t0 = bi::trace::nowMicros();
        bi::json::Value in = bi::wasm::valueFromJs(input);
        const double t1 = bi::trace::nowMicros();
        bi::json::Value output = bi::wasm::runOp(op, args, std::move(in));
        const double t2 = bi::trace::nowMicros();
        result = bi::wasm::valueToJs(output);
        call.phases = {t1 - t0, t2 - t1, bi::trace::nowMicros() - t2};
    });
    return result;
}

} // namespace

// ---- plain exports (RawExport.h): numbers in and out; the host's RawCalls wraps them

BI_EXPORT std::uintptr_t bi_alloc(std::size_t size) {
    return reinterpret_cast<std::uintptr_t>(std::malloc(size == 0 ? 1 : size));
}

BI_EXPORT void bi_free(std::uintptr_t ptr) {
    std::free(reinterpret_cast<void*>(ptr));
}

#ifdef BI_VARIANT_STANDARD
BI_EXPORT int bi_run_scenario(std::uintptr_t ptr, std::size_t len, std::uintptr_t strategy,
                              std::size_t strategyLen) {
    return runScenarioBytes(ptr, len, textArg(strategy, strategyLen)) ? 1 : 0;
}
#endif

BI_EXPORT int bi_open_session(std::uintptr_t ptr, std::size_t len, double maxListenerWrites) {
    return openSessionBytes(ptr, len, maxListenerWrites) ? 1 : 0;
}

BI_EXPORT int bi_session_report(int session) {
    return sessionReport(session) ? 1 : 0;
}

BI_EXPORT int bi_close_session(int session) {
    return closeSession(session) ? 1 : 0;
}

// op and args are the host's strings at (ptr, len); the input document at (ptr, len).
BI_EXPORT int bi_call_json(std::uintptr_t op, std::size_t opLen, std::uintptr_t args, std::size_t argsLen,
                           std::uintptr_t ptr, std::size_t len) {
    return callJson(textArg(op, opLen), textArg(args, argsLen), ptr, len) ? 1 : 0;
}

BI_EXPORT int bi_call_binary(std::uintptr_t op, std::size_t opLen, std::uintptr_t args, std::size_t argsLen,
                             std::uintptr_t ptr, std::size_t len) {
    return callBinary(textArg(op, opLen), textArg(args, argsLen), ptr, len) ? 1 : 0;
}

BI_EXPORT std::uintptr_t bi_result_ptr() {
    return reinterpret_cast<std::uintptr_t>(lastCall().result.data());
}

BI_EXPORT std::size_t bi_result_len() {
    return lastCall().result.size();
}

// A TextSpan of the last call's error message ("" after a call that succeeded).
BI_EXPORT std::uintptr_t bi_last_error() {
    return bi::wasm::spanOf(lastCall().error);
}

// The last call's phases, three doubles (decode, compute, encode) the host reads in place.
static_assert(sizeof(bi::api::EnginePhases) == 3 * sizeof(double), "the host reads three doubles");
BI_EXPORT std::uintptr_t bi_phases() {
    return reinterpret_cast<std::uintptr_t>(&lastCall().phases);
}

BI_EXPORT std::uintptr_t bi_variant_name() {
    static const std::string name = BI_VARIANT_NAME;
    return bi::wasm::spanOf(name);
}

BI_EXPORT std::uintptr_t bi_supported_ops() {
    static const std::string ops = bi::wasm::opNames();
    return bi::wasm::spanOf(ops);
}

// The one embind function: the direct codec reads and builds JS values.
EMSCRIPTEN_BINDINGS(boundary_inspector_engine) {
    emscripten::function("callDirect", &callDirect);
}
