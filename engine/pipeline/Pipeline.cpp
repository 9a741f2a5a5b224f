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
// (sameBytes: inline, last word first; grouping compares every pair of a level's scopes.)
bool scopesConflict(const std::string& a, const std::string& b) {
    if (state::paths::sameBytes(a, b)) {
        return false;
    }
    return a.empty() || b.empty() || state::paths::isBelow(a, b) || state::paths::isBelow(b, a);
}

// Copies the first `count` changes of src into out from position n on,
// assigning over the changes already there: a list reused run after run
// keeps its strings' buffers.
void assignAt(ChangeList& out, std::size_t& n, const ChangeList& src, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        putAt(out, n++, src[i]);
    }
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

// result.changes is kept: filterNoOps, the run's first stage, assigns over
// it; the concern and listener lists are written over the same way (counts).
void Pipeline::RunState::clear() {
    concernCount = 0;
    finalized.groups.clear();
    listenerStateCount = 0;
    listenerConcernCount = 0;
    stages.clear();
    for (auto i : preRunTaken) {
        preRun[i] = PreRunSlot{};
    }
    preRunTaken.clear();
    preRunComplete = false;
    anchorsAtStart.clear();
    forwarded.clear();
    nextGroup = 0;
    pathIdCount = 0;
}

// The path ids of the run's changes so far. result.changes only grows once
// apply has run (every later stage appends), so the ids of the changes added
// since the last call are interned now, each trying the id its position had
// last run first: a session's runs list the same paths in the same order, so
// that costs a key compare per change instead of a hash.
const std::vector<std::uint32_t>& Pipeline::runPathIds() {
    const ChangeList& all = run_.result.changes;
    auto& ids = run_.pathIds;
    if (ids.size() < all.size()) {
        ids.resize(all.size(), PathIdTable::kNone);
    }
    for (std::size_t i = run_.pathIdCount; i < all.size(); ++i) {
        ids[i] = pathIds_.intern(all[i].path, ids[i]);
    }
    run_.pathIdCount = all.size();
    return ids;
}

void Pipeline::clearPathIdMemos() {
    aggregationTriggerMemo_.clear();
    computationTriggerMemo_.clear();
    logicDepMemo_.clear();
    topicMemo_.clear();
    directedMemo_.clear();
}

const PrepareResult& Pipeline::prepare(const ChangeList& batch) {
    if (runOpen_) {
        throw EngineError("processChanges: the previous run is still open (finalize or abort it)");
    }
    run_.clear();
    if (pathIds_.size() > kMaxPathIds) { // bounds a long session's memory; no id of this run is out yet
        pathIds_.clear();
        clearPathIdMemos();
    }
    run_.preRun.resize(flip_.nodeCount());
    shadow_.begin();
    runOpen_ = true;
    try {
        // Flip's "before" image is taken per write (capturePreRun), or of every
        // node now when there are no more nodes than the batch has changes:
        // one read per node instead of a related-node lookup per write. Nothing
        // is written yet, so the image is the same either way.
        if (!flip_.empty() && flip_.nodeCount() <= batch.size()) {
            for (std::uint32_t i = 0; i < flip_.nodeCount(); ++i) {
                takePreRun(i);
            }
            run_.preRunComplete = true;
        }
        for (const auto& l : logics_) {
            if (!l.anchor.empty()) {
                run_.anchorsAtStart[l.anchor] = anchorPresent(l.anchor);
            }
        }
        // One list grows stage by stage; each stage reads what is in it so far.
        ChangeList& all = run_.result.changes;
        filterNoOps(batch, all);
        aggregationWrite(all);
        dropComputedTargets(all);
        applyGenuine(all);
        appendMoved(all, clearPaths(all));
        appendMoved(all, syncStage(all));
        appendMoved(all, flipStage(all));
        const std::size_t readTriggers = all.size(); // computation sees the same list as aggregation read
        appendMoved(all, aggregationRead(all));
        appendMoved(all, computationStage(all, readTriggers));
        logicStage(all, false);
        logicStage(all, true);
        run_.result.concernChanges.resize(run_.concernCount);
        buildPlan(all, run_.result.plan);
        if (!run_.result.plan.empty()) {
            run_.forwarded.resize(run_.result.plan.dispatches.size());
        }
    } catch (...) {
        abort();
        throw;
    }
    return run_.result;
}

// The plan's vectors are resized, not rebuilt, so a run reuses the last run's buffers.
void Pipeline::buildPlan(const ChangeList& changes, ExecutionPlan& plan) {
    if (listeners_.empty() || changes.empty()) {
        plan.dispatches.clear();
        plan.groups.clear();
        plan.propagation.clear();
        plan.cascade.clear();
        return;
    }
    auto& inputs = planInputs_; // reused between runs: one id list per listener
    inputs.resize(listeners_.size());
    for (auto& list : inputs) {
        list.clear();
    }
    const std::vector<std::uint32_t>& pathIds = runPathIds(); // changes is the run's list
    for (std::uint32_t i = 0; i < changes.size(); ++i) {
        for (auto l : listenersReached(pathIds[i], changes[i].path)) {
            if (inputs[l].empty() || inputs[l].back() != i) {
                inputs[l].push_back(i);
            }
        }
    }
    // Group listeners first, then lay the dispatches out group by group so ids
    // follow execution order without a renumbering copy.
    const auto& members = planMembers_; // listeners of each group
    const std::size_t groups = groupListeners(inputs);
    plan.groups.resize(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        plan.groups[g].level = planGroupLevels_[g];
    }
    std::uint32_t count = 0;
    for (std::size_t g = 0; g < groups; ++g) {
        plan.groups[g].dispatches.clear();
        for (auto l : members[g]) {
            const ListenerSpec& spec = listeners_[l];
            auto& list = inputs[l];
            if (spec.topics.size() > 1) { // multi-topic listeners may have collected ids out of order
                std::sort(list.begin(), list.end());
                list.erase(std::unique(list.begin(), list.end()), list.end());
            }
            if (plan.dispatches.size() == count) {
                plan.dispatches.emplace_back();
            }
            Dispatch& d = plan.dispatches[count];
            d.id = count++;
            assignIfDifferent(d.listener, spec.id); // the slot mostly holds this listener from last run
            assignIfDifferent(d.scope, spec.scope);
            assignIfDifferent(d.topic, spec.topics.size() == 1 ? spec.topics[0] : spec.scope);
            d.inputChangeIds = list;
            d.level = plan.groups[g].level;
            plan.groups[g].dispatches.push_back(d.id);
        }
    }
    plan.dispatches.resize(count);
    plan.propagation.resize(count);
    plan.cascade.resize(count);
    for (const auto& g : plan.groups) {
        for (std::size_t i = 0; i < g.dispatches.size(); ++i) { // the group's later dispatches, in one copy
            plan.cascade[g.dispatches[i]].assign(g.dispatches.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                 g.dispatches.end());
        }
    }
    // Output is absolute, so it may concern any later receiver: every dispatch
    // of every later group (same level or shallower) gets it; the receiver keeps
    // what matches its topic. Ids follow execution order, so that is the id range
    // after the producer's group.
    std::uint32_t groupEnd = 0;
    for (const auto& g : plan.groups) {
        groupEnd += static_cast<std::uint32_t>(g.dispatches.size());
        for (auto from : g.dispatches) {
            // Overwritten in place (no string constructed per target): the
            // vectors usually have last run's size already.
            auto& targets = plan.propagation[from];
            targets.resize(count - groupEnd);
            for (std::uint32_t to = groupEnd; to < count; ++to) {
                targets[to - groupEnd].dispatch = to;
                targets[to - groupEnd].remapPrefix.clear();
            }
        }
    }
}

// The listeners whose topics lie at, above or below path, in topic order
// (nearest ancestor first, then the topics below); remembered per path until
// a listener registers, since a session's runs write the same paths.
const PathListMemo::Ids& Pipeline::listenersReached(std::uint32_t pathId, std::string_view path) {
    return idsReached(topics_, topicMemo_, pathId, path);
}

// Greedy first fit per level into planMembers_ and planGroupLevels_; returns
// the group count. The grouping depends only on which listeners have input
// (their scopes, levels and order are fixed at registration), and runs of a
// session mostly reach the same listeners: the last grouping is then reused,
// saving the comparison of every pair of a level's scopes.
std::size_t Pipeline::groupListeners(const std::vector<std::vector<std::uint32_t>>& inputs) {
    auto& active = planActiveScratch_;
    active.clear();
    for (auto l : listenerOrder_) {
        if (!inputs[l].empty()) {
            active.push_back(l);
        }
    }
    if (planGroupingValid_ && active == planActive_) {
        return planGroupLevels_.size();
    }
    auto& members = planMembers_;
    planGroupLevels_.clear();
    std::size_t groups = 0;
    std::size_t levelStart = 0; // first group of the current level
    std::size_t level = 0;
    for (auto l : active) {
        if (groups == 0 || listenerLevel_[l] != level) {
            levelStart = groups;
            level = listenerLevel_[l];
        }
        std::size_t g = levelStart;
        for (; g < groups; ++g) {
            bool conflict = false;
            for (auto other : members[g]) {
                conflict = conflict || scopesConflict(listeners_[other].scope, listeners_[l].scope);
            }
            if (!conflict) {
                break;
            }
        }
        if (g == groups) {
            if (members.size() == groups) {
                members.emplace_back();
            }
            members[groups].clear();
            ++groups;
            planGroupLevels_.push_back(level);
        }
        members[g].push_back(l);
    }
    planActive_.swap(active);
    planGroupingValid_ = true;
    return groups;
}

ChangeList Pipeline::applyDispatchOutput(const DispatchOutput& output) {
    requireRun("finalize");
    ChangeList diff;
    applyOutput(output, &diff);
    return diff;
}

void Pipeline::applyOutput(const DispatchOutput& output, ChangeList* diff) {
    if (output.dispatch >= run_.result.plan.dispatches.size()) {
        throw EngineError("finalize: unknown dispatch id " + std::to_string(output.dispatch));
    }
    const Dispatch& d = run_.result.plan.dispatches[output.dispatch];
    if (output.changes.size() > options_.maxListenerWrites) {
        throw EngineError("listener '" + d.listener + "' (dispatch " + std::to_string(d.id) + ") wrote " +
                          std::to_string(output.changes.size()) + " changes, more than the limit of " +
                          std::to_string(options_.maxListenerWrites));
    }
    if (outputHints_.size() <= output.dispatch) {
        outputHints_.resize(output.dispatch + 1);
    }
    PathHints& hints = outputHints_[output.dispatch];
    for (std::size_t i = 0; i < output.changes.size(); ++i) {
        const Change& c = output.changes[i];
        try {
            if (!shadow_.setIfDifferent(c.path, c.value, hints.at(i))) {
                continue;
            }
        } catch (const EngineError& e) {
            throw EngineError("listener '" + d.listener + "': " + e.what());
        }
        if (diff != nullptr) {
            diff->push_back(c);
        }
        if (isConcernPath(c.path)) {
            putAt(run_.listenerConcerns, run_.listenerConcernCount++, c);
        } else {
            putAt(run_.listenerState, run_.listenerStateCount++, c);
        }
    }
}

const FinalizeResult& Pipeline::finalize(const std::vector<DispatchOutput>& outputs) {
    requireRun("finalize");
    FinalizeResult& result = run_.finalized;
    try {
        if (!options_.trace) {
            for (const auto& o : outputs) {
                applyOutput(o, nullptr);
            }
        } else {
            traceOutputs(outputs, result.groups);
        }
    } catch (...) {
        abort();
        throw;
    }
    // Written over last run's list (finalize always rewrites all of it).
    ChangeList& out = result.finalChanges;
    std::size_t n = 0;
    assignAt(out, n, run_.result.changes, run_.result.changes.size());
    assignAt(out, n, run_.listenerState, run_.listenerStateCount);
    assignAt(out, n, run_.result.concernChanges, run_.result.concernChanges.size());
    assignAt(out, n, run_.listenerConcerns, run_.listenerConcernCount);
    out.resize(n);
    shadow_.commit();
    runOpen_ = false;
    return result;
}

// Applies outputs recording, per group, the diff and the state after it.
void Pipeline::traceOutputs(const std::vector<DispatchOutput>& outputs, std::vector<GroupTrace>& groups) {
    const ExecutionPlan& plan = run_.result.plan;
    std::vector<std::size_t> groupOf(plan.dispatches.size(), 0);
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        for (auto id : plan.groups[g].dispatches) {
            groupOf[id] = g;
        }
    }
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        ChangeList diff;
        applyOutput(outputs[i], &diff);
        std::size_t g = groupOf[outputs[i].dispatch];
        if (groups.empty() || groups.back().group != g) {
            groups.push_back(GroupTrace{g, {}, {}, {}});
        }
        groups.back().dispatches.push_back(outputs[i].dispatch);
        groups.back().diff.insert(groups.back().diff.end(), diff.begin(), diff.end());
        const bool lastOfGroup = i + 1 == outputs.size() || groupOf[outputs[i + 1].dispatch] != g;
        if (lastOfGroup) {
            groups.back().stateAfter = shadow_.root().toJson();
        }
    }
}

void Pipeline::exchangeResults(PrepareResult& prepared, FinalizeResult& finalized) {
    if (runOpen_) {
        throw EngineError("exchangeResults: the run is still open (finalize it first)");
    }
    prepared.changes.swap(run_.result.changes);
    prepared.concernChanges.swap(run_.result.concernChanges);
    std::swap(prepared.plan, run_.result.plan);
    finalized.finalChanges.swap(run_.finalized.finalChanges);
    finalized.groups.swap(run_.finalized.groups);
}

void Pipeline::abort() {
    if (runOpen_) {
        shadow_.rollback();
        runOpen_ = false;
    }
}

LegacyLevel Pipeline::materializeNextLevel() {
    LegacyLevel level;
    const auto& groups = run_.result.plan.groups;
    if (run_.nextGroup >= groups.size()) {
        return level;
    }
    level.level = groups[run_.nextGroup].level;
    while (run_.nextGroup < groups.size() && groups[run_.nextGroup].level == level.level) {
        std::vector<LegacyLevel::Entry> entries;
        for (auto id : groups[run_.nextGroup].dispatches) {
            const Dispatch& d = run_.result.plan.dispatches[id];
            LegacyLevel::Entry e{d, {}};
            for (auto change : d.inputChangeIds) {
                e.input.push_back({relativize(run_.result.changes[change].path, d.topic), run_.result.changes[change].value});
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
        if (out.dispatch >= run_.result.plan.dispatches.size() || run_.result.plan.dispatches[out.dispatch].level != level) {
            throw EngineError("routeProducedChanges: dispatch " + std::to_string(out.dispatch) +
                              " is not at level " + std::to_string(level));
        }
        for (const auto& target : run_.result.plan.propagation[out.dispatch]) {
            if (run_.result.plan.dispatches[target.dispatch].level == level) {
                continue; // same level: the host forwarded it already (see PipelineApi.h)
            }
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
