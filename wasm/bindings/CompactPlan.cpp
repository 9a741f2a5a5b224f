// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompactPlan.h"

#include "pipeline/JsonBuild.h"

namespace bi::wasm {

using pipeline::idList;

namespace {

// Appends the ids produced by `idAt(0..count)` as [from, to) ranges of consecutive ids.
template <typename IdAt> json::Value idRanges(std::size_t count, IdAt idAt) {
    json::Array out;
    std::size_t i = 0;
    while (i < count) {
        const std::uint32_t from = idAt(i);
        std::uint32_t to = from + 1;
        for (++i; i < count && idAt(i) == to; ++i) {
            ++to;
        }
        out.emplace_back(static_cast<double>(from));
        out.emplace_back(static_cast<double>(to));
    }
    return json::Value(std::move(out));
}

json::Value dispatchJson(const pipeline::Dispatch& d) {
    json::Array e;
    e.reserve(4);
    e.emplace_back(d.listener);
    e.emplace_back(d.topic);
    e.push_back(d.scope == d.topic ? json::Value() : json::Value(d.scope));
    e.push_back(idList(d.inputChangeIds));
    return json::Value(std::move(e));
}

} // namespace

json::Value compactPlanJson(const pipeline::ExecutionPlan& plan) {
    json::Array groups;
    groups.reserve(plan.groups.size());
    for (const auto& g : plan.groups) {
        json::Array entry;
        entry.emplace_back(static_cast<double>(g.level));
        entry.push_back(idList(g.dispatches));
        groups.emplace_back(std::move(entry));
    }
    json::Array dispatches;
    dispatches.reserve(plan.dispatches.size());
    for (const auto& d : plan.dispatches) {
        dispatches.push_back(dispatchJson(d));
    }
    json::Array propagation;
    json::Array prefixes;
    propagation.reserve(plan.propagation.size());
    for (std::size_t from = 0; from < plan.propagation.size(); ++from) {
        const auto& targets = plan.propagation[from];
        propagation.push_back(idRanges(targets.size(), [&](std::size_t i) { return targets[i].dispatch; }));
        for (const auto& t : targets) {
            if (!t.remapPrefix.empty()) {
                prefixes.emplace_back(json::Array{json::Value(static_cast<double>(from)),
                                                  json::Value(static_cast<double>(t.dispatch)),
                                                  json::Value(t.remapPrefix)});
            }
        }
    }
    json::Array cascade;
    cascade.reserve(plan.cascade.size());
    for (const auto& targets : plan.cascade) {
        cascade.push_back(idRanges(targets.size(), [&](std::size_t i) { return targets[i]; }));
    }
    json::Object out;
    out.reserve(5);
    out.emplace_back("groups", json::Value(std::move(groups)));
    out.emplace_back("dispatches", json::Value(std::move(dispatches)));
    out.emplace_back("propagation", json::Value(std::move(propagation)));
    out.emplace_back("prefixes", json::Value(std::move(prefixes)));
    out.emplace_back("cascade", json::Value(std::move(cascade)));
    return json::Value(std::move(out));
}

} // namespace bi::wasm
