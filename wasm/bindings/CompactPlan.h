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

#include <cstddef>
#include <cstdint>
#include <string>

namespace bi::wasm {

// Calls emit(from, to) for each run [from, to) of consecutive ids among idAt(0..count), in
// order: how every encoding of the plan (JSON value, JSON text, binary) writes id lists.
template <typename IdAt, typename Emit> void forEachIdRange(std::size_t count, IdAt idAt, Emit emit) {
    std::size_t i = 0;
    while (i < count) {
        const std::uint32_t from = idAt(i);
        std::uint32_t to = from + 1;
        for (++i; i < count && idAt(i) == to; ++i) {
            ++to;
        }
        emit(from, to);
    }
}

json::Value compactPlanJson(const pipeline::ExecutionPlan& plan);
// Appends the text json::write(compactPlanJson(plan)) gives, written from the plan
// itself: the JSON codec's answer to preparePlan, without a json::Value per id.
void writeCompactPlanJson(const pipeline::ExecutionPlan& plan, std::string& out);

} // namespace bi::wasm
