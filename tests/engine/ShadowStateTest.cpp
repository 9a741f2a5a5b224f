// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/EngineError.h"
#include "state/ShadowState.h"

#include <gtest/gtest.h>

using bi::EngineError;
using bi::json::parse;
using bi::state::ShadowState;

TEST(ShadowState, GetsByDotPathAndIndex) {
    ShadowState s(parse(R"({"a":{"b":[10,{"c":"x"}]}})"));
    ASSERT_NE(s.get("a.b.1.c"), nullptr);
    EXPECT_EQ(s.get("a.b.1.c")->asString(), "x");
    EXPECT_EQ(s.get("a.b.2"), nullptr);
    EXPECT_EQ(s.get("a.b.0.z"), nullptr);
    EXPECT_EQ(s.get(""), &s.root());
}

TEST(ShadowState, SetCreatesIntermediatesAndKeepsSiblings) {
    ShadowState s(parse(R"({"a":{"keep":1,"n":null}})"));
    s.set("a.x.y", 2);
    s.set("a.n.z", 3);
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"a":{"keep":1,"n":{"z":3},"x":{"y":2}}})");
}

TEST(ShadowState, SetRejectsPathsThroughPrimitivesAndBadIndices) {
    ShadowState s(parse(R"({"a":5,"l":[1]})"));
    EXPECT_THROW(s.set("a.b", 1), EngineError);
    EXPECT_THROW(s.set("l.1", 1), EngineError);
    EXPECT_THROW(s.set("l.x", 1), EngineError);
    s.set("l.0", 7);
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"a":5,"l":[7]})");
}

TEST(ShadowState, HashesStayExactAfterNestedWrites) {
    ShadowState s(parse(R"({"a":{"b":1}})"));
    s.set("a.b", 2);
    // The stale-ancestor bug: after a.b 1→2, writing a = {b:1} must not look like a no-op.
    bi::state::Value fresh = bi::state::Value::fromJson(parse(R"({"b":1})"));
    EXPECT_FALSE(*s.get("a") == fresh);
    s.set("a.b", 1);
    EXPECT_TRUE(*s.get("a") == fresh);
    EXPECT_EQ(s.get("a")->hash(), fresh.hash());
}

TEST(ShadowState, RollbackRestoresEverythingWritten) {
    ShadowState s(parse(R"({"a":{"b":1},"n":null,"l":[1,2]})"));
    const std::string before = bi::json::write(s.root().toJson());
    const auto hash = s.root().hash();
    s.begin();
    s.set("a.b", 5);
    s.set("a.c.d", true);
    s.set("n.x", 1);
    s.set("l.1", "two");
    s.set("a", 7);
    s.rollback();
    EXPECT_EQ(bi::json::write(s.root().toJson()), before);
    EXPECT_EQ(s.root().hash(), hash);
}

// Partial rollbacks (the stepper's marks) over long paths, root writes and
// in-place replacements (setIfDifferent) restore exactly the state at the mark.
TEST(ShadowState, RollbackToAMarkRestoresTheStateAtTheMark) {
    ShadowState s(parse(R"({"catalog":{"departments":{"dept_0":{"products":{"p_0":{"status":"active"}}}}},"x":1})"));
    const std::string initial = bi::json::write(s.root().toJson());
    s.begin();
    s.set("catalog.departments.dept_0.products.p_0.status", "archived");
    EXPECT_FALSE(s.setIfDifferent("catalog.departments.dept_0.products.p_0.status", "archived"));
    EXPECT_TRUE(s.setIfDifferent("catalog.departments.dept_0.products.p_1.name", "new"));
    const std::size_t mark = s.mark();
    const std::string atMark = bi::json::write(s.root().toJson());
    EXPECT_TRUE(s.setIfDifferent("catalog.departments.dept_0.products.p_0.status", "gone"));
    s.set("", bi::state::Value::fromJson(parse(R"({"replaced":{"entirely":true}})")));
    s.set("replaced.also.deeper.still", 3);
    s.rollbackTo(mark);
    EXPECT_EQ(bi::json::write(s.root().toJson()), atMark);
    s.set("x", 2);
    s.rollbackTo(mark);
    EXPECT_EQ(bi::json::write(s.root().toJson()), atMark);
    s.rollback();
    EXPECT_EQ(bi::json::write(s.root().toJson()), initial);
}

TEST(ShadowState, RemembersRemovedPaths) {
    ShadowState s(parse(R"({"user":{"address":{"zip":"1"}}})"));
    EXPECT_TRUE(s.parentExists("user.address.zip"));
    s.set("user", bi::state::Value::object());
    EXPECT_FALSE(s.parentExists("user.address.zip"));
    EXPECT_TRUE(s.parentExists("user.name"));
    EXPECT_TRUE(s.parentExists("other.x"));
}

TEST(ShadowState, UndefinedIsDistinctFromNull) {
    ShadowState s(parse(R"({"u":{"$undefined":true},"n":null})"));
    EXPECT_TRUE(s.get("u")->isUndefined());
    EXPECT_TRUE(s.get("n")->isNull());
    EXPECT_FALSE(*s.get("u") == *s.get("n"));
    EXPECT_EQ(bi::json::write(s.root().toJson()), R"({"u":{"$undefined":true},"n":null})");
}

TEST(ShadowState, LargeObjectsUseTheKeyIndex) {
    bi::json::Value root = bi::json::Value::object();
    for (int i = 0; i < 100; ++i) {
        std::string key = std::to_string(i);
        key.insert(0, 1, 'f');
        root.set(key, i);
    }
    ShadowState s(root);
    EXPECT_EQ(s.get("f77")->asNumber(), 77);
    s.set("f77", 1);
    EXPECT_EQ(s.get("f77")->asNumber(), 1);
    EXPECT_EQ(s.get("f100"), nullptr);
}
