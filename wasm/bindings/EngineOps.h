// SPDX-License-Identifier: GPL-3.0-or-later
// The operations behind the codec calls of the bindings: each takes and returns a
// json::Value, so the three codecs are compared on exactly the same work.
#pragma once

#include "core/Json.h"

#include <string>
#include <string_view>

namespace bi::wasm {

// `args` is the small per-call argument passed as a plain string so that it costs
// the same under every codec: the session id, and for routeProducedChanges
// "<session> <level>". Throws EngineError for an unknown op or bad input.
//   echo                  changes -> {"changes":[{path,value}],"count"}
//   prepare               changes -> {"changes","concern_changes","execution_plan","guards"}
//   preparePlan           changes -> the same with "plan" (CompactPlan.h) for "execution_plan"
//   processChanges        changes -> the same without "execution_plan" (the legacy flow's first call)
//   createDispatchPlan    (ignored) -> level
//   routeProducedChanges  [{"dispatch_id","changes"}] -> level
//   finalize              [{"dispatch_id","changes","input"?}] -> {"final_changes"}
//   abort                 (ignored) -> null
json::Value runOp(const std::string& op, const std::string& args, json::Value input);

// The open session "<session>" names; throws EngineError naming `op` as runOp does.
class PipelineSession;
PipelineSession& sessionForArgs(const std::string& op, const std::string& args);
// The same for "<session> <level>" (routeProducedChanges); the level goes to `level`.
PipelineSession& sessionForArgs(const std::string& op, const std::string& args, std::size_t& level);

// The ops runOp knows, comma-separated (the host's WasmEngine.supports reads it); the
// standard module adds the binary codec's layouts beyond api/BinaryCodec.h:
// "binaryOutputs" (listener output as 'BIO1', BinaryChangeReader.h) and "binaryPlan"
// (preparePlan's plan as value tag 9, BinaryResultWriter::compactPlan).
std::string opNames();

// Sessions (PipelineSession): opened from the scenario text; the id goes in `args`.
// openSession returns {"session": id, ...describe()}; report is the `bi run` document.
json::Value openSession(std::string_view scenarioText, std::size_t maxListenerWrites);
json::Value sessionReport(int session);
// False when no such session was open.
bool closeSession(int session);

} // namespace bi::wasm
