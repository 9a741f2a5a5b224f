// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario file: initial state, registrations and batches of changes
// (format "boundary-inspector/scenario@1", documented in docs/scenario-format.md).
#pragma once

#include "pipeline/Change.h"

#include <string>
#include <string_view>
#include <vector>

namespace bi::pipeline {

struct Scenario {
    std::string name;
    json::Value state;
    std::vector<ChangeList> batches;
};

// Throws EngineError naming the line/column or the offending field.
Scenario parseScenario(std::string_view text);

} // namespace bi::pipeline
