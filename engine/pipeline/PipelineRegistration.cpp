// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline: registrations and the registry snapshot.
#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"
#include "pipeline/Pipeline.h"
#include "state/Paths.h"

#include <algorithm>
#include <array>
#include <map>

namespace bi::pipeline {

namespace {

std::size_t countStars(const std::string& path, std::string_view star) {
    std::size_t n = 0;
    for (auto seg : state::paths::split(path)) {
        n += seg == star ? 1 : 0;
    }
    return n;
}

void validateClearRule(const ClearRule& rule) {
    if (rule.triggers.empty() || rule.targets.empty()) {
        throw EngineError("clearPaths: a rule needs at least one trigger and one target");
    }
    std::size_t maxStars = 0;
    for (const auto& t : rule.triggers) {
        if (countStars(t, "[**]") > 0) {
            throw EngineError("clearPaths: trigger '" + t + "' may not contain [**]");
        }
        maxStars = std::max(maxStars, countStars(t, "[*]"));
    }
    for (const auto& t : rule.targets) {
        if (countStars(t, "[*]") > maxStars) {
            throw EngineError("clearPaths: target '" + t + "' has more [*] than any trigger");
        }
    }
}

// Initial sync vote: most frequent value; ties → shallowest path, then smaller path.
std::optional<state::Value> vote(const std::vector<std::string>& members, const state::ShadowState& shadow) {
    struct Tally {
        state::Value value;
        std::size_t count = 0;
        std::size_t depth = 0;
        std::string path;
    };
    std::vector<Tally> tallies;
    for (const auto& m : members) {
        const state::Value* v = shadow.get(m);
        if (v == nullptr || v->isNullish()) {
            continue;
        }
        auto it = std::find_if(tallies.begin(), tallies.end(), [&](const Tally& t) { return t.value == *v; });
        std::size_t d = state::paths::depth(m);
        if (it == tallies.end()) {
            tallies.push_back({*v, 1, d, m});
        } else {
            ++it->count;
            if (d < it->depth || (d == it->depth && m < it->path)) {
                it->depth = d;
                it->path = m;
            }
        }
    }
    if (tallies.empty()) {
        return std::nullopt;
    }
    auto best = std::min_element(tallies.begin(), tallies.end(), [](const Tally& a, const Tally& b) {
        if (a.count != b.count) {
            return a.count > b.count;
        }
        return a.depth != b.depth ? a.depth < b.depth : a.path < b.path;
    });
    return best->value;
}

json::Value pairList(const std::vector<std::pair<std::string, std::string>>& pairs) {
    json::Array out;
    for (const auto& [a, b] : pairs) {
        out.emplace_back(json::Array{json::Value(a), json::Value(b)});
    }
    return json::Value(std::move(out));
}

json::Value stringList(const std::vector<std::string>& list) {
    json::Array out;
    for (const auto& s : list) {
        out.emplace_back(s);
    }
    return json::Value(std::move(out));
}

} // namespace

// A target's writes go to its sources and its sources' changes rewrite it, so
// a target may not equal, contain or lie inside a source (its own or, once
// registered, another aggregation's): the run would write through its own value.
void Pipeline::checkAggregationPair(const AggregationPair& pair) const {
    using state::paths::isBelow;
    using state::paths::related;
    if (related(pair.target, pair.source)) {
        const char* how = pair.target == pair.source          ? "is the target itself"
                          : isBelow(pair.source, pair.target) ? "lies below the target"
                                                              : "lies above the target";
        throw EngineError("aggregations: circular aggregation '" + pair.target + "': its source '" + pair.source +
                          "' " + how);
    }
    if (aggregationTriggers_.find(pair.target) != nullptr || aggregationTargets_.find(pair.source) != nullptr) {
        throw EngineError("aggregations: circular aggregation between '" + pair.target + "' and '" + pair.source +
                          "'");
    }
    for (const auto& other : aggregations_) {
        if (related(pair.source, other.target) && pair.target != other.target) {
            throw EngineError("aggregations: circular aggregation '" + pair.target + "': its source '" +
                              pair.source + "' is nested with the target of aggregation '" + other.target + "'");
        }
        for (const auto& source : other.sources) {
            if (related(pair.target, source.first) && pair.target != other.target) {
                throw EngineError("aggregations: circular aggregation '" + pair.target + "': the target is nested with '" +
                                  source.first + "', a source of aggregation '" + other.target + "'");
            }
        }
    }
}

ChangeList Pipeline::registerSideEffects(const SideEffects& effects) {
    requireRun(nullptr);
    ChangeList initial;
    std::vector<std::string> touched;
    for (const auto& p : effects.syncPairs) {
        if (p.oneWay) {
            directed_[p.from].push_back({p.to, effects.anchorPath});
            directedMemo_.clear(); // its answers point into directed_
            directedPairs_.emplace_back(p.from, p.to);
            const state::Value* v = shadow_.get(p.from);
            if (v != nullptr && !v->isNullish() && anchorPresent(effects.anchorPath)) {
                emitGuarded(p.to, *v, initial, nullptr);
            }
        } else {
            sync_.addPair(p.from, p.to, effects.anchorPath);
            touched.push_back(p.from);
        }
    }
    if (anchorPresent(effects.anchorPath)) {
        for (auto comp : sync_.componentsOf(touched)) {
            const auto& members = sync_.componentAt(comp);
            if (auto winner = vote(members, shadow_)) {
                for (const auto& m : members) {
                    emitGuarded(m, *winner, initial, nullptr);
                }
            }
        }
    }
    for (const auto& [a, b] : effects.flipPairs) {
        flip_.addPair(a, b, effects.anchorPath);
    }
    for (const auto& pair : effects.aggregations) {
        checkAggregationPair(pair);
        const std::size_t* existing = aggregationTargets_.find(pair.target);
        std::size_t id = existing != nullptr ? *existing : aggregations_.size();
        if (existing == nullptr) {
            aggregations_.push_back({pair.target, {}, effects.anchorPath});
            aggregationTargets_[pair.target] = id;
        }
        aggregations_[id].sources.emplace_back(pair.source, pair.excludeWhen);
        std::vector<std::string> triggers{pair.source};
        if (pair.excludeWhen) {
            pair.excludeWhen->collectDependencies(triggers);
        }
        for (const auto& t : triggers) {
            aggregationTriggers_[t].push_back(id);
            aggregationTriggerMemo_.clear();
        }
    }
    for (const auto& pair : effects.computations) {
        if (pair.op != "SUM" && pair.op != "AVG") {
            throw EngineError("computations: unknown operation '" + pair.op + "'");
        }
        if (computationTargets_.find(pair.source) != nullptr || computationTriggers_.find(pair.target) != nullptr ||
            pair.target == pair.source) {
            throw EngineError("computations: '" + pair.target + "' is both a target and a source");
        }
        const std::size_t* existing = computationTargets_.find(pair.target);
        std::size_t id = existing != nullptr ? *existing : computations_.size();
        if (existing == nullptr) {
            computations_.push_back({pair.op, pair.target, {}, effects.anchorPath});
            computationTargets_[pair.target] = id;
        } else if (computations_[id].op != pair.op) {
            throw EngineError("computations: target '" + pair.target + "' mixes SUM and AVG");
        }
        computations_[id].sources.emplace_back(pair.source, pair.excludeWhen);
        std::vector<std::string> triggers{pair.source};
        if (pair.excludeWhen) {
            pair.excludeWhen->collectDependencies(triggers);
        }
        for (const auto& t : triggers) {
            computationTriggers_[t].push_back(id);
            computationTriggerMemo_.clear();
        }
    }
    if (anchorPresent(effects.anchorPath)) {
        for (const auto& comp : computations_) {
            state::Value v = computeValue(comp);
            const state::Value* current = shadow_.get(comp.target);
            if (!(current == nullptr && v.isUndefined()) && (current == nullptr || !(*current == v))) {
                write(comp.target, v);
                initial.push_back({comp.target, std::move(v)});
            }
        }
    }
    for (const auto& rule : effects.clearRules) {
        validateClearRule(rule);
        clearRules_.push_back(rule);
    }
    return initial;
}

ChangeList Pipeline::registerConcerns(const std::vector<ConcernSpec>& concerns) {
    requireRun(nullptr);
    ChangeList initial;
    for (const auto& c : concerns) {
        logics_.push_back(
            {"_concerns." + state::paths::join(c.field, c.name), c.boolLogic, c.valueLogic, c.anchorPath});
        indexLogic(logics_.size() - 1);
        const Logic& logic = logics_.back();
        if (!anchorPresent(logic.anchor)) {
            continue;
        }
        state::Value v = logic.boolLogic ? state::Value(logic.boolLogic->evaluate(shadow_))
                                         : logic.valueLogic->evaluate(shadow_);
        const std::string& path = logic.path;
        const state::Value* current = shadow_.get(path);
        if (current == nullptr || !(*current == v)) {
            write(path, v);
            initial.push_back({path, std::move(v)});
        }
    }
    return initial;
}

void Pipeline::indexLogic(std::size_t id) {
    std::vector<std::string> deps;
    if (logics_[id].boolLogic) {
        logics_[id].boolLogic->collectDependencies(deps);
    } else {
        logics_[id].valueLogic->collectDependencies(deps);
    }
    if (!logics_[id].anchor.empty()) {
        deps.push_back(logics_[id].anchor);
    }
    for (const auto& d : deps) {
        logicDepMemo_.clear();
        auto& list = logicDeps_[d];
        if (list.empty() || list.back() != id) {
            list.push_back(id);
        }
    }
}

void Pipeline::registerListener(const ListenerSpec& listener) {
    requireRun(nullptr);
    if (listener.topics.empty()) {
        throw EngineError("listener '" + listener.id + "': needs at least one topic path");
    }
    for (const auto& existing : listeners_) {
        if (existing.id == listener.id) {
            throw EngineError("listener '" + listener.id + "': duplicate id");
        }
    }
    listeners_.push_back(listener);
    planGroupingValid_ = false;
    topicMemo_.clear();
    for (const auto& t : listener.topics) {
        topics_[t].push_back(listeners_.size() - 1);
    }
    // Global order: effective depth, topic depth, scope depth, anchor depth (all
    // deepest first), then registration order.
    auto key = [this](std::size_t i) {
        const ListenerSpec& l = listeners_[i];
        std::size_t topicDepth = 0;
        for (const auto& t : l.topics) {
            topicDepth = std::max(topicDepth, state::paths::depth(t));
        }
        std::size_t anchorDepth = state::paths::depth(l.anchorPath);
        return std::array<std::size_t, 4>{std::max(topicDepth, anchorDepth), topicDepth,
                                          state::paths::depth(l.scope), anchorDepth};
    };
    listenerLevel_.push_back(key(listeners_.size() - 1)[0]);
    listenerOrder_.push_back(listeners_.size() - 1);
    std::stable_sort(listenerOrder_.begin(), listenerOrder_.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
}

json::Value Pipeline::registrationsSnapshot() const {
    json::Object out;
    addMember(out, "sync_pairs", pairList(sync_.pairs()));
    addMember(out, "directed_sync_pairs", pairList(directedPairs_));
    addMember(out, "flip_pairs", pairList(flip_.pairs()));
    json::Array listenerList;
    for (auto i : listenerOrder_) {
        const auto& l = listeners_[i];
        json::Object o;
        addMember(o, "id", json::Value(l.id));
        addMember(o, "topics", stringList(l.topics));
        addMember(o, "scope", json::Value(l.scope));
        addMember(o, "anchor_path", json::Value(l.anchorPath));
        listenerList.emplace_back(std::move(o));
    }
    addMember(out, "listeners", json::Value(std::move(listenerList)));
    json::Array logicList;
    for (std::size_t i = 0; i < logics_.size(); ++i) {
        json::Object o;
        addMember(o, "id", json::Value(static_cast<double>(i)));
        addMember(o, "kind", json::Value(logics_[i].boolLogic ? "bool_logic" : "value_logic"));
        addMember(o, "output_path", json::Value(logics_[i].path));
        addMember(o, "definition", logics_[i].boolLogic ? logics_[i].boolLogic->definition()
                                                          : logics_[i].valueLogic->definition());
        logicList.emplace_back(std::move(o));
    }
    addMember(out, "logic", json::Value(std::move(logicList)));
    json::Array aggList;
    for (const auto& a : aggregations_) {
        std::vector<std::string> sources;
        for (const auto& s : a.sources) {
            sources.push_back(s.first);
        }
        json::Object o;
        addMember(o, "target", json::Value(a.target));
        addMember(o, "sources", stringList(sources));
        aggList.emplace_back(std::move(o));
    }
    addMember(out, "aggregations", json::Value(std::move(aggList)));
    json::Array compList;
    for (const auto& c : computations_) {
        std::vector<std::string> sources;
        for (const auto& s : c.sources) {
            sources.push_back(s.first);
        }
        json::Object o;
        addMember(o, "target", json::Value(c.target));
        addMember(o, "op", json::Value(c.op));
        addMember(o, "sources", stringList(sources));
        compList.emplace_back(std::move(o));
    }
    addMember(out, "computations", json::Value(std::move(compList)));
    json::Array clearList;
    for (const auto& r : clearRules_) {
        json::Object o;
        addMember(o, "triggers", stringList(r.triggers));
        addMember(o, "targets", stringList(r.targets));
        addMember(o, "expand_match", json::Value(r.expandMatch));
        clearList.emplace_back(std::move(o));
    }
    addMember(out, "clear_rules", json::Value(std::move(clearList)));
    return json::Value(std::move(out));
}

} // namespace bi::pipeline
