// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the per-stage tests: one run without listeners, its state
// changes as compact JSON, and the skip reasons a stage traced.
#pragma once

#include "core/Json.h"
#include "pipeline/Pipeline.h"

#include <string>

namespace stagetest {

// Runs one batch (JSON [[path, value]…]) and returns the run's state changes.
inline std::string run(bi::pipeline::Pipeline& p, const char* batch) {
    const auto& prepared = p.prepare(bi::pipeline::changesFromJson(bi::json::parse(batch), "batch"));
    std::string out = bi::json::write(bi::pipeline::toJson(prepared.changes));
    p.finalize({});
    return out;
}

// "path:reason" for every skip a stage recorded in the last run (needs tracing on).
inline std::string skips(const bi::pipeline::Pipeline& p, const std::string& stage) {
    std::string out;
    for (const auto& s : p.stageTraces()) {
        if (s.stage != stage) {
            continue;
        }
        for (const auto& k : s.skipped) {
            out += (out.empty() ? "" : " ") + k.path + ":" + k.reason;
        }
    }
    return out;
}

inline bi::pipeline::PipelineOptions traced() {
    bi::pipeline::PipelineOptions o;
    o.trace = true;
    return o;
}

} // namespace stagetest
