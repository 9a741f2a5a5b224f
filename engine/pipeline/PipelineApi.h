// SPDX-License-Identifier: GPL-3.0-or-later
// The crossing-level API: what a host on the other side of a boundary (JS via
// wasm) calls, with JSON in and out. Listener handlers live in the host.
//
//   Single plan (2 crossings per run):
//     prepare(changes)  -> {"changes","concern_changes","execution_plan"}
//        execution_plan = {"groups":[{"level","dispatches":[{"dispatch_id",
//        "subscriber_id","scope_path","topic_path","input_change_ids"}]}],
//        "propagation_map":[[{"target_dispatch_id","remap_prefix"}]…],
//        "cascade_map":[[id…]…]} or null when no listener matched.
//     The host runs the groups in order; a handler's input is the run changes
//     named by input_change_ids, then every change forwarded to it (cascade and
//     propagation maps) whose path is at, below or above its topic_path, each
//     relativized to topic_path (see relativize()). Output paths are absolute.
//     cascade_map lists the later dispatches of the producer's group,
//     propagation_map every dispatch of every later group (same level or
//     shallower), so output reaches every later dispatch whose topic matches.
//     finalize([{"dispatch_id","changes":[…]}] in execution order)
//        -> {"final_changes":[…]}; the shadow now equals the host's state.
//   Legacy (2 + levels + 1 crossings):
//     prepare(changes); createDispatchPlan() -> level; after running a level:
//     routeProducedChanges(level, [{"dispatch_id","changes"}]) -> next level,
//     until a level has no groups; then finalize(all outputs).
//     level = {"level","groups":[[{"dispatch_id","subscriber_id","scope_path",
//     "topic_path","changes":[relativized input]}]]}; inside a level, a
//     dispatch also receives the output of the level's earlier dispatches
//     (earlier in its group or in an earlier group) whose path matches its
//     topic_path, relativized (the host forwards those; the engine forwards
//     output to later levels).
//   abort() rolls the open run back. Errors throw EngineError.
#pragma once

#include "pipeline/Pipeline.h"

namespace bi::pipeline::api {

json::Value prepare(Pipeline& pipeline, const json::Value& changes);
json::Value finalize(Pipeline& pipeline, const json::Value& outputs);
json::Value createDispatchPlan(Pipeline& pipeline);
json::Value routeProducedChanges(Pipeline& pipeline, std::size_t level, const json::Value& produced);

std::vector<DispatchOutput> outputsFromJson(const json::Value& outputs, const std::string& where);
json::Value toJson(const PrepareResult& result);

} // namespace bi::pipeline::api
