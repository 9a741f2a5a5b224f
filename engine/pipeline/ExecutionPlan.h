// SPDX-License-Identifier: GPL-3.0-or-later
// The FullExecutionPlan: every listener call of a run, in order, computed in
// one engine call. See PipelineApi.h for how a host executes it.
#pragma once

#include "core/Json.h"
#include "pipeline/Change.h"
#include "state/Paths.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bi::pipeline {

struct Dispatch {
    std::uint32_t id = 0;
    std::string listener;
    std::string scope;
    std::string topic; // the single topic, or the scope of a multi-topic listener
    std::vector<std::uint32_t> inputChangeIds; // indices into the run's state changes
    std::size_t level = 0;                     // effective depth
};

// to = from for a slot reused run after run (a plan's, a record's), which
// mostly holds the same listener already: its strings are compared, not assigned.
inline void assignDispatch(Dispatch& to, const Dispatch& from) {
    to.id = from.id;
    assignIfDifferent(to.listener, from.listener);
    assignIfDifferent(to.scope, from.scope);
    assignIfDifferent(to.topic, from.topic);
    to.inputChangeIds = from.inputChangeIds;
    to.level = from.level;
}

struct PropagationTarget {
    std::uint32_t dispatch = 0;
    std::string remapPrefix; // always "" here: listener output paths are absolute
};

struct DispatchGroup {
    std::vector<std::uint32_t> dispatches;
    std::size_t level = 0;
};

struct ExecutionPlan {
    std::vector<Dispatch> dispatches; // by id
    std::vector<DispatchGroup> groups;
    std::vector<std::vector<PropagationTarget>> propagation; // by dispatch id
    std::vector<std::vector<std::uint32_t>> cascade;          // by dispatch id

    [[nodiscard]] bool empty() const { return dispatches.empty(); }
    [[nodiscard]] json::Value toJson() const;
    static ExecutionPlan fromJson(const json::Value& v);
};

// A listener's output (absolute paths), as sent back by the host.
struct DispatchOutput {
    std::uint32_t dispatch = 0;
    ChangeList changes;
};

// Relative path of a change as a receiver with this topic sees it: root topic
// → full path; equal → full path; below → suffix; anything else → full path.
std::string relativize(const std::string& path, const std::string& topic);
// Whether a forwarded change reaches a receiver: equal, below or above its topic.
inline bool topicMatches(const std::string& path, const std::string& topic) {
    return topic.empty() || state::paths::related(path, topic);
}

} // namespace bi::pipeline
