// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ScenarioListeners.h"

#include "core/EngineError.h"

namespace bi::pipeline {

ScenarioListeners::ScenarioListeners(const std::vector<ScenarioListener>& listeners) {
    for (const auto& l : listeners) {
        byId_[l.spec.id] = &l;
    }
}

ChangeList ScenarioListeners::call(const ListenerCall& call) {
    auto it = byId_.find(call.dispatch.listener);
    if (it == byId_.end()) {
        throw EngineError("no handler for listener '" + call.dispatch.listener + "'");
    }
    ChangeList out;
    for (const auto& rule : it->second->produce) {
        if (rule.when && !rule.when->evaluate(call.state)) {
            continue;
        }
        if (rule.value) {
            out.push_back({rule.path, *rule.value});
            continue;
        }
        const state::Value* match = nullptr; // the last input change with that relative path
        for (const auto& c : call.input) {
            if (c.path == *rule.fromChange) {
                match = c.value;
            }
        }
        if (match != nullptr) {
            out.push_back({rule.path, *match});
        }
    }
    return out;
}

} // namespace bi::pipeline
