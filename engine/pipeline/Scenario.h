// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario file: initial state, registrations and batches of changes
// (format "boundary-inspector/scenario@1", documented in docs/scenario-format.md).
#pragma once

#include "pipeline/Change.h"
#include "pipeline/Registrations.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bi::pipeline {

// The largest listener-write limit a scenario's options or a wasm session may set.
inline constexpr double kMaxListenerWritesLimit = 1e9;

// One `produce` item of a scenario listener.
struct ProduceRule {
    std::string path;                      // absolute
    std::optional<state::Value> value;     // literal
    std::optional<std::string> fromChange; // relativized input path to copy
    std::optional<BoolLogic> when;
};

struct ScenarioListener {
    ListenerSpec spec;
    std::vector<ProduceRule> produce;
};

struct Scenario {
    std::string name;
    json::Value state;
    std::vector<SideEffects> sideEffects;
    std::vector<ConcernSpec> concerns;
    std::vector<ScenarioListener> listeners;
    std::vector<ChangeList> batches;
    std::size_t maxListenerWrites = 0; // "options": {"maxListenerWrites": n}; 0 = not set
    bool flipInvertsBooleans = false;  // "options": {"flipInvertsBooleans": true}: v3 flip
};

// Throws EngineError naming the line/column or the offending field.
Scenario parseScenario(std::string_view text);

} // namespace bi::pipeline
