// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/Commands.h"
#include "core/EngineError.h"

#include <gtest/gtest.h>

using bi::api::runScenario;

namespace {
const char* kScenario = R"({"format":"boundary-inspector/scenario@1","name":"t",
  "state":{"a":1,"b":{"c":2}},
  "batches":[[["a",1],["b.c",3]],[["b",{"c":3}],["d",null]]]})";
}

TEST(Commands, RunFiltersNoOpsAndReportsFinalState) {
    auto out = runScenario(kScenario, {});
    EXPECT_EQ(out.json,
              R"({"scenario":"t","registration_changes":[],"runs":[)"
              R"({"input":[{"path":"a","value":1},{"path":"b.c","value":3}],"changes":[{"path":"b.c","value":3}],)"
              R"("concern_changes":[],"execution_plan":null,"dispatches":[],"final_changes":[{"path":"b.c","value":3}],"calls":2},)"
              R"({"input":[{"path":"b","value":{"c":3}},{"path":"d","value":null}],"changes":[{"path":"d","value":null}],)"
              R"("concern_changes":[],"execution_plan":null,"dispatches":[],"final_changes":[{"path":"d","value":null}],"calls":2}],)"
              R"("final_state":{"a":1,"b":{"c":3},"d":null}})");
}

TEST(Commands, MalformedScenarioNamesLineAndColumn) {
    try {
        runScenario("{\"format\":\n  oops}", {});
        FAIL();
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2, column 3"), std::string::npos) << e.what();
    }
}

TEST(Commands, FailingBatchNamesTheBatch) {
    try {
        runScenario(R"({"format":"boundary-inspector/scenario@1","state":{"a":1},"batches":[[],[["a.b",2]]]})", {});
        FAIL();
    } catch (const bi::EngineError& e) {
        EXPECT_NE(std::string(e.what()).find("batch 1"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("a.b"), std::string::npos) << e.what();
    }
}

TEST(Commands, WithTimingsAppendsLastMember) {
    EXPECT_EQ(bi::api::withTimings(R"({"a":1})", "[]"), R"({"a":1,"timings":[]})");
    EXPECT_EQ(bi::api::withTimings("{}", "[]"), R"({"timings":[]})");
}

// Crossings count open + every batch's calls + report, as the wasm host counts them.
TEST(Commands, RunCountsItsCrossingsLikeTheWasmHost) {
    EXPECT_EQ(runScenario(kScenario, {}).crossings, 2 + 2 + 2);
    const char* nested = R"({"format":"boundary-inspector/scenario@1","name":"n","state":{"a":{"b":{"c":0}}},
      "listeners":[{"id":"deep","path":"a.b.c"},{"id":"mid","path":"a.b"},{"id":"top","path":"a"}],
      "batches":[[["a.b.c",1]]]})";
    bi::api::RunOptions legacy;
    legacy.strategy = "legacy";
    // prepare, createDispatchPlan, one route per level (3), finalize: 6 calls in the batch.
    EXPECT_EQ(runScenario(nested, legacy).crossings, 2 + 6);
    EXPECT_EQ(runScenario(nested, {}).crossings, 2 + 2);
}
