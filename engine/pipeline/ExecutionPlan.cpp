// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ExecutionPlan.h"

#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"
#include "state/Paths.h"

namespace bi::pipeline {

namespace {

std::uint32_t idFrom(const json::Value& v, const char* where) {
    if (!json::isWholeNumber(v, 0, json::kMaxU32)) {
        throw EngineError(std::string(where) +
                          ": expected a dispatch id (a whole number from 0 to 4294967295)");
    }
    return static_cast<std::uint32_t>(v.asNumber());
}

const json::Value& field(const json::Value& obj, const char* name) {
    const json::Value* v = obj.find(name);
    if (v == nullptr) {
        throw EngineError(std::string("execution_plan: missing \"") + name + "\"");
    }
    return *v;
}

} // namespace

json::Value ExecutionPlan::toJson() const {
    json::Array groupList;
    for (const auto& g : groups) {
        json::Array entries;
        for (auto id : g.dispatches) {
            const Dispatch& d = dispatches[id];
            json::Object e;
            addMember(e, "dispatch_id", json::Value(static_cast<double>(d.id)));
            addMember(e, "subscriber_id", json::Value(d.listener));
            addMember(e, "scope_path", json::Value(d.scope));
            addMember(e, "topic_path", json::Value(d.topic));
            addMember(e, "input_change_ids", idList(d.inputChangeIds));
            entries.emplace_back(std::move(e));
        }
        json::Object go;
        addMember(go, "level", json::Value(static_cast<double>(g.level)));
        addMember(go, "dispatches", json::Value(std::move(entries)));
        groupList.emplace_back(std::move(go));
    }
    json::Array prop;
    for (const auto& targets : propagation) {
        json::Array list;
        for (const auto& t : targets) {
            json::Object o;
            addMember(o, "target_dispatch_id", json::Value(static_cast<double>(t.dispatch)));
            addMember(o, "remap_prefix", json::Value(t.remapPrefix));
            list.emplace_back(std::move(o));
        }
        prop.emplace_back(std::move(list));
    }
    json::Array casc;
    for (const auto& targets : cascade) {
        casc.push_back(idList(targets));
    }
    json::Object out;
    addMember(out, "groups", json::Value(std::move(groupList)));
    addMember(out, "propagation_map", json::Value(std::move(prop)));
    addMember(out, "cascade_map", json::Value(std::move(casc)));
    return json::Value(std::move(out));
}

ExecutionPlan ExecutionPlan::fromJson(const json::Value& v) {
    ExecutionPlan plan;
    if (v.isNull()) {
        return plan;
    }
    for (const auto& g : field(v, "groups").asArray()) {
        DispatchGroup group;
        const json::Value& level = field(g, "level");
        if (!json::isWholeNumber(level, 0, json::kMaxU32)) {
            throw EngineError("execution_plan: \"level\" must be a whole number from 0 to 4294967295");
        }
        group.level = static_cast<std::size_t>(level.asNumber());
        for (const auto& e : field(g, "dispatches").asArray()) {
            Dispatch d;
            d.id = idFrom(field(e, "dispatch_id"), "dispatch_id");
            d.listener = field(e, "subscriber_id").asString();
            d.scope = field(e, "scope_path").asString();
            d.topic = field(e, "topic_path").asString();
            for (const auto& id : field(e, "input_change_ids").asArray()) {
                d.inputChangeIds.push_back(idFrom(id, "input_change_ids"));
            }
            d.level = group.level;
            group.dispatches.push_back(d.id);
            plan.dispatches.push_back(std::move(d));
        }
        plan.groups.push_back(std::move(group));
    }
    for (const auto& list : field(v, "propagation_map").asArray()) {
        plan.propagation.emplace_back();
        for (const auto& t : list.asArray()) {
            plan.propagation.back().push_back({idFrom(field(t, "target_dispatch_id"), "target_dispatch_id"),
                                               field(t, "remap_prefix").asString()});
        }
    }
    for (const auto& list : field(v, "cascade_map").asArray()) {
        plan.cascade.emplace_back();
        for (const auto& id : list.asArray()) {
            plan.cascade.back().push_back(idFrom(id, "cascade_map"));
        }
    }
    return plan;
}

std::string relativize(const std::string& path, const std::string& topic) {
    if (topic.empty() || path == topic || !state::paths::isBelow(path, topic)) {
        return path;
    }
    return path.substr(topic.size() + 1);
}

} // namespace bi::pipeline
