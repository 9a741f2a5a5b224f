// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's command surface, shared word for word by the native `bi` tool
// and the wasm bindings so that both produce the same bytes.
#pragma once

#include <string>
#include <string_view>

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
};

struct RunOptions {
    std::string strategy = "plan"; // "plan" or "legacy"
};

// `bi run`: loads a scenario, runs every batch, returns the run report.
// Throws EngineError on bad input.
CommandOutput runScenario(std::string_view scenarioText, const RunOptions& options);

// Appends `"timings":[...]` as the last member of a result object.
std::string withTimings(const std::string& resultJson, const std::string& timingsArrayJson);

} // namespace bi::api
