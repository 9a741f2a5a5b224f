// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline: the declarative stages of one run, in order (see docs/scenario-format.md).
#include "core/EngineError.h"
#include "pipeline/Pipeline.h"
#include "state/Paths.h"
#include "trace/TimingRecord.h"

#include <algorithm>
#include <set>

namespace bi::pipeline {

namespace {

bool sameValue(const state::Value* current, const state::Value& v) { return current != nullptr && *current == v; }

} // namespace

StageTrace* Pipeline::beginStage(const char* name) {
    if (!options_.trace) {
        return nullptr;
    }
    run_.stages.push_back(StageTrace{name, {}, {}, {}, trace::nowMicros()});
    return &run_.stages.back();
}

void Pipeline::endStage(StageTrace* t, double) {
    if (t != nullptr) {
        t->durationUs = trace::nowMicros() - t->durationUs;
    }
}

void Pipeline::capturePreRun(std::string_view path) {
    if (run_.preRunComplete) { // every node's image was taken at the start
        return;
    }
    for (const std::uint32_t index : flip_.relatedNodes(path)) {
        takePreRun(index);
    }
}

void Pipeline::takePreRun(std::uint32_t index) {
    RunState::PreRunSlot& slot = run_.preRun[index];
    if (!slot.taken) {
        const state::Value* v = shadow_.get(flip_.nodes().keyAt(index), preRunHints_.at(index));
        slot.taken = true;
        slot.value = v != nullptr ? std::optional<state::Value>(*v) : std::nullopt;
        run_.preRunTaken.push_back(index);
    }
}

// Callers write only values that differ from the current one, so
// setIfDifferent writes exactly what set() would; it resumes a remembered
// walk (the caller has just read the path or its parent) and keeps the
// remembered walks, where set() walks from the root and forgets them.
void Pipeline::write(const std::string& path, const state::Value& value, std::uint32_t* hint) {
    if (runOpen_ && !flip_.empty()) {
        capturePreRun(path);
    }
    if (hint != nullptr) {
        shadow_.setIfDifferent(path, value, *hint);
    } else {
        shadow_.setIfDifferent(path, value);
    }
}

// path by value: most callers build it (a join) and it moves into the change.
bool Pipeline::emitGuarded(std::string path, const state::Value& value, ChangeList& out, StageTrace* t) {
    // One walk to the parent serves both the removed-parent guard and the current value.
    const std::string_view parentPath = state::paths::parent(path);
    const std::size_t position = out.size();
    const state::Value* parent = emitHints_ != nullptr ? shadow_.get(parentPath, emitHints_->at(2 * position))
                                                       : shadow_.get(parentPath);
    const state::Value* current =
        parent != nullptr ? parent->child(state::paths::suffixBelow(path, parentPath)) : nullptr;
    const char* reason = nullptr;
    if (!shadow_.parentExists(path, parent)) {
        reason = "guard_failed: parent was removed";
    } else if (current == nullptr && value.isNull()) {
        reason = "guard_failed: absent target and null value";
    } else if (sameValue(current, value)) {
        reason = "redundant";
    }
    if (reason != nullptr) {
        if (t != nullptr) {
            t->skipped.push_back({std::move(path), reason});
        }
        return false;
    }
    // Record first: `value` may live in the shadow (initial sync hands a node of
    // it), and the write below can move that node when its parent grows.
    out.push_back({std::move(path), value});
    write(out.back().path, out.back().value, emitHints_ != nullptr ? &emitHints_->at(2 * position + 1) : nullptr);
    if (t != nullptr) {
        t->produced.push_back(out.back());
    }
    return true;
}

bool Pipeline::anchorPresent(const std::string& anchor) const {
    return anchor.empty() || shadow_.get(anchor) != nullptr;
}

bool Pipeline::excluded(const std::optional<BoolLogic>& cond) const { return cond && cond->evaluate(shadow_); }

void Pipeline::filterNoOps(const ChangeList& batch, ChangeList& out) {
    StageTrace* t = beginStage("input");
    // out holds an older run's changes: they are assigned over, so their
    // path strings' buffers serve this run (no allocation per change).
    std::size_t n = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const Change& c = batch[i];
        if (sameValue(shadow_.get(c.path, inputHints_.at(i)), c.value)) {
            if (t != nullptr) {
                t->skipped.push_back({c.path, "redundant"});
            }
            continue;
        }
        if (t != nullptr) {
            t->matched.push_back(c.path);
        }
        putAt(out, n++, c);
    }
    out.resize(n);
    endStage(t, 0);
}

void Pipeline::aggregationWrite(ChangeList& changes) {
    if (aggregations_.empty()) {
        return;
    }
    StageTrace* t = beginStage("aggregation_write");
    ChangeList out;
    for (auto& c : changes) {
        const Aggregation* hit = nullptr;
        std::string_view target;
        aggregationTargets_.forEachAtOrAbove(c.path, [&](std::string_view key, std::size_t id) {
            if (hit == nullptr) {
                hit = &aggregations_[id];
                target = key;
            }
        });
        if (hit == nullptr) {
            out.push_back(std::move(c));
            continue;
        }
        if (t != nullptr) {
            t->matched.push_back(c.path);
        }
        const std::string suffix(state::paths::suffixBelow(c.path, target));
        for (const auto& [source, cond] : hit->sources) {
            if (excluded(cond)) {
                if (t != nullptr) {
                    t->skipped.push_back({source, "excluded"});
                }
                continue;
            }
            out.push_back({state::paths::join(source, suffix), c.value});
            if (t != nullptr) {
                t->produced.push_back(out.back());
            }
        }
    }
    changes.swap(out);
    endStage(t, 0);
}

void Pipeline::dropComputedTargets(ChangeList& changes) {
    if (computations_.empty()) {
        return;
    }
    StageTrace* t = beginStage("computation_guard");
    ChangeList out;
    for (auto& c : changes) {
        if (computationTargets_.find(c.path) != nullptr) {
            if (t != nullptr) {
                t->skipped.push_back({c.path, "computed_target"});
            }
            continue;
        }
        out.push_back(std::move(c));
    }
    changes.swap(out);
    endStage(t, 0);
}

// Compacts the list in place: what survives the second diff is what was written.
void Pipeline::applyGenuine(ChangeList& changes) {
    StageTrace* t = beginStage("apply");
    std::size_t kept = 0;
    const bool capture = !flip_.empty();
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Change& c = changes[i];
        if (capture) { // flip's "before" image, taken before the first write of the run
            capturePreRun(c.path);
        }
        if (!shadow_.setIfDifferent(c.path, c.value, applyHints_.at(i))) {
            if (t != nullptr) {
                t->skipped.push_back({c.path, "redundant"});
            }
            continue;
        }
        if (t != nullptr) {
            t->produced.push_back(c);
        }
        if (&changes[kept] != &c) {
            changes[kept] = std::move(c);
        }
        ++kept;
    }
    changes.resize(kept);
    endStage(t, 0);
}

std::vector<std::string> Pipeline::clearTargetsFor(const ClearRule& rule, const std::string& path) const {
    std::vector<std::string> out;
    const auto changed = state::paths::split(path);
    for (const auto& trigger : rule.triggers) {
        const auto segs = state::paths::split(trigger);
        std::vector<std::string_view> captures;
        bool fires = false;
        if (std::find(segs.begin(), segs.end(), "[*]") == segs.end()) {
            fires = state::paths::isAtOrBelow(path, trigger);
        } else if (segs.size() == changed.size()) {
            fires = true;
            for (std::size_t i = 0; i < segs.size() && fires; ++i) {
                if (segs[i] == "[*]") {
                    captures.push_back(changed[i]);
                } else {
                    fires = segs[i] == changed[i];
                }
            }
        }
        if (!fires) {
            continue;
        }
        for (const auto& target : rule.targets) {
            std::vector<std::string> resolved{""};
            std::size_t capture = 0;
            for (auto seg : state::paths::split(target)) {
                const bool expand = seg == "[**]" || (rule.expandMatch && seg == "[*]");
                std::vector<std::string> next;
                for (const auto& prefix : resolved) {
                    if (expand) {
                        const state::Value* node = shadow_.get(prefix);
                        if (node != nullptr && node->isObject()) {
                            for (const auto& m : node->members()) {
                                next.push_back(state::paths::join(prefix, state::KeyTable::global().name(m.key)));
                            }
                        }
                    } else if (seg == "[*]") {
                        if (capture < captures.size()) {
                            next.push_back(state::paths::join(prefix, captures[capture]));
                        }
                    } else {
                        next.push_back(state::paths::join(prefix, seg));
                    }
                }
                capture += seg == "[*]" ? 1 : 0;
                resolved = std::move(next);
            }
            out.insert(out.end(), resolved.begin(), resolved.end());
        }
    }
    return out;
}

ChangeList Pipeline::clearPaths(const ChangeList& genuine) {
    if (clearRules_.empty()) {
        return {};
    }
    StageTrace* t = beginStage("clear_paths");
    ChangeList out;
    std::set<std::string> done;
    for (const auto& c : genuine) {
        for (const auto& rule : clearRules_) {
            for (auto& target : clearTargetsFor(rule, c.path)) {
                if (t != nullptr) {
                    t->matched.push_back(c.path);
                }
                if (!done.insert(target).second) {
                    continue;
                }
                const state::Value* current = shadow_.get(target);
                if (current == nullptr || current->isNull()) {
                    if (t != nullptr) {
                        t->skipped.push_back({target, "redundant"});
                    }
                    continue;
                }
                write(target, state::Value());
                out.push_back({target, state::Value()});
                if (t != nullptr) {
                    t->produced.push_back(out.back());
                }
            }
        }
    }
    endStage(t, 0);
    return out;
}

void Pipeline::syncOne(const Change& c, std::uint32_t pathId, ChangeList& out, StageTrace* t) {
    if (sync_.empty()) { // only one-way pairs: no lookup per ancestor of the path
        syncDirected(c, pathId, out, t);
        return;
    }
    auto active = [&](std::string_view node) { return anchorPresent(sync_.anchorOf(node)); };
    auto toPeers = [&](std::string_view node, const std::string& suffix, const state::Value& value) {
        for (const auto& peer : sync_.component(node)) {
            if (peer != node) {
                emitGuarded(state::paths::join(peer, suffix), value, out, t);
            }
        }
    };
    const bool isNode = sync_.contains(c.path);
    if (isNode && active(c.path)) { // 1. exact
        toPeers(c.path, "", c.value);
    }
    state::paths::forEachAncestor(c.path, [&](std::string_view a) { // 2. child expansion: nearest synced ancestor
        if (!sync_.contains(a)) {
            return true;
        }
        if (active(a)) {
            toPeers(a, std::string(state::paths::suffixBelow(c.path, a)), c.value);
        }
        return false;
    });
    if (!isNode) { // 3. parent expansion: synced nodes below the changed path
        std::vector<std::string> below;
        sync_.nodes().forEachBelow(c.path, [&](const std::string& n, const PathGraphNode&) { below.push_back(n); });
        for (const auto& n : below) {
            if (!active(n)) {
                continue;
            }
            const state::Value* v = shadow_.get(n);
            toPeers(n, "", v != nullptr ? *v : state::Value());
        }
    }
    syncDirected(c, pathId, out, t);
}

void Pipeline::emitDirected(const DirectedTarget& target, std::string_view suffix, const state::Value& value,
                            ChangeList& out, StageTrace* t) {
    std::string path = state::paths::join(target.path, suffix);
    if (!anchorPresent(target.anchor)) { // dormant registration: neither read nor written
        if (t != nullptr) {
            t->skipped.push_back({std::move(path), "anchor_missing"});
        }
        return;
    }
    emitGuarded(std::move(path), value, out, t);
}

// What syncDirected needs of directed_ for path, found once per path id:
// the ancestor and below lookups depend only on the registrations.
const Pipeline::DirectedReach& Pipeline::directedReach(std::uint32_t pathId, std::string_view path) {
    if (const DirectedReach* known = directedMemo_.find(pathId)) {
        return *known;
    }
    DirectedReach reach;
    reach.exact = directed_.find(path);
    state::paths::forEachAncestor(path, [&](std::string_view a) {
        reach.nearest = directed_.find(a);
        reach.nearestLength = a.size();
        return reach.nearest == nullptr;
    });
    directed_.forEachBelow(path, [&](const std::string& s, const std::vector<DirectedTarget>& targets) {
        reach.below.emplace_back(&s, &targets);
    });
    return directedMemo_.put(pathId, std::move(reach));
}

// One-way pairs: exact, child expansion (nearest directed ancestor), parent
// expansion (directed sources below the changed path, with their new values).
void Pipeline::syncDirected(const Change& c, std::uint32_t pathId, ChangeList& out, StageTrace* t) {
    if (directed_.empty()) { // two-way pairs only: pathId is not even known
        return;
    }
    const DirectedReach& reach = directedReach(pathId, c.path); // no memo write below: stays valid
    if (reach.exact != nullptr) {
        for (const auto& target : *reach.exact) {
            emitDirected(target, "", c.value, out, t);
        }
    }
    if (reach.nearest != nullptr) {
        const std::string_view suffix =
            state::paths::suffixBelow(c.path, std::string_view(c.path).substr(0, reach.nearestLength));
        for (const auto& target : *reach.nearest) {
            emitDirected(target, suffix, c.value, out, t);
        }
    }
    for (const auto& [source, targets] : reach.below) {
        if (const state::Value* v = shadow_.get(*source)) {
            const state::Value copy = *v; // emitting may move the node it points into
            for (const auto& target : *targets) {
                emitDirected(target, "", copy, out, t);
            }
        }
    }
}

ChangeList Pipeline::syncStage(const ChangeList& input) {
    if (sync_.empty() && directed_.empty()) {
        return {};
    }
    StageTrace* t = beginStage("sync");
    ChangeList out;
    emitHints_ = &syncEmitHints_;
    // Only one-way sync looks answers up by path id (input is the run's list).
    const std::vector<std::uint32_t>* pathIds = directed_.empty() ? nullptr : &runPathIds();
    for (std::size_t i = 0; i < input.size(); ++i) {
        const Change& c = input[i];
        if (t != nullptr) {
            t->matched.push_back(c.path);
        }
        syncOne(c, pathIds != nullptr ? (*pathIds)[i] : PathIdTable::kNone, out, t);
    }
    emitHints_ = nullptr;
    endStage(t, 0);
    return out;
}

void Pipeline::flipOne(const Change& c, ChangeList& out, StageTrace* t) {
    auto rotate = [&](const std::string& node, const state::Value* newValue, const std::string& parentChange) {
        if (!anchorPresent(flip_.anchorOf(node))) {
            if (t != nullptr) {
                t->skipped.push_back({node, "anchor_missing"});
            }
            return;
        }
        std::optional<state::Value> given;
        if (options_.flipInvertsBooleans) {
            if (newValue != nullptr && newValue->isBool()) {
                given = state::Value(!newValue->asBool());
            }
        } else {
            const RunState::PreRunSlot& slot = run_.preRun[flip_.nodes().find(node)->index];
            if (slot.taken) {
                given = slot.value;
            } else if (const state::Value* v = shadow_.get(node)) {
                given = *v;
            }
        }
        if (!given) {
            return;
        }
        for (const auto& peer : flip_.component(node)) {
            if (peer == node || (!parentChange.empty() && state::paths::isBelow(peer, parentChange))) {
                continue;
            }
            emitGuarded(peer, *given, out, t);
        }
    };
    if (flip_.contains(c.path)) {
        rotate(c.path, &c.value, "");
        return;
    }
    if (!c.value.isObject()) {
        return;
    }
    std::vector<std::string> below;
    flip_.nodes().forEachBelow(c.path, [&](const std::string& n, const PathGraphNode&) { below.push_back(n); });
    for (const auto& n : below) {
        rotate(n, shadow_.get(n), c.path);
    }
}

ChangeList Pipeline::flipStage(const ChangeList& input) {
    if (flip_.empty()) {
        return {};
    }
    StageTrace* t = beginStage("flip");
    ChangeList out;
    emitHints_ = &flipEmitHints_;
    for (const auto& c : input) {
        if (t != nullptr) {
            t->matched.push_back(c.path);
        }
        flipOne(c, out, t);
    }
    emitHints_ = nullptr;
    endStage(t, 0);
    return out;
}

state::Value Pipeline::aggregateValue(const Aggregation& agg) const {
    if (agg.sources.empty()) {
        return state::Value();
    }
    std::optional<state::Value> common;
    bool anyKept = false;
    for (const auto& [source, cond] : agg.sources) {
        if (excluded(cond)) {
            continue;
        }
        anyKept = true;
        const state::Value* v = shadow_.get(source);
        if (v == nullptr) {
            return state::Value::undefined();
        }
        if (v->isUndefined()) {
            continue;
        }
        if (!common) {
            common = *v;
        } else if (!(*common == *v)) {
            return state::Value::undefined();
        }
    }
    if (!anyKept || !common) {
        return state::Value::undefined();
    }
    return *common;
}

state::Value Pipeline::computeValue(const Computation& comp) const {
    double sum = 0;
    std::size_t numbers = 0;
    std::size_t active = 0;
    for (const auto& [source, cond] : comp.sources) {
        if (excluded(cond)) {
            continue;
        }
        ++active;
        const state::Value* v = shadow_.get(source);
        if (v != nullptr && v->isNumber()) {
            sum += v->asNumber();
            ++numbers;
        }
    }
    if (comp.op == "SUM") {
        return state::Value(sum);
    }
    if (active == 0 || numbers == 0) {
        return state::Value::undefined();
    }
    return state::Value(sum / static_cast<double>(numbers));
}

namespace {

// Ids of registrations whose trigger paths are at, above or below any changed path.
// Only the first `count` changes are looked at; pathIds holds their path ids.
// Each path's ids are remembered in `memo` (cleared when the index changes):
// a session's runs write the same paths, and the ancestor lookups cost more
// than one array index.
std::vector<std::size_t> triggered(const PathIndex<std::vector<std::size_t>>& index,
                                   PathIdMemo<PathListMemo::Ids>& memo, const ChangeList& changes,
                                   const std::vector<std::uint32_t>& pathIds, std::size_t count) {
    std::vector<std::size_t> ids;
    for (std::size_t i = 0; i < count; ++i) {
        const PathListMemo::Ids& known = idsReached(index, memo, pathIds[i], changes[i].path);
        ids.insert(ids.end(), known.begin(), known.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

ChangeList Pipeline::aggregationRead(const ChangeList& all) {
    if (aggregations_.empty()) {
        return {};
    }
    StageTrace* t = beginStage("aggregation_read");
    ChangeList out;
    for (auto id : triggered(aggregationTriggers_, aggregationTriggerMemo_, all, runPathIds(), all.size())) {
        const Aggregation& agg = aggregations_[id];
        if (t != nullptr) {
            t->matched.push_back(agg.target);
        }
        if (!anchorPresent(agg.anchor)) {
            if (t != nullptr) {
                t->skipped.push_back({agg.target, "anchor_missing"});
            }
            continue;
        }
        state::Value v = aggregateValue(agg);
        const state::Value* current = shadow_.get(agg.target);
        if ((current == nullptr && v.isUndefined()) || sameValue(current, v)) {
            continue;
        }
        write(agg.target, v);
        out.push_back({agg.target, std::move(v)});
        if (t != nullptr) {
            t->produced.push_back(out.back());
        }
    }
    endStage(t, 0);
    return out;
}

ChangeList Pipeline::computationStage(const ChangeList& all, std::size_t count) {
    if (computations_.empty()) {
        return {};
    }
    StageTrace* t = beginStage("computation");
    ChangeList out;
    for (auto id : triggered(computationTriggers_, computationTriggerMemo_, all, runPathIds(), count)) {
        const Computation& comp = computations_[id];
        if (t != nullptr) {
            t->matched.push_back(comp.target);
        }
        if (!anchorPresent(comp.anchor)) {
            if (t != nullptr) {
                t->skipped.push_back({comp.target, "anchor_missing"});
            }
            continue;
        }
        state::Value v = computeValue(comp);
        const state::Value* current = shadow_.get(comp.target);
        if ((current == nullptr && v.isUndefined()) || sameValue(current, v)) {
            continue;
        }
        write(comp.target, v);
        out.push_back({comp.target, std::move(v)});
        if (t != nullptr) {
            t->produced.push_back(out.back());
        }
    }
    endStage(t, 0);
    return out;
}

void Pipeline::logicStage(const ChangeList& stateChanges, bool valueLogic) {
    bool any = false;
    for (const auto& l : logics_) {
        any = any || (valueLogic ? l.valueLogic.has_value() : l.boolLogic.has_value());
    }
    if (!any) {
        return;
    }
    StageTrace* t = beginStage(valueLogic ? "value_logic" : "bool_logic");
    std::vector<std::size_t> ids =
        triggered(logicDeps_, logicDepMemo_, stateChanges, runPathIds(), stateChanges.size());
    for (std::size_t i = 0; i < logics_.size(); ++i) { // anchors that appeared during this run
        const auto& anchor = logics_[i].anchor;
        if (anchor.empty()) { // no lookup: most logics have no anchor
            continue;
        }
        auto it = run_.anchorsAtStart.find(anchor);
        if (it != run_.anchorsAtStart.end() && !it->second && anchorPresent(anchor)) {
            ids.push_back(i);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (auto id : ids) {
        const Logic& logic = logics_[id];
        if (valueLogic != logic.valueLogic.has_value()) {
            continue;
        }
        const std::string& path = logic.path;
        if (t != nullptr) {
            t->matched.push_back(std::to_string(id));
        }
        if (!anchorPresent(logic.anchor)) {
            if (t != nullptr) {
                t->skipped.push_back({path, "anchor_missing"});
            }
            continue;
        }
        state::Value v = valueLogic ? logic.valueLogic->evaluate(shadow_) : state::Value(logic.boolLogic->evaluate(shadow_));
        if (!flip_.empty()) {
            capturePreRun(path);
        }
        if (!shadow_.setIfDifferent(path, v, logicHints_.at(id))) { // diff and write in one walk
            if (t != nullptr) {
                t->skipped.push_back({path, "redundant"});
            }
            continue;
        }
        putAt(run_.result.concernChanges, run_.concernCount++, path, std::move(v));
        if (t != nullptr) {
            t->produced.push_back(run_.result.concernChanges[run_.concernCount - 1]);
        }
    }
    endStage(t, 0);
}

} // namespace bi::pipeline
