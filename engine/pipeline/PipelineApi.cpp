// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineApi.h"

#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"

namespace bi::pipeline::api {

std::vector<DispatchOutput> outputsFromJson(const json::Value& outputs, const std::string& where) {
    if (!outputs.isArray()) {
        throw EngineError(where + ": expected an array of {dispatch_id, changes}");
    }
    std::vector<DispatchOutput> out;
    for (std::size_t i = 0; i < outputs.asArray().size(); ++i) {
        const auto& item = outputs.asArray()[i];
        const std::string at = where + "[" + std::to_string(i) + "]";
        const json::Value* id = item.find("dispatch_id");
        const json::Value* changes = item.find("changes");
        if (id == nullptr || changes == nullptr) {
            throw EngineError(at + ": expected {\"dispatch_id\", \"changes\"}");
        }
        if (!json::isWholeNumber(*id, 0, json::kMaxU32)) {
            throw EngineError(at + ".dispatch_id: expected a whole number from 0 to 4294967295");
        }
        out.push_back(
            {static_cast<std::uint32_t>(id->asNumber()), changesFromJson(*changes, at + ".changes")});
    }
    return out;
}

json::Value toJson(const PrepareResult& result) {
    json::Object o;
    addMember(o, "changes", pipeline::toJson(result.changes));
    addMember(o, "concern_changes", pipeline::toJson(result.concernChanges));
    addMember(o, "execution_plan", result.plan.empty() ? json::Value() : result.plan.toJson());
    return json::Value(std::move(o));
}

json::Value prepare(Pipeline& pipeline, const json::Value& changes) {
    return toJson(pipeline.prepare(changesFromJson(changes, "changes")));
}

json::Value finalize(Pipeline& pipeline, const json::Value& outputs) {
    FinalizeResult r = pipeline.finalize(outputsFromJson(outputs, "outputs"));
    json::Object o;
    addMember(o, "final_changes", pipeline::toJson(r.finalChanges));
    return json::Value(std::move(o));
}

json::Value createDispatchPlan(Pipeline& pipeline) {
    return pipeline.createDispatchPlan().toJson();
}

json::Value routeProducedChanges(Pipeline& pipeline, std::size_t level, const json::Value& produced) {
    return pipeline.routeProducedChanges(level, outputsFromJson(produced, "produced")).toJson();
}

} // namespace bi::pipeline::api
