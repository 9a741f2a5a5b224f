// SPDX-License-Identifier: GPL-3.0-or-later
// The run's changes carry path ids from stage to stage (one-way sync, logic
// dependencies, the plan's listener reach all remember their answers by id),
// and the C++ host reuses a listener's input buffer for the next dispatch on
// the same topic. None of it may show: every run must give what a fresh
// pipeline (no ids, no memos) gives from the same state, with every dispatch
// seeing what the legacy flow (its own input code) hands it.
#include "api/Commands.h"
#include "core/EngineError.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RunDriver.h"
#include "pipeline/Scenario.h"
#include "pipeline/ScenarioListeners.h"

#include <gtest/gtest.h>

#include <string>

using namespace bi::pipeline;
using bi::json::parse;
using bi::json::write;

namespace {

std::string state(const Pipeline& p) { return write(p.shadow().root().toJson()); }

// One-way sync by exact path, child expansion (catalog.c) and parent
// expansion (settings.currency below a written "settings"); concerns whose
// dependencies the batches write; three listeners sharing the topic
// "catalog" (one group: each sees the run and the output of those before
// it) and a deeper one.
const char* kCatalog = R"({"format":"boundary-inspector/scenario@1","name":"ids",
  "state":{"catalog":{"a":{"base":1,"price":1},"b":{"base":1},"c":{"base":1}},
           "settings":{"currency":"USD"},"copy":{}},
  "sideEffects":{"syncPaths":[["catalog.a.base","catalog.b.base",{"oneWay":"[0]->[1]"}],
                              ["catalog.c","copy.c",{"oneWay":"[0]->[1]"}],
                              ["settings.currency","catalog.a.currency",{"oneWay":"[0]->[1]"}]]},
  "concerns":{"catalog.a.price":{"disabledWhen":{"boolLogic":{"IS_EQUAL":["catalog.a.base",5]}}},
              "catalog.c":{"visibleWhen":{"boolLogic":{"EXISTS":"catalog.c.base"}}}},
  "listeners":[
    {"id":"cat0","path":"catalog",
     "produce":[{"path":"catalog.log0","fromChange":"a.base"},{"path":"catalog.n0","value":0}]},
    {"id":"cat1","path":"catalog",
     "produce":[{"path":"catalog.log1","fromChange":"log0"},{"path":"catalog.n1","value":1}]},
    {"id":"cat2","path":"catalog","produce":[{"path":"catalog.log2","fromChange":"log1"}]},
    {"id":"deep","path":"catalog.a","produce":[{"path":"catalog.a.seen","fromChange":"base"}]}],
  "batches":[]})";

struct Loaded {
    Scenario scenario;
    Pipeline pipeline;
    ScenarioListeners handlers;
    explicit Loaded(const char* text, const std::string& stateText = "")
        : scenario(parseScenario(text)),
          pipeline(stateText.empty() ? scenario.state : parse(stateText)),
          handlers(scenario.listeners) {
        bi::api::registerScenario(pipeline, scenario);
    }
};

ChangeList batchOf(const char* json) { return changesFromJson(parse(json), "batch"); }

// Runs batch on p (plan strategy, as the bench and `bi run` do) and on a
// fresh pipeline from p's state with the same registrations (legacy
// strategy), and compares everything the runs return.
void expectSameAsFresh(Loaded& p, const char* text, const ChangeList& batch, const std::string& what) {
    const std::string before = state(p.pipeline);
    Loaded oracle(text, before);
    ASSERT_EQ(state(oracle.pipeline), before) << what; // registering wrote nothing: a fair start
    RunRecord a = runBatch(p.pipeline, batch, p.handlers, Strategy::Plan);
    RunRecord b = runBatch(oracle.pipeline, batch, oracle.handlers, Strategy::Legacy);
    EXPECT_EQ(write(toJson(a.prepared.changes)), write(toJson(b.prepared.changes))) << what;
    EXPECT_EQ(write(toJson(a.prepared.concernChanges)), write(toJson(b.prepared.concernChanges))) << what;
    EXPECT_EQ(write(toJson(a.finalized.finalChanges)), write(toJson(b.finalized.finalChanges))) << what;
    ASSERT_EQ(a.dispatches.size(), b.dispatches.size()) << what;
    for (std::size_t i = 0; i < a.dispatches.size(); ++i) {
        EXPECT_EQ(a.dispatches[i].dispatch.listener, b.dispatches[i].dispatch.listener) << what;
        EXPECT_EQ(write(toJson(a.dispatches[i].input)), write(toJson(b.dispatches[i].input)))
            << what << ", dispatch " << i << " (" << a.dispatches[i].dispatch.listener << ")";
    }
    EXPECT_EQ(state(p.pipeline), state(oracle.pipeline)) << what;
}

} // namespace

// Paths move to other positions, appear for the first time, are replaced by
// a parent write, then the first batch comes back: the ids each position
// remembers from last run are wrong half the time.
TEST(RunPathIds, IdsFollowChangesThatMoveAppearOrAreReplaced) {
    Loaded p(kCatalog);
    const char* batches[] = {
        R"([["catalog.a.base",2],["settings.currency","EUR"]])",
        R"([["settings.currency","GBP"],["catalog.a.base",3]])",
        R"([["catalog.c.base",7],["catalog.a.base",5],["catalog.b.base",9]])",
        R"([["settings",{"currency":"JPY","extra":1}]])",
        R"([["catalog.a",{"base":6,"price":2,"currency":"JPY"}],["catalog.c.base",8]])",
        R"([["catalog.c",{"other":1}],["catalog.a.base",2]])",
        R"([["catalog.a.base",2],["settings.currency","EUR"]])",
        R"([["catalog.a.base",4],["settings.currency","USD"]])",
    };
    int n = 0;
    for (const char* b : batches) {
        expectSameAsFresh(p, kCatalog, batchOf(b), "batch " + std::to_string(n++));
    }
}

// The listeners sharing "catalog" run in one group: each input is the run's
// catalog changes, then the output of the ones before it (what the host
// appends to the buffer it reused), relativized to the topic.
TEST(RunPathIds, ListenersSharingATopicSeeTheOutputOfThoseBefore) {
    Loaded p(kCatalog);
    RunRecord rec = runBatch(p.pipeline, batchOf(R"([["catalog.a.base",2]])"), p.handlers, Strategy::Plan);
    ASSERT_EQ(rec.dispatches.size(), 4u);
    EXPECT_EQ(rec.dispatches[0].dispatch.listener, "deep");
    EXPECT_EQ(write(toJson(rec.dispatches[1].input)),
              R"([{"path":"a.base","value":2},{"path":"b.base","value":2},{"path":"a.seen","value":2}])");
    EXPECT_EQ(write(toJson(rec.dispatches[2].input)),
              R"([{"path":"a.base","value":2},{"path":"b.base","value":2},{"path":"a.seen","value":2},)"
              R"({"path":"log0","value":2},{"path":"n0","value":0}])");
    EXPECT_EQ(write(toJson(rec.dispatches[3].input)),
              R"([{"path":"a.base","value":2},{"path":"b.base","value":2},{"path":"a.seen","value":2},)"
              R"({"path":"log0","value":2},{"path":"n0","value":0},{"path":"log1","value":2},)"
              R"({"path":"n1","value":1}])");
    EXPECT_EQ(write(p.pipeline.shadow().get("catalog.log2")->toJson()), "2");
}

// A run that fails after prepare (a listener writes through a string) is
// rolled back; the ids and answers it remembered are still right for the
// runs after it.
TEST(RunPathIds, RunsAfterAFailedRunAreUnaffected) {
    const char* text = R"({"format":"boundary-inspector/scenario@1","name":"ids-failed",
      "state":{"catalog":{"a":{"base":1},"b":{"base":1}},"settings":{"currency":"USD"}},
      "sideEffects":{"syncPaths":[["catalog.a.base","catalog.b.base",{"oneWay":"[0]->[1]"}]]},
      "concerns":{"catalog.b":{"disabledWhen":{"boolLogic":{"IS_EQUAL":["catalog.b.base",3]}}}},
      "listeners":[{"id":"cat","path":"catalog","produce":[{"path":"catalog.log","fromChange":"a.base"}]},
                   {"id":"bad","path":"settings","produce":[{"path":"settings.currency.x","value":1}]}],
      "batches":[]})";
    Loaded p(text);
    expectSameAsFresh(p, text, batchOf(R"([["catalog.a.base",2]])"), "before");
    const std::string before = state(p.pipeline);
    const ChangeList failing = batchOf(R"([["catalog.a.base",3],["settings.currency","EUR"]])");
    EXPECT_THROW(runBatch(p.pipeline, failing, p.handlers, Strategy::Plan), bi::EngineError);
    EXPECT_EQ(state(p.pipeline), before);
    EXPECT_FALSE(p.pipeline.runOpen());
    expectSameAsFresh(p, text, batchOf(R"([["catalog.a.base",3]])"), "after, same position");
    expectSameAsFresh(p, text, batchOf(R"([["catalog.b.base",4],["catalog.a.base",5]])"), "after, moved");
}

// Registrations between runs clear the answers remembered by id: a one-way
// pair, a concern and a listener added after runs (which remembered, by id,
// that catalog.a.base reaches no pair, concern or listener but "cat") take
// effect at once.
TEST(RunPathIds, RegistrationsBetweenRunsAreSeenAtOnce) {
    const char* text = R"({"format":"boundary-inspector/scenario@1","name":"ids-register",
      "state":{"catalog":{"a":{"base":1},"b":{"base":1}},"mirror":{}},
      "sideEffects":{"syncPaths":[["catalog.b.base","mirror.b",{"oneWay":"[0]->[1]"}]]},
      "concerns":{"catalog.b":{"visibleWhen":{"boolLogic":{"EXISTS":"catalog.b.base"}}}},
      "listeners":[{"id":"cat","path":"catalog","produce":[{"path":"catalog.log","fromChange":"a.base"}]}],
      "batches":[]})";
    const char* more = R"({"format":"boundary-inspector/scenario@1","name":"ids-register-more",
      "state":{"catalog":{"a":{"base":1},"b":{"base":1}},"mirror":{}},
      "sideEffects":{"syncPaths":[["catalog.b.base","mirror.b",{"oneWay":"[0]->[1]"}],
                                  ["catalog.a","mirror.a",{"oneWay":"[0]->[1]"}]]},
      "concerns":{"catalog.b":{"visibleWhen":{"boolLogic":{"EXISTS":"catalog.b.base"}}},
                  "catalog.a":{"visibleWhen":{"boolLogic":{"IS_EQUAL":["catalog.a.base",3]}}}},
      "listeners":[{"id":"cat","path":"catalog","produce":[{"path":"catalog.log","fromChange":"a.base"}]},
                   {"id":"mir","path":"mirror.a","produce":[{"path":"mirror.seen","fromChange":"base"}]}],
      "batches":[]})";
    Loaded p(text);
    expectSameAsFresh(p, text, batchOf(R"([["catalog.a.base",2]])"), "run 0");
    expectSameAsFresh(p, text, batchOf(R"([["catalog.a.base",3]])"), "run 1");
    // The registrations `more` adds, made on the pipeline that has run (it
    // syncs mirror.a and evaluates the concern now; the oracle then starts there).
    Scenario extra = parseScenario(more);
    SideEffects added = extra.sideEffects[0];
    added.syncPairs.erase(added.syncPairs.begin()); // the pair `text` has
    p.pipeline.registerSideEffects(added);
    std::vector<ConcernSpec> newConcerns;
    for (const auto& c : extra.concerns) {
        if (c.field == "catalog.a") {
            newConcerns.push_back(c);
        }
    }
    ASSERT_EQ(newConcerns.size(), 1u);
    p.pipeline.registerConcerns(newConcerns);
    p.pipeline.registerListener(extra.listeners[1].spec);
    ScenarioListeners handlers(extra.listeners);
    Loaded both(more, state(p.pipeline));
    ASSERT_EQ(state(both.pipeline), state(p.pipeline));
    for (const char* b : {R"([["catalog.a.base",2]])", R"([["catalog.a.base",3]])"}) {
        const ChangeList batch = batchOf(b);
        RunRecord x = runBatch(p.pipeline, batch, handlers, Strategy::Plan);
        RunRecord y = runBatch(both.pipeline, batch, both.handlers, Strategy::Legacy);
        EXPECT_EQ(write(toJson(x.finalized.finalChanges)), write(toJson(y.finalized.finalChanges))) << b;
        EXPECT_EQ(x.dispatches.size(), 2u) << b;
        EXPECT_EQ(state(p.pipeline), state(both.pipeline)) << b;
    }
    EXPECT_EQ(write(p.pipeline.shadow().get("mirror.seen")->toJson()), "3");
    EXPECT_EQ(write(p.pipeline.shadow().get("_concerns.catalog.a.visibleWhen")->toJson()), "true");
}

// A listener with several topics has its scope as its dispatch topic, like a
// single-topic listener on that scope, but other input: the host must not
// take one's input buffer for the other's.
TEST(RunPathIds, SameTopicButOtherInputIsNotReused) {
    const char* text = R"({"format":"boundary-inspector/scenario@1","name":"ids-multi",
      "state":{"a":{"x":0,"y":0,"z":0}},
      "listeners":[{"id":"single","path":"a","produce":[{"path":"log.single","fromChange":"z"}]}],
      "batches":[]})";
    auto build = [&](Pipeline& pipeline) {
        pipeline.registerListener({"multi", {"a.x", "a.y"}, "a", ""});
    };
    Loaded p(text);
    Loaded twin(text);
    build(p.pipeline);
    build(twin.pipeline);
    ScenarioListener multi{{"multi", {"a.x", "a.y"}, "a", ""}, {}};
    std::vector<ScenarioListener> all = p.scenario.listeners;
    all.push_back(multi);
    ScenarioListeners handlers(all);
    ScenarioListeners twinHandlers(all);
    for (const char* b : {R"([["a.x",1],["a.z",1]])", R"([["a.z",2],["a.x",2]])", R"([["a.x",3],["a.y",3]])",
                          R"([["a.z",4]])", R"([["a.y",5],["a.z",5]])"}) {
        const ChangeList batch = batchOf(b);
        RunRecord x = runBatch(p.pipeline, batch, handlers, Strategy::Plan);
        RunRecord y = runBatch(twin.pipeline, batch, twinHandlers, Strategy::Legacy);
        ASSERT_EQ(x.dispatches.size(), y.dispatches.size()) << b;
        for (std::size_t i = 0; i < x.dispatches.size(); ++i) {
            EXPECT_EQ(write(toJson(x.dispatches[i].input)), write(toJson(y.dispatches[i].input)))
                << b << " " << x.dispatches[i].dispatch.listener;
            EXPECT_EQ(write(toJson(x.dispatches[i].input)),
                      write(toJson(dispatchInput(x.dispatches[i].dispatch, x.prepared.changes, {}))))
                << b << " " << x.dispatches[i].dispatch.listener; // neither writes below "a"
        }
    }
}

// The path id table is bounded: a run with more distinct paths than it keeps
// makes the next run start a new table (and forget every answer by id).
TEST(RunPathIds, TheIdTableStartsAfreshPastItsBound) {
    Loaded p(kCatalog);
    expectSameAsFresh(p, kCatalog, batchOf(R"([["catalog.a.base",2],["settings.currency","EUR"]])"), "small");
    ChangeList bulk;
    for (int i = 0; i < 70000; ++i) { // past the table's 65,536 paths
        // 100 keys an object: the oracle parses the state as JSON text
        bulk.push_back({"bulk.g" + std::to_string(i / 100) + ".f" + std::to_string(i % 100),
                        bi::state::Value(static_cast<double>(i))});
    }
    bulk.push_back({"catalog.a.base", bi::state::Value(3.0)});
    expectSameAsFresh(p, kCatalog, bulk, "bulk");
    expectSameAsFresh(p, kCatalog, batchOf(R"([["catalog.a.base",2],["settings.currency","EUR"]])"), "after");
    expectSameAsFresh(p, kCatalog, batchOf(R"([["settings.currency","GBP"],["catalog.c.base",2]])"),
                      "after, moved");
}
