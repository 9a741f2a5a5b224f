// SPDX-License-Identifier: GPL-3.0-or-later
// Sync stage: the six cases (bidirectional exact, child, parent expansion;
// one-way exact, child, parent expansion), the three guards, single pass,
// initial sync at registration, and dormant one-way pairs.
#include "StageTestSupport.h"

#include <gtest/gtest.h>

using bi::json::parse;
using bi::json::write;
using namespace bi::pipeline;
using stagetest::run;
using stagetest::skips;

namespace {

SideEffects syncs(std::vector<SyncPair> pairs, std::string anchor = "") {
    SideEffects fx;
    fx.syncPairs = std::move(pairs);
    fx.anchorPath = std::move(anchor);
    return fx;
}

} // namespace

TEST(SyncStage, ExactPathCopiesToEveryPeer) {
    Pipeline p(parse(R"({"a":1,"b":1,"c":1})"));
    p.registerSideEffects(syncs({{"a", "b", false}, {"b", "c", false}}));
    EXPECT_EQ(run(p, R"([["b",2]])"),
              R"([{"path":"b","value":2},{"path":"a","value":2},{"path":"c","value":2}])");
}

TEST(SyncStage, ChildExpansionFollowsTheNearestSyncedAncestor) {
    Pipeline p(parse(R"({"billing":{"zip":"1"},"shipping":{"zip":"1"}})"));
    p.registerSideEffects(syncs({{"billing", "shipping", false}}));
    EXPECT_EQ(run(p, R"([["billing.zip","2"]])"),
              R"([{"path":"billing.zip","value":"2"},{"path":"shipping.zip","value":"2"}])");
}

TEST(SyncStage, ParentExpansionSyncsNodesBelowAReplacedObject) {
    Pipeline p(parse(R"({"user":{"name":"a"},"profile":{"name":"a"}})"));
    p.registerSideEffects(syncs({{"user.name", "profile.name", false}}));
    EXPECT_EQ(
        run(p, R"([["user",{"name":"Alice","age":30}]])"),
        R"([{"path":"user","value":{"name":"Alice","age":30}},{"path":"profile.name","value":"Alice"}])");
    EXPECT_EQ(run(p, R"([["user",{}]])"),
              R"([{"path":"user","value":{}},{"path":"profile.name","value":null}])");
}

TEST(SyncStage, OneWayExactChildAndParentExpansion) {
    Pipeline p(parse(R"({"src":{"v":1,"o":{"k":1}},"dst":{"v":1,"o":{"k":1}}})"));
    p.registerSideEffects(syncs({{"src.v", "dst.v", true}, {"src.o", "dst.o", true}}));
    EXPECT_EQ(run(p, R"([["src.v",2]])"), R"([{"path":"src.v","value":2},{"path":"dst.v","value":2}])");
    EXPECT_EQ(run(p, R"([["src.o.k",3]])"), R"([{"path":"src.o.k","value":3},{"path":"dst.o.k","value":3}])");
    EXPECT_EQ(
        run(p, R"([["src",{"v":4,"o":{"k":4}}]])"),
        R"([{"path":"src","value":{"v":4,"o":{"k":4}}},{"path":"dst.o","value":{"k":4}},{"path":"dst.v","value":4}])");
    EXPECT_EQ(run(p, R"([["dst.v",9]])"), R"([{"path":"dst.v","value":9}])"); // one way only
}

TEST(SyncStage, OutputsAreNotSyncedAgain) {
    Pipeline p(parse(R"({"a":1,"b":1,"c":1})"));
    p.registerSideEffects(syncs({{"a", "b", true}, {"b", "c", true}}));
    EXPECT_EQ(run(p, R"([["a",2]])"), R"([{"path":"a","value":2},{"path":"b","value":2}])");
}

TEST(SyncStage, GuardParentRemoved) {
    Pipeline p(parse(R"({"a":{"x":{"y":1}},"b":{"x":{"y":1}}})"), stagetest::traced());
    p.registerSideEffects(syncs({{"a.x.y", "b.x.y", false}}));
    // b is emptied in the same batch: b.x.y must not be re-created under the removed b.x
    // (and b's parent expansion hands a.x.y the null of its now absent peer).
    EXPECT_EQ(run(p, R"([["b",{}],["a.x.y",2]])"),
              R"([{"path":"b","value":{}},{"path":"a.x.y","value":2},{"path":"a.x.y","value":null}])");
    EXPECT_EQ(skips(p, "sync"), "b.x.y:guard_failed: parent was removed");
}

TEST(SyncStage, GuardAbsentTargetAndNull) {
    Pipeline p(parse(R"({"a":1})"), stagetest::traced());
    p.registerSideEffects(syncs({{"a", "b", false}}, "on")); // dormant: no initial sync creates b
    EXPECT_EQ(run(p, R"([["on",1],["a",null]])"), R"([{"path":"on","value":1},{"path":"a","value":null}])");
    EXPECT_EQ(skips(p, "sync"), "b:guard_failed: absent target and null value");
}

TEST(SyncStage, GuardRedundant) {
    Pipeline p(parse(R"({"a":1,"b":1})"), stagetest::traced());
    p.registerSideEffects(syncs({{"a", "b", false}}));
    EXPECT_EQ(run(p, R"([["a",2],["b",2]])"), R"([{"path":"a","value":2},{"path":"b","value":2}])");
    EXPECT_EQ(skips(p, "sync"), "b:redundant a:redundant");
}

TEST(SyncStage, InitialSyncVotesAtRegistration) {
    Pipeline p(parse(R"({"a":1,"b":1,"c":2,"d":null})"));
    ChangeList initial =
        p.registerSideEffects(syncs({{"a", "b", false}, {"b", "c", false}, {"c", "d", false}}));
    EXPECT_EQ(write(toJson(initial)), R"([{"path":"c","value":1},{"path":"d","value":1}])");
    EXPECT_EQ(write(p.shadow().root().toJson()), R"({"a":1,"b":1,"c":1,"d":1})");
}

TEST(SyncStage, InitialSyncTieGoesToTheShallowestPath) {
    Pipeline p(parse(R"({"deep":{"er":{"v":1}},"top":2})"));
    ChangeList initial = p.registerSideEffects(syncs({{"deep.er.v", "top", false}}));
    EXPECT_EQ(write(toJson(initial)), R"([{"path":"deep.er.v","value":2}])");
}

TEST(SyncStage, OneWayPairIsDormantWhileItsAnchorIsAbsent) {
    Pipeline p(parse(R"({"src":1,"dst":1})"), stagetest::traced());
    ChangeList initial = p.registerSideEffects(syncs({{"src", "dst", true}}, "form"));
    EXPECT_TRUE(initial.empty());
    EXPECT_EQ(run(p, R"([["src",2]])"), R"([{"path":"src","value":2}])");
    EXPECT_EQ(skips(p, "sync"), "dst:anchor_missing");
    EXPECT_EQ(run(p, R"([["form",{}],["src",3]])"),
              R"([{"path":"form","value":{}},{"path":"src","value":3},{"path":"dst","value":3}])");
}
