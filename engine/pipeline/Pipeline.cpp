// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline: one run (prepare → listeners → finalize), the plan, the legacy flow.
#include "pipeline/Pipeline.h"

#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"
#include "state/Paths.h"

#include <algorithm>

namespace bi::pipeline {

namespace {

const std::string kConcernPrefix = "_concerns.";

bool isConcernPath(const std::string& path) { return path.compare(0, kConcernPrefix.size(), kConcernPrefix) == 0; }

// Root scope conflicts with every non-root scope; equal scopes do not conflict.
bool scopesConflict(const std::string& a, const std::string& b) {
    if (a == b) {
        return false;
    }
    return a.empty() || b.empty() || state::paths::isBelow(a, b) || state::paths::isBelow(b, a);
}

} // namespace

Pipeline::Pipeline(const json::Value& initialState, PipelineOptions options)
    : shadow_(initialState), options_(options) {}

void Pipeline::requireRun(const char* call) const {
    if (call == nullptr && runOpen_) {
        throw EngineError("registration during an open run: finalize or abort it first");
    }
    if (call != nullptr && !runOpen_) {
        throw EngineError(std::string(call) + ": no run is open (call processChanges first)");
    }
}

PrepareResult Pipeline::prepare(const ChangeList& batch) {
    if (runOpen_) {
        throw EngineError("processChanges: the previous run is still open (finalize or abort it)");
    }
    run_ = RunState{};
    shadow_.begin();
    runOpen_ = true;
    try {
        for (const auto& l : logics_) {
            if (!l.anchor.empty()) {
                run_.anchorsAtStart[l.anchor] = anchorPresent(l.anchor);
            }
        }
        ChangeList genuine = applyGenuine(dropComputedTargets(aggregationWrite(filterNoOps(batch))));
        ChangeList cleared = clearPaths(genuine);
        ChangeList syncInput = genuine;
        syncInput.insert(syncInput.end(), cleared.begin(), cleared.end());
        ChangeList synced = syncStage(syncInput);
        ChangeList flipInput = syncInput;
        flipInput.insert(flipInput.end(), synced.begin(), synced.end());
        ChangeList flipped = flipStage(flipInput);
        ChangeList& all = run_.changes;
        all = std::move(flipInput);
        all.insert(all.end(), flipped.begin(), flipped.end());
        ChangeList readTriggers = all; // computation sees the same list as aggregation read
        ChangeList aggregated = aggregationRead(readTriggers);
        ChangeList computed = computationStage(readTriggers);
        all.insert(all.end(), aggregated.begin(), aggregated.end());
        all.insert(all.end(), computed.begin(), computed.end());
        logicStage(all, false);
        logicStage(all, true);
        run_.plan = buildPlan(all);
        run_.forwarded.assign(run_.plan.dispatches.size(), {});
    } catch (...) {
        abort();
        throw;
    }
    return PrepareResult{run_.changes, run_.concernChanges, run_.plan};
}

ExecutionPlan Pipeline::buildPlan(const ChangeList& changes) const {
    ExecutionPlan plan;
    if (listeners_.empty() || changes.empty()) {
        return plan;
    }
    std::vector<std::vector<std::uint32_t>> inputs(listeners_.size());
    for (std::uint32_t i = 0; i < changes.size(); ++i) {
        auto add = [&](const std::vector<std::size_t>& ls) {
            for (auto l : ls) {
                if (inputs[l].empty() || inputs[l].back() != i) {
                    inputs[l].push_back(i);
                }
            }
        };
        topics_.forEachAtOrAbove(changes[i].path, [&](std::string_view, const std::vector<std::size_t>& ls) { add(ls); });
        topics_.forEachBelow(changes[i].path, [&](const std::string&, const std::vector<std::size_t>& ls) { add(ls); });
    }
    for (auto& list : inputs) { // multi-topic listeners may have collected ids out of order
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    std::vector<std::size_t> levelStart; // index into plan.groups where each level begins
    for (auto l : listenerOrder_) {
        if (inputs[l].empty()) {
            continue;
        }
        const ListenerSpec& spec = listeners_[l];
        std::size_t level = state::paths::depth(spec.anchorPath);
        for (const auto& t : spec.topics) {
            level = std::max(level, state::paths::depth(t));
        }
        Dispatch d;
        d.listener = spec.id;
        d.scope = spec.scope;
        d.topic = spec.topics.size() == 1 ? spec.topics[0] : spec.scope;
        d.inputChangeIds = std::move(inputs[l]);
        d.level = level;
        if (plan.groups.empty() || plan.groups.back().level != level) {
            levelStart.push_back(plan.groups.size());
        }
        // Greedy first fit among this level's groups.
        std::size_t g = levelStart.back();
        for (; g < plan.groups.size(); ++g) {
            bool conflict = false;
            for (auto other : plan.groups[g].dispatches) {
                conflict = conflict || scopesConflict(plan.dispatches[other].scope, d.scope);
            }
            if (!conflict) {
                break;
            }
        }
        if (g == plan.groups.size()) {
            plan.groups.push_back(DispatchGroup{{}, level});
        }
        d.id = static_cast<std::uint32_t>(plan.dispatches.size());
        plan.groups[g].dispatches.push_back(d.id);
        plan.dispatches.push_back(std::move(d));
    }
    // Ids follow execution order: renumber group by group.
    std::vector<std::uint32_t> newId(plan.dispatches.size());
    std::vector<Dispatch> ordered;
    for (auto& g : plan.groups) {
        for (auto& id : g.dispatches) {
            newId[id] = static_cast<std::uint32_t>(ordered.size());
            ordered.push_back(plan.dispatches[id]);
            ordered.back().id = newId[id];
            id = newId[id];
        }
    }
    plan.dispatches = std::move(ordered);
    plan.propagation.assign(plan.dispatches.size(), {});
    plan.cascade.assign(plan.dispatches.size(), {});
    for (const auto& g : plan.groups) {
        for (std::size_t i = 0; i < g.dispatches.size(); ++i) {
            for (std::size_t j = i + 1; j < g.dispatches.size(); ++j) {
                plan.cascade[g.dispatches[i]].push_back(g.dispatches[j]);
            }
        }
    }
    for (const auto& from : plan.dispatches) {
        for (const auto& to : plan.dispatches) {
            if (to.level < from.level) {
                plan.propagation[from.id].push_back({to.id, ""});
            }
        }
    }
    return plan;
}

ChangeList Pipeline::applyDispatchOutput(const DispatchOutput& output) {
    requireRun("finalize");
    if (output.dispatch >= run_.plan.dispatches.size()) {
        throw EngineError("finalize: unknown dispatch id " + std::to_string(output.dispatch));
    }
    const Dispatch& d = run_.plan.dispatches[output.dispatch];
    if (output.changes.size() > options_.maxListenerWrites) {
        throw EngineError("listener '" + d.listener + "' (dispatch " + std::to_string(d.id) + ") wrote " +
                          std::to_string(output.changes.size()) + " changes, more than the limit of " +
                          std::to_string(options_.maxListenerWrites));
    }
    ChangeList diff;
    for (const auto& c : output.changes) {
        const state::Value* current = shadow_.get(c.path);
        if (current != nullptr && *current == c.value) {
            continue;
        }
        try {
            shadow_.set(c.path, c.value);
        } catch (const EngineError& e) {
            throw EngineError("listener '" + d.listener + "': " + e.what());
        }
        diff.push_back(c);
        (isConcernPath(c.path) ? run_.listenerConcerns : run_.listenerState).push_back(c);
    }
    return diff;
}

FinalizeResult Pipeline::finalize(const std::vector<DispatchOutput>& outputs) {
    requireRun("finalize");
    FinalizeResult result;
    try {
        std::vector<std::size_t> groupOf(run_.plan.dispatches.size(), 0);
        for (std::size_t g = 0; g < run_.plan.groups.size(); ++g) {
            for (auto id : run_.plan.groups[g].dispatches) {
                groupOf[id] = g;
            }
        }
        for (std::size_t i = 0; i < outputs.size(); ++i) {
            ChangeList diff = applyDispatchOutput(outputs[i]);
            if (!options_.trace) {
                continue;
            }
            std::size_t g = groupOf[outputs[i].dispatch];
            if (result.groups.empty() || result.groups.back().group != g) {
                result.groups.push_back(GroupTrace{g, {}, {}, {}});
            }
            result.groups.back().dispatches.push_back(outputs[i].dispatch);
            result.groups.back().diff.insert(result.groups.back().diff.end(), diff.begin(), diff.end());
            const bool lastOfGroup = i + 1 == outputs.size() || groupOf[outputs[i + 1].dispatch] != g;
            if (lastOfGroup) {
                result.groups.back().stateAfter = shadow_.root().toJson();
            }
        }
    } catch (...) {
        abort();
        throw;
    }
    ChangeList& out = result.finalChanges;
    out = run_.changes;
    out.insert(out.end(), run_.listenerState.begin(), run_.listenerState.end());
    out.insert(out.end(), run_.concernChanges.begin(), run_.concernChanges.end());
    out.insert(out.end(), run_.listenerConcerns.begin(), run_.listenerConcerns.end());
    shadow_.commit();
    runOpen_ = false;
    return result;
}

void Pipeline::abort() {
    if (runOpen_) {
        shadow_.rollback();
        runOpen_ = false;
    }
}

LegacyLevel Pipeline::materializeNextLevel() {
    LegacyLevel level;
    const auto& groups = run_.plan.groups;
    if (run_.nextGroup >= groups.size()) {
        return level;
    }
    level.level = groups[run_.nextGroup].level;
    while (run_.nextGroup < groups.size() && groups[run_.nextGroup].level == level.level) {
        std::vector<LegacyLevel::Entry> entries;
        for (auto id : groups[run_.nextGroup].dispatches) {
            const Dispatch& d = run_.plan.dispatches[id];
            LegacyLevel::Entry e{d, {}};
            for (auto change : d.inputChangeIds) {
                e.input.push_back({relativize(run_.changes[change].path, d.topic), run_.changes[change].value});
            }
            for (const auto& c : run_.forwarded[id]) {
                if (topicMatches(c.path, d.topic)) {
                    e.input.push_back({relativize(c.path, d.topic), c.value});
                }
            }
            entries.push_back(std::move(e));
        }
        level.groups.push_back(std::move(entries));
        ++run_.nextGroup;
    }
    return level;
}

LegacyLevel Pipeline::createDispatchPlan() {
    requireRun("createDispatchPlan");
    run_.nextGroup = 0;
    return materializeNextLevel();
}

LegacyLevel Pipeline::routeProducedChanges(std::size_t level, const std::vector<DispatchOutput>& produced) {
    requireRun("routeProducedChanges");
    for (const auto& out : produced) {
        if (out.dispatch >= run_.plan.dispatches.size() || run_.plan.dispatches[out.dispatch].level != level) {
            throw EngineError("routeProducedChanges: dispatch " + std::to_string(out.dispatch) +
                              " is not at level " + std::to_string(level));
        }
        for (const auto& target : run_.plan.propagation[out.dispatch]) {
            auto& pending = run_.forwarded[target.dispatch];
            pending.insert(pending.end(), out.changes.begin(), out.changes.end());
        }
    }
    return materializeNextLevel();
}

json::Value LegacyLevel::toJson() const {
    json::Array groupList;
    for (const auto& g : groups) {
        json::Array entries;
        for (const auto& e : g) {
            json::Object o;
            addMember(o, "dispatch_id", json::Value(static_cast<double>(e.dispatch.id)));
            addMember(o, "subscriber_id", json::Value(e.dispatch.listener));
            addMember(o, "scope_path", json::Value(e.dispatch.scope));
            addMember(o, "topic_path", json::Value(e.dispatch.topic));
            addMember(o, "changes", pipeline::toJson(e.input));
            entries.emplace_back(std::move(o));
        }
        groupList.emplace_back(std::move(entries));
    }
    json::Object out;
    addMember(out, "level", json::Value(static_cast<double>(level)));
    addMember(out, "groups", json::Value(std::move(groupList)));
    return json::Value(std::move(out));
}

} // namespace bi::pipeline
