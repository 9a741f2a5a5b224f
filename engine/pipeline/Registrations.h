// SPDX-License-Identifier: GPL-3.0-or-later
// What a host registers with a pipeline: side effects, concerns, listeners.
#pragma once

#include "pipeline/BoolLogic.h"
#include "pipeline/ValueLogic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bi::pipeline {

struct SyncPair {
    std::string from;
    std::string to;
    bool oneWay = false; // from → to only
};

struct AggregationPair {
    std::string target;
    std::string source;
    std::optional<BoolLogic> excludeWhen;
};

struct ComputationPair {
    std::string op; // "SUM" or "AVG"
    std::string target;
    std::string source;
    std::optional<BoolLogic> excludeWhen;
};

struct ClearRule {
    std::vector<std::string> triggers;
    std::vector<std::string> targets;
    bool expandMatch = false;
};

struct SideEffects {
    std::vector<SyncPair> syncPairs;
    std::vector<std::pair<std::string, std::string>> flipPairs;
    std::vector<AggregationPair> aggregations;
    std::vector<ComputationPair> computations;
    std::vector<ClearRule> clearRules;
    std::string anchorPath; // empty: always active
};

// One concern: the value of `_concerns.<field>.<name>` computed by BoolLogic or ValueLogic.
struct ConcernSpec {
    std::string field;
    std::string name;
    std::optional<BoolLogic> boolLogic;
    std::optional<ValueLogic> valueLogic;
    std::string anchorPath;
};

struct ListenerSpec {
    std::string id;
    std::vector<std::string> topics; // "" = root
    std::string scope;
    std::string anchorPath;
};

} // namespace bi::pipeline
