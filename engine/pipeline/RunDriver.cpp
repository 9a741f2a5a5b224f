// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RunDriver.h"

#include "core/EngineError.h"
#include "trace/TimingRecord.h"

namespace bi::pipeline {

namespace {

DispatchRecord callListener(Pipeline& pipeline, ListenerHandler& handler, const Dispatch& d, ChangeList input) {
    DispatchRecord rec{d, std::move(input), {}, 0};
    const double t0 = trace::nowMicros();
    rec.output = handler.call(ListenerCall{rec.dispatch, rec.input, pipeline.shadow()});
    rec.durationUs = trace::nowMicros() - t0;
    if (rec.output.size() > pipeline.options().maxListenerWrites) {
        throw EngineError("listener '" + d.listener + "' (dispatch " + std::to_string(d.id) + ") wrote " +
                          std::to_string(rec.output.size()) + " changes, more than the limit of " +
                          std::to_string(pipeline.options().maxListenerWrites));
    }
    return rec;
}

std::vector<DispatchOutput> outputsOf(const std::vector<DispatchRecord>& records) {
    std::vector<DispatchOutput> out;
    out.reserve(records.size());
    for (const auto& r : records) {
        out.push_back({r.dispatch.id, r.output});
    }
    return out;
}

void runPlan(Pipeline& pipeline, ListenerHandler& handler, RunRecord& rec) {
    const ExecutionPlan& plan = rec.prepared.plan;
    std::vector<ChangeList> pending(plan.dispatches.size());
    for (const auto& group : plan.groups) {
        for (auto id : group.dispatches) {
            const Dispatch& d = plan.dispatches[id];
            rec.dispatches.push_back(
                callListener(pipeline, handler, d, dispatchInput(d, rec.prepared.changes, pending[id])));
            const ChangeList& produced = rec.dispatches.back().output;
            for (auto target : plan.cascade[id]) {
                pending[target].insert(pending[target].end(), produced.begin(), produced.end());
            }
            for (const auto& target : plan.propagation[id]) {
                pending[target.dispatch].insert(pending[target.dispatch].end(), produced.begin(), produced.end());
            }
        }
    }
    rec.executionPlan = plan.empty() ? json::Value() : plan.toJson();
}

void runLegacy(Pipeline& pipeline, ListenerHandler& handler, RunRecord& rec) {
    json::Array levels;
    LegacyLevel level = pipeline.createDispatchPlan();
    ++rec.calls;
    while (!level.empty()) {
        levels.push_back(level.toJson());
        std::vector<DispatchOutput> produced;
        for (const auto& group : level.groups) {
            std::vector<ChangeList> cascade(group.size());
            for (std::size_t i = 0; i < group.size(); ++i) {
                ChangeList input = group[i].input;
                for (const auto& c : cascade[i]) {
                    if (topicMatches(c.path, group[i].dispatch.topic)) {
                        input.push_back({relativize(c.path, group[i].dispatch.topic), c.value});
                    }
                }
                rec.dispatches.push_back(callListener(pipeline, handler, group[i].dispatch, std::move(input)));
                const ChangeList& out = rec.dispatches.back().output;
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    cascade[j].insert(cascade[j].end(), out.begin(), out.end());
                }
                produced.push_back({group[i].dispatch.id, out});
            }
        }
        level = pipeline.routeProducedChanges(level.level, produced);
        ++rec.calls;
    }
    if (!levels.empty()) {
        json::Object plan;
        plan.emplace_back("levels", json::Value(std::move(levels)));
        rec.executionPlan = json::Value(std::move(plan));
    }
}

} // namespace

ChangeList dispatchInput(const Dispatch& d, const ChangeList& runChanges, const ChangeList& forwarded) {
    ChangeList input;
    input.reserve(d.inputChangeIds.size() + forwarded.size());
    for (auto id : d.inputChangeIds) {
        input.push_back({relativize(runChanges[id].path, d.topic), runChanges[id].value});
    }
    for (const auto& c : forwarded) {
        if (topicMatches(c.path, d.topic)) {
            input.push_back({relativize(c.path, d.topic), c.value});
        }
    }
    return input;
}

RunRecord runBatch(Pipeline& pipeline, const ChangeList& batch, ListenerHandler& handler, Strategy strategy) {
    RunRecord rec;
    rec.input = batch;
    rec.prepared = pipeline.prepare(batch);
    rec.calls = 1;
    try {
        if (strategy == Strategy::Plan) {
            runPlan(pipeline, handler, rec);
        } else {
            runLegacy(pipeline, handler, rec);
        }
        rec.stages = pipeline.stageTraces();
        rec.finalized = pipeline.finalize(outputsOf(rec.dispatches));
        ++rec.calls;
    } catch (...) {
        pipeline.abort();
        throw;
    }
    return rec;
}

} // namespace bi::pipeline
