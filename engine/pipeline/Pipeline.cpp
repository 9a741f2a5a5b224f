// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Pipeline.h"

namespace bi::pipeline {

RunResult Pipeline::processChanges(const ChangeList& batch) {
    RunResult result;
    result.input = batch;
    state::ShadowState working = shadow_; // a failed run must not leave half a batch behind
    for (const auto& change : batch) {
        const json::Value* current = working.get(change.path);
        if (current != nullptr && *current == change.value) {
            continue; // no-op filter
        }
        working.set(change.path, change.value);
        result.changes.push_back(change);
    }
    shadow_ = std::move(working);
    return result;
}

} // namespace bi::pipeline
