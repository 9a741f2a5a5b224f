// SPDX-License-Identifier: GPL-3.0-or-later
// The state pipeline: takes a batch of changes through the stages and keeps
// the shadow state in step with the host.
#pragma once

#include "pipeline/Change.h"
#include "state/ShadowState.h"

namespace bi::pipeline {

struct RunResult {
    ChangeList input;
    ChangeList changes; // genuine state changes, in pipeline order
};

class Pipeline {
public:
    explicit Pipeline(json::Value initialState) : shadow_(std::move(initialState)) {}

    // One run. On error the shadow is left as it was before the call.
    RunResult processChanges(const ChangeList& batch);

    [[nodiscard]] const state::ShadowState& shadow() const { return shadow_; }

private:
    state::ShadowState shadow_;
};

} // namespace bi::pipeline
