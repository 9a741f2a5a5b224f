// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/Commands.h"

#include "core/EngineError.h"
#include "pipeline/Pipeline.h"
#include "pipeline/Scenario.h"
#include "trace/TimingRecord.h"

namespace bi::api {

CommandOutput runScenario(std::string_view scenarioText, const RunOptions& options) {
    if (options.strategy != "plan" && options.strategy != "legacy") {
        throw EngineError("unknown strategy '" + options.strategy + "' (expected plan or legacy)");
    }
    CommandOutput out;
    double t0 = trace::nowMicros();
    pipeline::Scenario scenario = pipeline::parseScenario(scenarioText);
    double t1 = trace::nowMicros();

    pipeline::Pipeline engine(scenario.state);
    std::vector<pipeline::RunResult> runs;
    runs.reserve(scenario.batches.size());
    for (std::size_t i = 0; i < scenario.batches.size(); ++i) {
        try {
            runs.push_back(engine.processChanges(scenario.batches[i]));
        } catch (const EngineError& e) {
            throw EngineError("batch " + std::to_string(i) + ": " + e.what());
        }
    }
    double t2 = trace::nowMicros();

    json::Value doc = json::Value::object();
    doc.set("scenario", scenario.name);
    json::Value& runList = doc.set("runs", json::Value::array());
    for (const auto& run : runs) {
        json::Value r = json::Value::object();
        r.set("input", pipeline::toJson(run.input));
        r.set("changes", pipeline::toJson(run.changes));
        r.set("concern_changes", json::Value::array());
        r.set("execution_plan", json::Value());
        r.set("dispatches", json::Value::array());
        r.set("final_changes", pipeline::toJson(run.changes));
        r.set("calls", 1);
        runList.push(std::move(r));
    }
    doc.set("final_state", engine.shadow().root());
    out.json = json::write(doc);
    double t3 = trace::nowMicros();
    out.phases = {t1 - t0, t2 - t1, t3 - t2};
    return out;
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
