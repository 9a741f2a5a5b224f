// SPDX-License-Identifier: GPL-3.0-or-later
// ValueLogic: IF/THEN/ELSE chains (down to the final ELSE) and MATCH/CASES/DEFAULT.
#include "pipeline/ValueLogic.h"

#include "core/EngineError.h"

#include <gtest/gtest.h>

using bi::json::parse;
using bi::json::write;
using bi::pipeline::ValueLogic;

namespace {

std::string eval(const char* logic, const char* state) {
    bi::state::ShadowState s(parse(state));
    return write(ValueLogic::parse(parse(logic), "test").evaluate(s).toJson());
}

const char* kChain = R"({"IF":["tier","gold"],"THEN":"G",
  "ELSE":{"IF":["tier","silver"],"THEN":"S","ELSE":{"IF":{"GT":["points",100]},"THEN":"P","ELSE":"none"}}})";

const char* kMatch =
    R"({"MATCH":"kind","CASES":{"a":1,"2":"two","true":"yes","1.5":"x"},"DEFAULT":{"d":true}})";

} // namespace

TEST(ValueLogic, IfChainTakesTheFirstTrueBranch) {
    EXPECT_EQ(eval(kChain, R"({"tier":"gold"})"), R"("G")");
    EXPECT_EQ(eval(kChain, R"({"tier":"silver"})"), R"("S")");
    EXPECT_EQ(eval(kChain, R"({"tier":"x","points":101})"), R"("P")");
}

TEST(ValueLogic, IfChainFallsThroughToTheLastElse) {
    EXPECT_EQ(eval(kChain, R"({"tier":"bronze","points":5})"), R"("none")");
    EXPECT_EQ(eval(kChain, R"({})"), R"("none")");
}

TEST(ValueLogic, MatchKeysFromStringsNumbersAndBooleans) {
    EXPECT_EQ(eval(kMatch, R"({"kind":"a"})"), "1");
    EXPECT_EQ(eval(kMatch, R"({"kind":2})"), R"("two")");
    EXPECT_EQ(eval(kMatch, R"({"kind":true})"), R"("yes")");
    EXPECT_EQ(eval(kMatch, R"({"kind":1.5})"), R"("x")");
}

TEST(ValueLogic, MatchFallsBackToDefault) {
    for (const char* state :
         {R"({"kind":"zzz"})", R"({})", R"({"kind":null})", R"({"kind":[1]})", R"({"kind":{"a":1}})"}) {
        EXPECT_EQ(eval(kMatch, state), R"({"d":true})") << state;
    }
}

TEST(ValueLogic, DependenciesCoverConditionsAndTheMatchPath) {
    std::vector<std::string> deps;
    ValueLogic::parse(parse(kChain), "x").collectDependencies(deps);
    EXPECT_NE(std::find(deps.begin(), deps.end(), "tier"), deps.end());
    EXPECT_NE(std::find(deps.begin(), deps.end(), "points"), deps.end());
    deps.clear();
    ValueLogic::parse(parse(kMatch), "x").collectDependencies(deps);
    EXPECT_NE(std::find(deps.begin(), deps.end(), "kind"), deps.end());
}
