// SPDX-License-Identifier: GPL-3.0-or-later
// Plan building: levels deepest first, greedy first-fit groups where related
// scopes conflict (the root with everything) and equal scopes do not, ids in
// execution order, and the forwarding maps.
#include "StageTestSupport.h"

#include <gtest/gtest.h>

using bi::json::parse;
using namespace bi::pipeline;

namespace {

// "level:[listener,…]" per group.
std::string groups(const ExecutionPlan& plan) {
    std::string out;
    for (const auto& g : plan.groups) { // append only: GCC 12 warns falsely (-Wrestrict) on operator+ here
        out.append(out.empty() ? "" : " ").append(std::to_string(g.level)).append(":[");
        for (std::size_t i = 0; i < g.dispatches.size(); ++i) {
            out.append(i ? "," : "").append(plan.dispatches[g.dispatches[i]].listener);
        }
        out.append("]");
    }
    return out;
}

std::string planFor(const std::vector<ListenerSpec>& listeners, const char* batch) {
    Pipeline p(parse(R"({"a":{"b":{"c":0},"x":0},"q":{"r":0}})"));
    for (const auto& l : listeners) {
        p.registerListener(l);
    }
    const auto& prepared = p.prepare(changesFromJson(parse(batch), "batch"));
    std::string out = groups(prepared.plan);
    p.abort();
    return out;
}

} // namespace

TEST(PlanGrouping, EqualScopesShareAGroup) {
    EXPECT_EQ(planFor({{"L1", {"a.b"}, "a.b", ""}, {"L2", {"a.b"}, "a.b", ""}}, R"([["a.b.c",1]])"),
              "2:[L1,L2]");
}

TEST(PlanGrouping, AncestorAndDescendantScopesConflict) {
    // Same level (topic depth 2); scopes a.b and a are related: two groups.
    EXPECT_EQ(planFor({{"X", {"a.b"}, "a.b", ""}, {"Y", {"a.x"}, "a", ""}}, R"([["a.b.c",1],["a.x",1]])"),
              "2:[X] 2:[Y]");
}

TEST(PlanGrouping, UnrelatedScopesShareAGroup) {
    EXPECT_EQ(planFor({{"A", {"a.b"}, "a.b", ""}, {"Q", {"q.r"}, "q.r", ""}}, R"([["a.b.c",1],["q.r",1]])"),
              "2:[A,Q]");
}

TEST(PlanGrouping, TheRootScopeConflictsWithEveryOtherScope) {
    EXPECT_EQ(planFor({{"A", {"a.b"}, "a.b", ""}, {"R", {"q.r"}, "", ""}, {"R2", {"a.x"}, "", ""}},
                      R"([["a.b.c",1],["q.r",1],["a.x",1]])"),
              "2:[A] 2:[R,R2]");
}

TEST(PlanGrouping, LevelsRunDeepestFirstAndAnchorsDeepenALevel) {
    EXPECT_EQ(planFor({{"root", {""}, "", ""},
                       {"top", {"a"}, "a", ""},
                       {"deep", {"a.b.c"}, "a.b.c", ""},
                       {"anchored", {"q"}, "q", "a.b.c"}},
                      R"([["a.b.c",1],["q.r",1]])"),
              "3:[deep,anchored] 1:[top] 0:[root]");
}

TEST(PlanGrouping, ParentReplacementReachesChildTopicsAndUnmatchedListenersAreLeftOut) {
    EXPECT_EQ(
        planFor({{"child", {"a.b.c"}, "a.b.c", ""}, {"other", {"q"}, "q", ""}}, R"([["a",{"b":{"c":2}}]])"),
        "3:[child]");
}

TEST(PlanGrouping, ForwardingMapsCoverEveryLaterDispatch) {
    Pipeline p(parse(R"({"a":{"b":{"c":0},"x":0}})"));
    p.registerListener({"X", {"a.b"}, "a.b", ""});
    p.registerListener({"X2", {"a.b"}, "a.b", ""});
    p.registerListener({"Y", {"a.x"}, "a", ""});
    p.registerListener({"R", {""}, "", ""});
    const auto& plan = p.prepare(changesFromJson(parse(R"([["a.b.c",1],["a.x",1]])"), "batch")).plan;
    ASSERT_EQ(groups(plan), "2:[X,X2] 2:[Y] 0:[R]");
    EXPECT_EQ(plan.cascade[0], (std::vector<std::uint32_t>{1}));
    EXPECT_TRUE(plan.cascade[1].empty());
    std::vector<std::uint32_t> targets;
    for (const auto& t : plan.propagation[0]) {
        targets.push_back(t.dispatch);
    }
    EXPECT_EQ(targets, (std::vector<std::uint32_t>{2, 3})); // the same level's later group, then the root
    EXPECT_EQ(plan.propagation[2].size(), 1u);
    EXPECT_TRUE(plan.propagation[3].empty());
    p.abort();
}

// The grouping is remembered for a run that reaches the same listeners, and
// which listeners a path reaches is remembered per path: runs reaching other
// listeners, and listeners registered later, must still be planned afresh.
TEST(PlanGrouping, RememberedGroupingsAndReachedListenersFollowTheRun) {
    Pipeline p(parse(R"({"a":{"b":{"c":0},"x":0},"q":{"r":0}})"));
    p.registerListener({"AB", {"a.b"}, "a.b", ""});
    p.registerListener({"ABC", {"a.b.c"}, "a.b.c", ""});
    p.registerListener({"Q", {"q"}, "q", ""});
    auto plan = [&](const char* batch) {
        const auto& prepared = p.prepare(changesFromJson(parse(batch), "batch"));
        std::string out = groups(prepared.plan);
        p.abort();
        return out;
    };
    EXPECT_EQ(plan(R"([["a.b.c",1]])"), "3:[ABC] 2:[AB]");
    EXPECT_EQ(plan(R"([["a.b.c",1],["q.r",1]])"), "3:[ABC] 2:[AB] 1:[Q]");
    EXPECT_EQ(plan(R"([["a.b.c",1]])"), "3:[ABC] 2:[AB]");
    EXPECT_EQ(plan(R"([["q.r",1]])"), "1:[Q]");
    p.registerListener({"A", {"a"}, "a", ""}); // conflicts with AB's scope, reached by a.b.c
    p.registerListener({"Q2", {"q.r"}, "q.r", ""});
    EXPECT_EQ(plan(R"([["a.b.c",1]])"), "3:[ABC] 2:[AB] 1:[A]");
    EXPECT_EQ(plan(R"([["q.r",1]])"), "2:[Q2] 1:[Q]");
}
