// SPDX-License-Identifier: GPL-3.0-or-later
// The host side of a listener call. The engine never calls handlers itself
// across the boundary: a host (the C++ RunDriver here, or JS through wasm)
// executes the plan and hands each dispatch its input.
#pragma once

#include "pipeline/ExecutionPlan.h"
#include "state/ShadowState.h"

#include <string_view>
#include <vector>

namespace bi::pipeline {

// One change as a listener sees it: the path relative to the dispatch's topic
// (see relativize) and the value. Both are views into the run's changes and
// earlier listener output, valid during the call: a dispatch's input is often
// most of the run (a listener high in the tree), so it is never copied.
struct InputChange {
    std::string_view path;
    const state::Value* value;
};
using ListenerInput = std::vector<InputChange>;

// A view of changes already relativized (the legacy flow, the cursor).
inline void viewOf(const ChangeList& changes, ListenerInput& out) {
    out.clear();
    out.reserve(changes.size());
    for (const auto& c : changes) {
        out.push_back({c.path, &c.value});
    }
}

struct ListenerCall {
    const Dispatch& dispatch;
    const ListenerInput& input;
    const state::ShadowState& state;   // the state after the declarative stages
};

class ListenerHandler {
public:
    virtual ~ListenerHandler() = default;
    // Returns the writes of this call, with absolute paths.
    virtual ChangeList call(const ListenerCall& call) = 0;
    // The same into `out`, which holds this dispatch slot's output of an
    // earlier run: a handler writing over it in place (see putAt) reuses its
    // strings' buffers. The default replaces it with call()'s list.
    virtual void callInto(const ListenerCall& c, ChangeList& out) { out = call(c); }
};

} // namespace bi::pipeline
