// SPDX-License-Identifier: GPL-3.0-or-later
// Flip stage: value rotation, the parent-object case, no child expansion,
// and the boolean-inversion option.
#include "StageTestSupport.h"

#include <gtest/gtest.h>

#include <memory>

using bi::json::parse;
using namespace bi::pipeline;
using stagetest::run;

namespace {

SideEffects flips(std::vector<std::pair<std::string, std::string>> pairs) {
    SideEffects fx;
    fx.flipPairs = std::move(pairs);
    return fx;
}

} // namespace

TEST(FlipStage, PeersGetTheChangedPathsPreRunValue) {
    Pipeline p(parse(R"({"s":"A","t":"B"})"));
    p.registerSideEffects(flips({{"s", "t"}}));
    EXPECT_EQ(run(p, R"([["s","C"]])"), R"([{"path":"s","value":"C"},{"path":"t","value":"A"}])");
    EXPECT_EQ(run(p, R"([["s","D"]])"), R"([{"path":"s","value":"D"},{"path":"t","value":"C"}])");
}

TEST(FlipStage, ParentObjectChangeRotatesTheFlipNodesBelowIt) {
    Pipeline p(parse(R"({"f":{"a":true,"b":false},"g":{"c":1},"h":2})"));
    p.registerSideEffects(flips({{"f.a", "h"}, {"g.c", "f.b"}}));
    // f replaced: f.a (old true) flips h; f.b is a leaf of the same change and its
    // peer g.c is outside it, so g.c gets f.b's old value.
    EXPECT_EQ(
        run(p, R"([["f",{"a":false,"b":true}]])"),
        R"([{"path":"f","value":{"a":false,"b":true}},{"path":"h","value":true},{"path":"g.c","value":false}])");
}

TEST(FlipStage, BothSidesInsideTheSameParentChangeDoNotFlip) {
    Pipeline p(parse(R"({"f":{"a":true,"b":false}})"));
    p.registerSideEffects(flips({{"f.a", "f.b"}}));
    EXPECT_EQ(run(p, R"([["f",{"a":false,"b":false}]])"), R"([{"path":"f","value":{"a":false,"b":false}}])");
}

TEST(FlipStage, AChangeBelowAFlipNodeDoesNothing) {
    Pipeline p(parse(R"({"o":{"k":1},"q":1})"));
    p.registerSideEffects(flips({{"o", "q"}}));
    EXPECT_EQ(run(p, R"([["o.k",2]])"), R"([{"path":"o.k","value":2}])");
}

TEST(FlipStage, InversionOptionNegatesBooleansAndIgnoresOtherValues) {
    PipelineOptions options;
    options.flipInvertsBooleans = true;
    Pipeline p(parse(R"({"a":null,"b":true,"s":"x","t":"y"})"), options);
    p.registerSideEffects(flips({{"a", "b"}, {"s", "t"}}));
    EXPECT_EQ(run(p, R"([["a",true]])"), R"([{"path":"a","value":true},{"path":"b","value":false}])");
    EXPECT_EQ(run(p, R"([["s","z"]])"), R"([{"path":"s","value":"z"}])");
}

// The "before" image is taken at the run's first write at or below a flip
// node, so an earlier write below the node does not leak into it.
TEST(FlipStage, PreRunValueIsTakenBeforeAWriteBelowTheNode) {
    Pipeline p(parse(R"({"o":{"k":1},"q":"x"})"));
    p.registerSideEffects(flips({{"o", "q"}}));
    EXPECT_EQ(run(p, R"([["o.k",2],["o",{"k":3}]])"),
              R"([{"path":"o.k","value":2},{"path":"o","value":{"k":3}},{"path":"q","value":{"k":1}}])");
}

// The image is taken per write when the batch is smaller than the flip
// registry, or of every node at the start of the run otherwise: the same
// values either way, also when a sync writes below a node before the flip.
TEST(FlipStage, PreRunImageIsTheSameTakenPerWriteOrAllAtTheStart) {
    const char* state = R"({"o":{"k":1},"q":"x","src":0,"u1":1,"u2":2,"u3":3,"u4":4})";
    const char* batches[] = {R"([["o.k",2],["o",{"k":3}]])", R"([["src",9],["o",{"k":5}]])"};
    auto makePipeline = [&](bool manyNodes) {
        auto p = std::make_unique<Pipeline>(parse(state));
        SideEffects fx = flips({{"o", "q"}});
        if (manyNodes) { // 6 nodes: more than either batch's changes
            fx.flipPairs.emplace_back("u1", "u2");
            fx.flipPairs.emplace_back("u3", "u4");
        }
        fx.syncPairs.push_back({"src", "o.k", true});
        p->registerSideEffects(fx);
        return p;
    };
    auto eager = makePipeline(false);
    auto lazy = makePipeline(true);
    for (const char* batch : batches) {
        EXPECT_EQ(run(*eager, batch), run(*lazy, batch)) << batch;
    }
    EXPECT_EQ(run(*eager, R"([["src",1],["o",{"k":7}]])"),
              R"([{"path":"src","value":1},{"path":"o","value":{"k":7}},{"path":"o.k","value":1},)"
              R"({"path":"q","value":{"k":9}}])");
}
