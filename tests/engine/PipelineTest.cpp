// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "pipeline/ExecutionCursor.h"
#include "pipeline/PipelineApi.h"
#include "pipeline/RunDriver.h"
#include "pipeline/Scenario.h"
#include "pipeline/ScenarioListeners.h"
#include "api/Commands.h"

#include <gtest/gtest.h>

#include <map>
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

namespace {

// An independent replay target: a plain JSON tree written by dot path, with
// the shadow's rules (missing keys and null intermediates become objects,
// array segments are indices).
void replaySet(bi::json::Value& root, const std::string& path, bi::json::Value value) {
    bi::json::Value* node = &root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool last = dot == std::string::npos;
        if (node->isNull()) {
            *node = bi::json::Value::object();
        }
        bi::json::Value* next = nullptr;
        if (node->isArray()) {
            next = &node->asArray().at(static_cast<std::size_t>(std::stoul(seg)));
        } else {
            next = node->find(seg);
            if (next == nullptr) {
                next = &node->set(seg, last ? bi::json::Value() : bi::json::Value::object());
            }
        }
        if (last) {
            *next = std::move(value);
            return;
        }
        node = next;
        start = dot + 1;
    }
}

// Random pipelines over nested objects and arrays with sync, flip,
// aggregation, computation and listeners that produce; values keep the
// tree's shape so every batch is valid.
class RandomPipeline {
public:
    explicit RandomPipeline(unsigned seed) : rng_(seed) {
        for (int g = 0; g < 3; ++g) {
            groups_.push_back("g" + std::to_string(g));
        }
        for (const auto& g : groups_) {
            for (int k = 0; k < 3; ++k) {
                leaves_.push_back(g + ".k" + std::to_string(k));
            }
            leaves_.push_back(g + ".sub.x");
            leaves_.push_back(g + ".sub.y");
            leaves_.push_back(g + ".arr.0");
            leaves_.push_back(g + ".arr.2");
        }
    }

    int pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
    const std::string& leaf() { return leaves_[static_cast<std::size_t>(pick(static_cast<int>(leaves_.size())))]; }

    bi::json::Value groupValue() {
        bi::json::Value g = bi::json::Value::object();
        for (int k = 0; k < 3; ++k) {
            g.set("k" + std::to_string(k), pick(3));
        }
        g.set("sub", subValue());
        bi::json::Value arr = bi::json::Value::array();
        for (int i = 0; i < 3; ++i) {
            arr.push(pick(3));
        }
        g.set("arr", arr);
        return g;
    }
    bi::json::Value subValue() {
        bi::json::Value sub = bi::json::Value::object();
        sub.set("x", pick(3));
        sub.set("y", pick(3));
        return sub;
    }
    bi::json::Value state() {
        bi::json::Value root = bi::json::Value::object();
        for (const auto& g : groups_) {
            root.set(g, groupValue());
        }
        return root;
    }

    SideEffects sideEffects() {
        SideEffects fx;
        for (int i = 0; i < 3; ++i) {
            const std::string a = leaf();
            const std::string b = leaf();
            if (a != b) {
                fx.syncPairs.push_back({a, b, pick(2) == 0});
            }
            fx.flipPairs.emplace_back(leaf(), leaf());
        }
        for (int t = 0; t < 2; ++t) {
            for (int i = 0; i < 2; ++i) {
                fx.aggregations.push_back({"agg.t" + std::to_string(t), leaf(), std::nullopt});
            }
            fx.computations.push_back({t == 0 ? "SUM" : "AVG", "comp.c" + std::to_string(t), leaf(), std::nullopt});
            fx.computations.push_back({t == 0 ? "SUM" : "AVG", "comp.c" + std::to_string(t), leaf(), std::nullopt});
        }
        return fx;
    }

    std::vector<ScenarioListener> listeners() {
        std::vector<ScenarioListener> out;
        const std::vector<std::string> topics{"", groups_[0], groups_[1] + ".sub", leaf(), groups_[2]};
        for (std::size_t i = 0; i < topics.size(); ++i) {
            ScenarioListener l;
            l.spec = {"L" + std::to_string(i), {topics[i]}, topics[i], ""};
            l.produce.push_back({"out.l" + std::to_string(i), bi::state::Value(static_cast<double>(pick(3))), std::nullopt,
                                 std::nullopt});
            l.produce.push_back({leaf(), std::nullopt, std::string("k0"), std::nullopt}); // copies a relative input
            l.produce.push_back({leaf(), bi::state::Value(static_cast<double>(pick(3))), std::nullopt, std::nullopt});
            out.push_back(std::move(l));
        }
        return out;
    }

    ChangeList batch() {
        ChangeList b;
        for (int i = 0, n = 1 + pick(4); i < n; ++i) {
            const int kind = pick(10);
            const std::string& g = groups_[static_cast<std::size_t>(pick(3))];
            if (kind == 0) {
                b.push_back({g, bi::state::Value::fromJson(groupValue())});
            } else if (kind == 1) {
                b.push_back({g + ".sub", bi::state::Value::fromJson(subValue())});
            } else if (kind == 2) {
                b.push_back({"agg.t" + std::to_string(pick(2)), bi::state::Value(static_cast<double>(pick(4)))});
            } else {
                b.push_back({leaf(), bi::state::Value(static_cast<double>(pick(4)))});
            }
        }
        return b;
    }

private:
    std::mt19937 rng_;
    std::vector<std::string> groups_;
    std::vector<std::string> leaves_;
};

} // namespace

// Random nested states with every kind of registration and producing
// listeners: after each run the shadow must equal an independent replay of
// final_changes onto a plain JSON tree (both strategies), and a rolled-back
// run must restore the tree exactly.
TEST(PipelineProperty, ShadowEqualsReplayOfFinalChanges) {
    std::map<std::string, int> seen; // final changes by first segment: the generator must reach every kind
    for (unsigned seed = 1; seed <= 40; ++seed) {
        RandomPipeline gen(seed);
        Pipeline p(gen.state());
        p.registerSideEffects(gen.sideEffects());
        const std::vector<ScenarioListener> listeners = gen.listeners();
        for (const auto& l : listeners) {
            p.registerListener(l.spec);
        }
        ScenarioListeners handlers(listeners);
        bi::json::Value replay = p.shadow().root().toJson();
        for (int run = 0; run < 15; ++run) {
            const ChangeList batch = gen.batch();
            const Strategy strategy = run % 2 == 0 ? Strategy::Plan : Strategy::Legacy;
            RunRecord rec = runBatch(p, batch, handlers, strategy);
            for (const auto& c : rec.finalized.finalChanges) {
                replaySet(replay, c.path, c.value.toJson());
                ++seen[c.path.substr(0, c.path.find('.'))];
            }
            ASSERT_EQ(write(p.shadow().root().toJson()), write(replay)) << "seed " << seed << " run " << run;
            const std::string before = write(p.shadow().root().toJson());
            p.prepare(batch);
            p.abort();
            ASSERT_EQ(write(p.shadow().root().toJson()), before) << "seed " << seed << " run " << run;
        }
    }
    for (const char* kind : {"g0", "g1", "g2", "agg", "comp", "out"}) {
        EXPECT_GT(seen[kind], 0) << kind;
    }
}

// The stages keep shadow lookup hints by list position between runs (batch,
// apply, concerns, sync/flip output, listener output). Batches that move paths
// to other positions and replace the subtrees the hints named must give what a
// fresh pipeline (no hints) gives from the same state.
TEST(Pipeline, PositionHintsFollowPathsThatMoveOrAreReplaced) {
    const char* text = R"({"format":"boundary-inspector/scenario@1","name":"hints",
      "state":{"billing":{"email":"a"},"shipping":{"email":"a"},"flags":{"express":false,"standard":true}},
      "sideEffects":{"syncPaths":[["billing.email","shipping.email"]],"flipPaths":[["flags.express","flags.standard"]]},
      "concerns":{"shipping.email":{"disabledWhen":{"boolLogic":{"IS_EQUAL":["flags.express",true]}}}},
      "listeners":[{"id":"L0","path":"shipping","scope":null,"produce":[{"path":"audit.lastEmail","fromChange":"email"}]}],
      "batches":[[["billing.email","b"],["flags.express",true]],
                 [["flags.express",false],["billing.email","c"]],
                 [["billing",{"email":"d","extra":1}],["flags",{"express":true,"standard":false}]],
                 [["flags.express",false],["billing.extra",2],["billing.email","f"]],
                 [["billing.email","g"],["flags.express",true]]]})";
    Loaded hinted(text);
    ScenarioListeners handlers(hinted.scenario.listeners);
    for (const auto& batch : hinted.scenario.batches) {
        const std::string before = state(hinted.pipeline);
        Scenario fresh = parseScenario(text);
        Pipeline oracle(parse(before));
        bi::api::registerScenario(oracle, fresh);
        // registerScenario may write initial changes; the oracle starts from the hinted pipeline's state.
        ASSERT_EQ(state(oracle), before);
        ScenarioListeners oracleHandlers(fresh.listeners);
        RunRecord a = runBatch(hinted.pipeline, batch, handlers, Strategy::Plan);
        RunRecord b = runBatch(oracle, batch, oracleHandlers, Strategy::Plan);
        EXPECT_EQ(write(toJson(a.finalized.finalChanges)), write(toJson(b.finalized.finalChanges)));
        EXPECT_EQ(state(hinted.pipeline), state(oracle));
        EXPECT_EQ(hinted.pipeline.shadow().root().hash(), oracle.shadow().root().hash());
    }
}
