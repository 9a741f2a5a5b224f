// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario file's listeners: each call writes its `produce` items.
#pragma once

#include "pipeline/ListenerHandler.h"
#include "pipeline/Scenario.h"

#include <unordered_map>

namespace bi::pipeline {

class ScenarioListeners : public ListenerHandler {
public:
    explicit ScenarioListeners(const std::vector<ScenarioListener>& listeners);
    ChangeList call(const ListenerCall& call) override;

private:
    std::unordered_map<std::string, const ScenarioListener*> byId_;
};

} // namespace bi::pipeline
