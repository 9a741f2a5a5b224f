// SPDX-License-Identifier: GPL-3.0-or-later
// The host side of a listener call. The engine never calls handlers itself
// across the boundary: a host (the C++ RunDriver here, or JS through wasm)
// executes the plan and hands each dispatch its input.
#pragma once

#include "pipeline/ExecutionPlan.h"
#include "state/ShadowState.h"

namespace bi::pipeline {

struct ListenerCall {
    const Dispatch& dispatch;
    const ChangeList& input;           // paths relative to dispatch.topic (see relativize)
    const state::ShadowState& state;   // the state after the declarative stages
};

class ListenerHandler {
public:
    virtual ~ListenerHandler() = default;
    // Returns the writes of this call, with absolute paths.
    virtual ChangeList call(const ListenerCall& call) = 0;
};

} // namespace bi::pipeline
