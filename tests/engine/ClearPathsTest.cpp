// SPDX-License-Identifier: GPL-3.0-or-later
// Clear-paths stage: concrete and [*] triggers, [*] substitution, [**] and
// expandMatch expansion, and that only genuine input changes trigger.
#include "StageTestSupport.h"
#include "core/EngineError.h"

#include <gtest/gtest.h>

using bi::json::parse;
using namespace bi::pipeline;
using stagetest::run;

namespace {

const char* kForm =
    R"({"form":{"fields":{"email":{"value":"a","error":"bad"},"name":{"value":"b","error":"bad"},
  "age":{"value":1,"error":null}}},"x":1,"y":"keep"})";

Pipeline withRule(ClearRule rule) {
    Pipeline p(parse(kForm));
    SideEffects fx;
    fx.clearRules.push_back(std::move(rule));
    p.registerSideEffects(fx);
    return p;
}

} // namespace

TEST(ClearPaths, StarTriggerClearsTheCapturedSibling) {
    Pipeline p = withRule({{"form.fields.[*].value"}, {"form.fields.[*].error"}, false});
    EXPECT_EQ(
        run(p, R"([["form.fields.email.value","c"]])"),
        R"([{"path":"form.fields.email.value","value":"c"},{"path":"form.fields.email.error","value":null}])");
}

TEST(ClearPaths, ExpandMatchClearsEveryKeyAtTheStarLevel) {
    Pipeline p = withRule({{"form.fields.[*].value"}, {"form.fields.[*].error"}, true});
    // age.error is already null: not emitted.
    EXPECT_EQ(
        run(p, R"([["form.fields.email.value","c"]])"),
        R"([{"path":"form.fields.email.value","value":"c"},{"path":"form.fields.email.error","value":null},)"
        R"({"path":"form.fields.name.error","value":null}])");
}

TEST(ClearPaths, DoubleStarTargetExpandsOverPresentKeys) {
    Pipeline p = withRule({{"x"}, {"form.fields.[**].error"}, false});
    EXPECT_EQ(run(p, R"([["x",2]])"),
              R"([{"path":"x","value":2},{"path":"form.fields.email.error","value":null},)"
              R"({"path":"form.fields.name.error","value":null}])");
}

TEST(ClearPaths, ConcreteTriggerFiresBelowItAndAbsentTargetsAreNotCreated) {
    Pipeline p = withRule({{"form.fields.email"}, {"y", "missing.path"}, false});
    EXPECT_EQ(run(p, R"([["form.fields.email.value","z"]])"),
              R"([{"path":"form.fields.email.value","value":"z"},{"path":"y","value":null}])");
}

TEST(ClearPaths, OnlyGenuineInputsTrigger) {
    Pipeline p(parse(R"({"a":1,"b":1,"t":"keep"})"));
    SideEffects fx;
    fx.syncPairs.push_back({"a", "b", false});
    fx.clearRules.push_back({{"b"}, {"t"}, false});
    p.registerSideEffects(fx);
    // b changes only through sync: t stays.
    EXPECT_EQ(run(p, R"([["a",2]])"), R"([{"path":"a","value":2},{"path":"b","value":2}])");
}

TEST(ClearPaths, RulesAreValidatedAtRegistration) {
    Pipeline p(parse("{}"));
    SideEffects bad;
    bad.clearRules.push_back({{"a.[**]"}, {"b"}, false});
    EXPECT_THROW(p.registerSideEffects(bad), bi::EngineError);
    bad.clearRules = {{{"a.[*]"}, {"b.[*].[*]"}, false}};
    EXPECT_THROW(p.registerSideEffects(bad), bi::EngineError);
    bad.clearRules = {{{}, {"b"}, false}};
    EXPECT_THROW(p.registerSideEffects(bad), bi::EngineError);
}
