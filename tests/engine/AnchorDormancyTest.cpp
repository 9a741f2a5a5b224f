// SPDX-License-Identifier: GPL-3.0-or-later
// Anchors: while a registration's anchor path is absent its sync, flip,
// aggregation, computation and logic are dormant; when the anchor appears
// within a run, anchored logic is evaluated.
#include "StageTestSupport.h"

#include <gtest/gtest.h>

using bi::json::parse;
using namespace bi::pipeline;
using stagetest::run;
using stagetest::skips;

TEST(AnchorDormancy, SideEffectsSleepWhileTheAnchorIsAbsent) {
    Pipeline p(parse(R"({"a":1,"b":1,"f":true,"g":"x","s1":1,"s2":1,"n":2})"), stagetest::traced());
    SideEffects fx;
    fx.syncPairs.push_back({"a", "b", false});
    fx.flipPairs.emplace_back("f", "g");
    fx.aggregations.push_back({"agg", "s1", std::nullopt});
    fx.aggregations.push_back({"agg", "s2", std::nullopt});
    fx.computations.push_back({"SUM", "total", "n", std::nullopt});
    fx.anchorPath = "on";
    EXPECT_TRUE(p.registerSideEffects(fx).empty()); // no initial sync or computation while dormant
    EXPECT_EQ(
        run(p, R"([["a",2],["f",false],["s1",3],["s2",3],["n",5]])"),
        R"([{"path":"a","value":2},{"path":"f","value":false},{"path":"s1","value":3},{"path":"s2","value":3},)"
        R"({"path":"n","value":5}])");
    EXPECT_EQ(skips(p, "flip"), "f:anchor_missing");
    EXPECT_EQ(skips(p, "aggregation_read"), "agg:anchor_missing");
    EXPECT_EQ(skips(p, "computation"), "total:anchor_missing");
    // Present (null counts as present): everything wakes up.
    EXPECT_EQ(
        run(p, R"([["on",null],["a",3],["f",true],["s1",4],["s2",4],["n",6]])"),
        R"([{"path":"on","value":null},{"path":"a","value":3},{"path":"f","value":true},{"path":"s1","value":4},)"
        R"({"path":"s2","value":4},{"path":"n","value":6},{"path":"b","value":3},{"path":"g","value":false},)"
        R"({"path":"agg","value":4},{"path":"total","value":6}])");
}

TEST(AnchorDormancy, AnchoredLogicIsSkippedThenEvaluatedWhenTheAnchorAppears) {
    Pipeline p(parse(R"({"x":1})"), stagetest::traced());
    ConcernSpec c{"x", "big", BoolLogic::parse(parse(R"({"GT":["x",5]})"), "test"), std::nullopt, "panel"};
    EXPECT_TRUE(p.registerConcerns({c}).empty());
    p.prepare(changesFromJson(parse(R"([["x",9]])"), "batch"));
    EXPECT_TRUE(p.finalize({}).finalChanges.size() == 1);
    EXPECT_EQ(skips(p, "bool_logic"), "_concerns.x.big:anchor_missing");
    // Only the anchor changes; the logic's own dependency does not.
    p.prepare(changesFromJson(parse(R"([["panel",{}]])"), "batch"));
    EXPECT_EQ(bi::json::write(toJson(p.finalize({}).finalChanges)),
              R"([{"path":"panel","value":{}},{"path":"_concerns.x.big","value":true}])");
}
