// SPDX-License-Identifier: GPL-3.0-or-later
// The FullExecutionPlan as the wasm host receives it from `preparePlan`: the same plan
// as ExecutionPlan::toJson (which `bi run` prints and the serve protocol's `prepare`
// returns), in a form whose size grows with the dispatches, not with their square.
//   {"groups":[[level,[id…]]…],
//    "dispatches":[[subscriber_id, topic_path, scope_path|null, [input_change_id…]]…]  by id
//                  (null scope: the same as the topic),
//    "propagation":[[from,to, from,to…]…]  by dispatch id: the targets as ranges of ids
//                  [from, to), in the plan's order,
//    "prefixes":[[dispatch, target, remap_prefix]…]  only the non-empty remap prefixes,
//    "cascade":[[from,to…]…]}                          by dispatch id, ranges as above
// The propagation map of a plan lists every dispatch of every later group, so its ids
// form one range per dispatch: the encoding is linear where the object form is quadratic.
// wasm/host/listeners.mjs (executePlan) reads both forms.
#pragma once

#include "core/Json.h"
#include "pipeline/ExecutionPlan.h"

#include <string>

namespace bi::wasm {

json::Value compactPlanJson(const pipeline::ExecutionPlan& plan);
// Appends the text json::write(compactPlanJson(plan)) gives, written from the plan
// itself: the JSON codec's answer to preparePlan, without a json::Value per id.
void writeCompactPlanJson(const pipeline::ExecutionPlan& plan, std::string& out);

} // namespace bi::wasm
