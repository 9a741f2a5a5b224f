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
    EXPECT_EQ(bi::json::write(s.root()), R"({"a":{"keep":1,"n":{"z":3},"x":{"y":2}}})");
}

TEST(ShadowState, SetRejectsPathsThroughPrimitivesAndBadIndices) {
    ShadowState s(parse(R"({"a":5,"l":[1]})"));
    EXPECT_THROW(s.set("a.b", 1), EngineError);
    EXPECT_THROW(s.set("l.1", 1), EngineError);
    EXPECT_THROW(s.set("l.x", 1), EngineError);
    s.set("l.0", 7);
    EXPECT_EQ(bi::json::write(s.root()), R"({"a":5,"l":[7]})");
}
