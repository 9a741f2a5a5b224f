// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/Commands.h"

#include "core/EngineError.h"
#include "pipeline/JsonBuild.h"
#include "pipeline/RunDriver.h"
#include "pipeline/Scenario.h"
#include "pipeline/ScenarioListeners.h"
#include "trace/TimingRecord.h"

namespace bi::api {

namespace {

json::Value dispatchesJson(const std::vector<pipeline::DispatchRecord>& records) {
    json::Array out;
    for (const auto& r : records) {
        json::Object o;
        pipeline::addMember(o, "dispatch_id", json::Value(static_cast<double>(r.dispatch.id)));
        pipeline::addMember(o, "listener", json::Value(r.dispatch.listener));
        pipeline::addMember(o, "input", pipeline::toJson(r.input));
        pipeline::addMember(o, "output", pipeline::toJson(r.output));
        out.emplace_back(std::move(o));
    }
    return json::Value(std::move(out));
}

json::Value traceJson(const pipeline::RunRecord& run) {
    json::Array stages;
    for (const auto& s : run.stages) {
        stages.push_back(s.toJson());
    }
    json::Array groups;
    for (const auto& g : run.finalized.groups) {
        json::Array ids;
        for (auto id : g.dispatches) {
            ids.emplace_back(static_cast<double>(id));
        }
        json::Object o;
        pipeline::addMember(o, "group", json::Value(static_cast<double>(g.group)));
        pipeline::addMember(o, "dispatch_ids", json::Value(std::move(ids)));
        pipeline::addMember(o, "diff", pipeline::toJson(g.diff));
        pipeline::addMember(o, "state_after", g.stateAfter);
        groups.emplace_back(std::move(o));
    }
    json::Array timings;
    for (const auto& r : run.dispatches) {
        json::Object o;
        pipeline::addMember(o, "dispatch_id", json::Value(static_cast<double>(r.dispatch.id)));
        pipeline::addMember(o, "duration_us", json::Value(r.durationUs));
        timings.emplace_back(std::move(o));
    }
    json::Object out;
    pipeline::addMember(out, "stages", json::Value(std::move(stages)));
    pipeline::addMember(out, "groups", json::Value(std::move(groups)));
    pipeline::addMember(out, "dispatch_timings", json::Value(std::move(timings)));
    return json::Value(std::move(out));
}

json::Value runJson(const pipeline::RunRecord& run, bool withTrace) {
    json::Object r;
    pipeline::addMember(r, "input", pipeline::toJson(run.input));
    pipeline::addMember(r, "changes", pipeline::toJson(run.prepared.changes));
    pipeline::addMember(r, "concern_changes", pipeline::toJson(run.prepared.concernChanges));
    pipeline::addMember(r, "execution_plan", run.executionPlan);
    pipeline::addMember(r, "dispatches", dispatchesJson(run.dispatches));
    pipeline::addMember(r, "final_changes", pipeline::toJson(run.finalized.finalChanges));
    pipeline::addMember(r, "calls", json::Value(run.calls));
    if (withTrace) {
        pipeline::addMember(r, "trace", traceJson(run));
    }
    return json::Value(std::move(r));
}

} // namespace

pipeline::ChangeList registerScenario(pipeline::Pipeline& engine, const pipeline::Scenario& scenario) {
    pipeline::ChangeList written;
    for (const auto& fx : scenario.sideEffects) {
        pipeline::appendMoved(written, engine.registerSideEffects(fx));
    }
    pipeline::appendMoved(written, engine.registerConcerns(scenario.concerns));
    for (const auto& l : scenario.listeners) {
        engine.registerListener(l.spec);
    }
    return written;
}

pipeline::PipelineOptions pipelineOptionsFor(const pipeline::Scenario& scenario, const RunOptions& options) {
    pipeline::PipelineOptions out;
    out.trace = options.trace;
    out.maxListenerWrites = options.maxListenerWrites != 0
                                ? options.maxListenerWrites
                                : (scenario.maxListenerWrites != 0 ? scenario.maxListenerWrites : 1000);
    out.flipInvertsBooleans = scenario.flipInvertsBooleans;
    return out;
}

CommandOutput runScenario(std::string_view scenarioText, const RunOptions& options) {
    if (options.strategy != "plan" && options.strategy != "legacy") {
        throw EngineError("unknown strategy '" + options.strategy + "' (expected plan or legacy)");
    }
    const auto strategy = options.strategy == "plan" ? pipeline::Strategy::Plan : pipeline::Strategy::Legacy;
    CommandOutput out;
    double t0 = trace::nowMicros();
    pipeline::Scenario scenario = pipeline::parseScenario(scenarioText);
    double t1 = trace::nowMicros();

    pipeline::Pipeline engine(scenario.state, pipelineOptionsFor(scenario, options));
    const pipeline::ChangeList registrationChanges = registerScenario(engine, scenario);
    pipeline::ScenarioListeners handlers(scenario.listeners);
    std::vector<pipeline::RunRecord> runs;
    runs.reserve(scenario.batches.size());
    for (std::size_t i = 0; i < scenario.batches.size(); ++i) {
        try {
            runs.push_back(pipeline::runBatch(engine, scenario.batches[i], handlers, strategy));
        } catch (const EngineError& e) {
            throw EngineError("batch " + std::to_string(i) + ": " + e.what());
        }
    }
    double t2 = trace::nowMicros();

    out.json = json::write(runReport(scenario.name, registrationChanges, runs, engine, options.trace));
    double t3 = trace::nowMicros();
    out.phases = {t1 - t0, t2 - t1, t3 - t2};
    out.crossings = 2;
    for (const auto& run : runs) {
        out.crossings += run.calls;
    }
    return out;
}

json::Value runReport(const std::string& scenarioName, const pipeline::ChangeList& registrationChanges,
                      const std::vector<pipeline::RunRecord>& runs, const pipeline::Pipeline& engine, bool trace) {
    json::Object doc;
    pipeline::addMember(doc, "scenario", json::Value(scenarioName));
    pipeline::addMember(doc, "registration_changes", pipeline::toJson(registrationChanges));
    json::Array runList;
    for (const auto& run : runs) {
        runList.push_back(runJson(run, trace));
    }
    pipeline::addMember(doc, "runs", json::Value(std::move(runList)));
    if (trace) {
        pipeline::addMember(doc, "registrations", engine.registrationsSnapshot());
    }
    pipeline::addMember(doc, "final_state", engine.shadow().root().toJson());
    return json::Value(std::move(doc));
}

std::string withTimings(const std::string& resultJson, const std::string& timingsArrayJson) {
    std::string s = resultJson;
    if (!s.empty() && s.back() == '}') {
        s.pop_back();
        if (s.size() > 1) {
            s += ',';
        }
        s += "\"timings\":";
        s += timingsArrayJson;
        s += '}';
    }
    return s;
}

} // namespace bi::api
