// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "pipeline/ExecutionCursor.h"
#include "pipeline/PipelineApi.h"
#include "pipeline/RunDriver.h"
#include "pipeline/Scenario.h"
#include "pipeline/ScenarioListeners.h"
#include "api/Commands.h"

#include <gtest/gtest.h>

#include <random>

using namespace bi::pipeline;
using bi::json::parse;
using bi::json::write;

namespace {

const char* kNested = R"({"format":"boundary-inspector/scenario@1","name":"nested",
  "state":{"a":{"b":{"c":0}}},
  "listeners":[
    {"id":"deep","path":"a.b.c","produce":[{"path":"a.b.fromDeep","value":1}]},
    {"id":"mid","path":"a.b","produce":[{"path":"a.fromMid","fromChange":"fromDeep"}]},
    {"id":"top","path":"a","produce":[{"path":"log","fromChange":"fromMid"}]}],
  "batches":[[["a.b.c",5]]]})";

struct Loaded {
    Scenario scenario;
    Pipeline pipeline;
    explicit Loaded(const char* text) : scenario(parseScenario(text)), pipeline(scenario.state) {
        bi::api::registerScenario(pipeline, scenario);
    }
};

std::string state(const Pipeline& p) { return write(p.shadow().root().toJson()); }

} // namespace

TEST(Pipeline, PlanForwardsAbsoluteOutputToShallowerLevels) {
    Loaded s(kNested);
    ScenarioListeners handlers(s.scenario.listeners);
    RunRecord run = runBatch(s.pipeline, s.scenario.batches[0], handlers, Strategy::Plan);
    ASSERT_EQ(run.dispatches.size(), 3u);
    EXPECT_EQ(write(toJson(run.dispatches[1].input)), R"([{"path":"c","value":5},{"path":"fromDeep","value":1}])");
    EXPECT_EQ(state(s.pipeline), R"({"a":{"b":{"c":5,"fromDeep":1},"fromMid":1},"log":1})");
    EXPECT_EQ(run.calls, 2);
}

TEST(Pipeline, LegacyFlowMatchesPlanAndCountsCalls) {
    Loaded plan(kNested);
    Loaded legacy(kNested);
    ScenarioListeners h1(plan.scenario.listeners);
    ScenarioListeners h2(legacy.scenario.listeners);
    RunRecord a = runBatch(plan.pipeline, plan.scenario.batches[0], h1, Strategy::Plan);
    RunRecord b = runBatch(legacy.pipeline, legacy.scenario.batches[0], h2, Strategy::Legacy);
    ASSERT_EQ(a.dispatches.size(), b.dispatches.size());
    for (std::size_t i = 0; i < a.dispatches.size(); ++i) {
        EXPECT_EQ(a.dispatches[i].input, b.dispatches[i].input);
    }
    EXPECT_EQ(state(plan.pipeline), state(legacy.pipeline));
    EXPECT_EQ(b.calls, 2 + 1 + 3); // prepare, finalize, createDispatchPlan, one route per level
}

TEST(Pipeline, FailedRunLeavesTheShadowUnchanged) {
    Loaded s(R"({"format":"boundary-inspector/scenario@1","state":{"a":1,"p":5},
      "sideEffects":{"syncPaths":[["a","b"]]},
      "listeners":[{"id":"bad","path":"a","produce":[{"path":"p.x","value":1}]}],
      "batches":[[["a",2]]]})");
    const std::string before = state(s.pipeline);
    ScenarioListeners handlers(s.scenario.listeners);
    EXPECT_THROW(runBatch(s.pipeline, s.scenario.batches[0], handlers, Strategy::Plan), bi::EngineError);
    EXPECT_EQ(state(s.pipeline), before);
    EXPECT_FALSE(s.pipeline.runOpen());
}

TEST(Pipeline, CrossingApiRoundTripsJson) {
    Loaded s(kNested);
    bi::json::Value prepared = api::prepare(s.pipeline, parse(R"([["a.b.c",7]])"));
    const auto& plan = *prepared.find("execution_plan");
    EXPECT_EQ(plan.find("groups")->asArray().size(), 3u);
    EXPECT_EQ(write(ExecutionPlan::fromJson(plan).toJson()), write(plan));
    bi::json::Value level = api::createDispatchPlan(s.pipeline);
    EXPECT_EQ(level.find("level")->asNumber(), 3);
    level = api::routeProducedChanges(s.pipeline, 3, parse(R"([{"dispatch_id":0,"changes":[["a.b.fromDeep",2]]}])"));
    EXPECT_EQ(write(*level.find("groups")), R"([[{"dispatch_id":1,"subscriber_id":"mid","scope_path":"a.b",)"
                                            R"("topic_path":"a.b","changes":[{"path":"c","value":7},{"path":"fromDeep","value":2}]}]])");
    bi::json::Value fin = api::finalize(s.pipeline, parse(R"([{"dispatch_id":0,"changes":[["a.b.fromDeep",2]]}])"));
    EXPECT_EQ(write(fin), R"({"final_changes":[{"path":"a.b.c","value":7},{"path":"a.b.fromDeep","value":2}]})");
}

TEST(ExecutionCursor, StepsGroupsAndGoesBackByReplaying) {
    Loaded s(kNested);
    ScenarioListeners handlers(s.scenario.listeners);
    ExecutionCursor cursor(s.pipeline, s.scenario.batches[0], handlers);
    ASSERT_EQ(cursor.groupCount(), 3u);
    EXPECT_EQ(write(cursor.state().root().toJson()), R"({"a":{"b":{"c":5}}})");
    ASSERT_TRUE(cursor.step());
    EXPECT_EQ(write(toJson(cursor.lastDiff())), R"([{"path":"a.b.fromDeep","value":1}])");
    ASSERT_TRUE(cursor.step());
    EXPECT_EQ(write(toJson(cursor.lastDiff())), R"([{"path":"a.fromMid","value":1}])");
    const std::string afterTwo = write(cursor.state().root().toJson());
    ASSERT_TRUE(cursor.back());
    EXPECT_EQ(cursor.position(), 1u);
    EXPECT_EQ(write(cursor.state().root().toJson()), R"({"a":{"b":{"c":5,"fromDeep":1}}})");
    ASSERT_TRUE(cursor.step());
    EXPECT_EQ(write(cursor.state().root().toJson()), afterTwo);
    FinalizeResult fin = cursor.finish();
    EXPECT_EQ(state(s.pipeline), R"({"a":{"b":{"c":5,"fromDeep":1},"fromMid":1},"log":1})");
    EXPECT_EQ(fin.finalChanges.size(), 4u);
}

TEST(ExecutionCursor, DestructionAbortsTheRun) {
    Loaded s(kNested);
    ScenarioListeners handlers(s.scenario.listeners);
    const std::string before = state(s.pipeline);
    {
        ExecutionCursor cursor(s.pipeline, s.scenario.batches[0], handlers);
        cursor.step();
    }
    EXPECT_EQ(state(s.pipeline), before);
}

// Random states, sync/flip registrations and batches: the shadow after each
// run must equal an independent replay of final_changes onto a plain JSON tree,
// and a rolled-back run must restore the tree exactly.
TEST(PipelineProperty, ShadowEqualsReplayOfFinalChanges) {
    for (unsigned seed = 1; seed <= 25; ++seed) {
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        const char* groups[] = {"g0", "g1", "g2"};
        const char* keys[] = {"k0", "k1", "k2", "k3"};
        bi::json::Value root = bi::json::Value::object();
        for (auto g : groups) {
            bi::json::Value obj = bi::json::Value::object();
            for (auto k : keys) {
                obj.set(k, pick(3));
            }
            root.set(g, obj);
        }
        auto path = [&]() { return std::string(groups[pick(3)]) + "." + keys[pick(4)]; };
        Pipeline p(root);
        SideEffects fx;
        for (int i = 0; i < 3; ++i) {
            fx.syncPairs.push_back({path(), path(), pick(2) == 0});
            fx.flipPairs.emplace_back(path(), path());
        }
        fx.syncPairs.erase(std::remove_if(fx.syncPairs.begin(), fx.syncPairs.end(),
                                          [](const SyncPair& sp) { return sp.from == sp.to; }),
                           fx.syncPairs.end());
        p.registerSideEffects(fx);
        bi::json::Value replay = p.shadow().root().toJson();
        for (int run = 0; run < 20; ++run) {
            ChangeList batch;
            for (int i = 0, n = 1 + pick(4); i < n; ++i) {
                batch.push_back({path(), bi::state::Value(static_cast<double>(pick(4)))});
            }
            p.prepare(batch);
            FinalizeResult fin = p.finalize({});
            for (const auto& c : fin.finalChanges) {
                const auto dot = c.path.find('.');
                replay.find(c.path.substr(0, dot))->set(c.path.substr(dot + 1), c.value.toJson());
            }
            ASSERT_EQ(write(p.shadow().root().toJson()), write(replay)) << "seed " << seed << " run " << run;
            const std::string before = write(p.shadow().root().toJson());
            p.prepare(batch);
            p.abort();
            ASSERT_EQ(write(p.shadow().root().toJson()), before);
        }
    }
}
