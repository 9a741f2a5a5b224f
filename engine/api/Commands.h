// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's command surface, shared word for word by the native `bi` tool
// and the wasm bindings so that both produce the same bytes.
#pragma once

#include "core/Json.h"
#include "pipeline/Change.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bi::pipeline {
class Pipeline;
struct PipelineOptions;
struct Scenario;
struct RunRecord;
} // namespace bi::pipeline

namespace bi::api {

// Times measured inside the engine, in microseconds.
struct EnginePhases {
    double decode = 0;
    double compute = 0;
    double encode = 0;
};

struct CommandOutput {
    std::string json; // the result document, compact JSON without timings
    EnginePhases phases;
    // Engine API calls the command makes, counted the same natively and in wasm:
    // 1 for an extraction; for a run, opening the session (parse + register), every
    // batch's calls (the report's runs[].calls) and fetching the report.
    int crossings = 1;
};

struct RunOptions {
    std::string strategy = "plan"; // "plan" or "legacy"
    bool trace = false;            // adds per-run "trace" and top-level "registrations"
    std::size_t maxListenerWrites = 0; // 0: the scenario's "options.maxListenerWrites", else 1000
};

// `bi run`: loads a scenario, runs every batch, returns the run report.
// Throws EngineError on bad input.
CommandOutput runScenario(std::string_view scenarioText, const RunOptions& options);

// The pipeline options of a run: the command line's over the scenario's "options".
pipeline::PipelineOptions pipelineOptionsFor(const pipeline::Scenario& scenario, const RunOptions& options);

// Registers a parsed scenario's side effects, concerns and listeners. Returns what
// registration wrote (initial syncs, computations, concerns), in registration order.
pipeline::ChangeList registerScenario(pipeline::Pipeline& engine, const pipeline::Scenario& scenario);

// The `bi run` report of finished runs: {"scenario","registration_changes","runs",
// "final_state"} (with
// "registrations" when tracing). Shared by runScenario and the wasm pipeline
// sessions, so a host-driven run prints the same bytes.
json::Value runReport(const std::string& scenarioName, const pipeline::ChangeList& registrationChanges,
                      const std::vector<pipeline::RunRecord>& runs, const pipeline::Pipeline& engine, bool trace);

// Appends `"timings":[...]` as the last member of a result object.
std::string withTimings(const std::string& resultJson, const std::string& timingsArrayJson);

} // namespace bi::api
