// SPDX-License-Identifier: GPL-3.0-or-later
// embind surface of the engine. The calls take and return byte ranges in wasm
// memory so that the host can time each phase of a crossing on its own
// (encode, copy in, compute, copy out, decode).
#include "api/Commands.h"
#include "core/EngineError.h"

#include <emscripten/bind.h>

#include <cstdint>
#include <cstdlib>
#include <string>

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

std::uintptr_t allocBytes(std::size_t size) {
    return reinterpret_cast<std::uintptr_t>(std::malloc(size == 0 ? 1 : size));
}

void freeBytes(std::uintptr_t ptr) {
    std::free(reinterpret_cast<void*>(ptr));
}

// Returns true on success; the result (or error) stays readable until the next call.
bool runScenarioBytes(std::uintptr_t ptr, std::size_t len, const std::string& strategy) {
    LastCall& call = lastCall();
    call.error.clear();
    call.result.clear();
    try {
        bi::api::RunOptions options;
        options.strategy = strategy;
        auto out = bi::api::runScenario(std::string_view(reinterpret_cast<const char*>(ptr), len), options);
        call.result = std::move(out.json);
        call.phases = out.phases;
        return true;
    } catch (const std::exception& e) {
        call.error = e.what();
        return false;
    }
}

std::uintptr_t resultPtr() { return reinterpret_cast<std::uintptr_t>(lastCall().result.data()); }
std::size_t resultLen() { return lastCall().result.size(); }
std::string lastError() { return lastCall().error; }
double phaseDecode() { return lastCall().phases.decode; }
double phaseCompute() { return lastCall().phases.compute; }
double phaseEncode() { return lastCall().phases.encode; }

} // namespace

EMSCRIPTEN_BINDINGS(boundary_inspector_engine) {
    emscripten::function("allocBytes", &allocBytes);
    emscripten::function("freeBytes", &freeBytes);
    emscripten::function("runScenarioBytes", &runScenarioBytes);
    emscripten::function("resultPtr", &resultPtr);
    emscripten::function("resultLen", &resultLen);
    emscripten::function("lastError", &lastError);
    emscripten::function("phaseDecode", &phaseDecode);
    emscripten::function("phaseCompute", &phaseCompute);
    emscripten::function("phaseEncode", &phaseEncode);
}
