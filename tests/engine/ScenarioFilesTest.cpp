// SPDX-License-Identifier: GPL-3.0-or-later
// Every tests/scenarios/NAME.scenario.json against NAME.expected.json (the
// `bi run` output, or {"error": message}), and plan-vs-legacy equality on
// every scenario file of the repository.
#include "api/Commands.h"
#include "core/EngineError.h"
#include "core/Json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using bi::json::Value;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> scenarioFiles(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) {
        return out;
    }
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.size() > 14 && name.substr(name.size() - 14) == ".scenario.json") {
            out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Output or {"error": message} for a scenario under one strategy.
std::string runOrError(const std::string& text, const std::string& strategy) {
    bi::api::RunOptions options;
    options.strategy = strategy;
    try {
        return bi::api::runScenario(text, options).json;
    } catch (const bi::EngineError& e) {
        Value err = Value::object();
        err.set("error", std::string(e.what()));
        return bi::json::write(err);
    }
}

// What must not depend on the strategy: every dispatch's input and output, the
// final changes and the final state.
Value strategyIndependent(const std::string& output) {
    Value doc = bi::json::parse(output);
    if (doc.find("error") != nullptr) {
        return doc;
    }
    Value out = Value::array();
    for (const auto& run : doc.find("runs")->asArray()) {
        Value r = Value::object();
        r.set("changes", *run.find("changes"));
        r.set("concern_changes", *run.find("concern_changes"));
        r.set("dispatches", *run.find("dispatches"));
        r.set("final_changes", *run.find("final_changes"));
        out.push(r);
    }
    out.push(*doc.find("final_state"));
    return out;
}

// Durations are the trace's only nondeterministic values: every one becomes 0.
void zeroDurations(Value& v) {
    if (v.isArray()) {
        for (auto& item : v.asArray()) {
            zeroDurations(item);
        }
    } else if (v.isObject()) {
        for (auto& [key, member] : v.asObject()) {
            if (key == "duration_us") {
                member = Value(0);
            } else {
                zeroDurations(member);
            }
        }
    }
}

const fs::path kTestsDir = BI_TEST_DATA_DIR;

} // namespace

TEST(ScenarioFiles, MatchTheirExpectedOutput) {
    const auto files = scenarioFiles(kTestsDir / "scenarios");
    ASSERT_GE(files.size(), 10u);
    for (const auto& file : files) {
        std::string base = file.string();
        base.resize(base.size() - std::string(".scenario.json").size());
        const fs::path expected = base + ".expected.json";
        ASSERT_TRUE(fs::exists(expected)) << expected;
        const std::string actual = runOrError(readText(file), "plan");
        EXPECT_EQ(bi::json::write(bi::json::parse(readText(expected))), actual) << file;
    }
}

TEST(ScenarioFiles, PlanAndLegacyGiveTheSameListenerInputsAndState) {
    std::vector<fs::path> files = scenarioFiles(kTestsDir / "scenarios");
    const auto resources = scenarioFiles(kTestsDir.parent_path() / "resources");
    files.insert(files.end(), resources.begin(), resources.end());
    for (const auto& file : files) {
        const std::string text = readText(file);
        EXPECT_EQ(bi::json::write(strategyIndependent(runOrError(text, "plan"))),
                  bi::json::write(strategyIndependent(runOrError(text, "legacy"))))
            << file;
    }
}

// NAME.trace.expected.json, where present: the `bi run --trace` output (stages,
// groups with their state after each, dispatch timings, registrations snapshot)
// with durations zeroed.
TEST(ScenarioFiles, TracedRunsMatchTheirGoldenTrace) {
    int checked = 0;
    for (const auto& file : scenarioFiles(kTestsDir / "scenarios")) {
        std::string base = file.string();
        base.resize(base.size() - std::string(".scenario.json").size());
        const fs::path expected = base + ".trace.expected.json";
        if (!fs::exists(expected)) {
            continue;
        }
        bi::api::RunOptions options;
        options.trace = true;
        Value actual = bi::json::parse(bi::api::runScenario(readText(file), options).json);
        zeroDurations(actual);
        EXPECT_EQ(bi::json::write(bi::json::parse(readText(expected))), bi::json::write(actual)) << file;
        ++checked;
    }
    EXPECT_GE(checked, 2);
}
