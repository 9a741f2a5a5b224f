// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers that become integers (a listener-write limit, dispatch ids, plan levels)
// are checked before the conversion: a double past the target type's range, or NaN,
// converts with undefined behaviour (found by fuzz_scenario under UBSan: a limit of
// 2.4e34). Each gets an error naming the place instead.
#include "core/EngineError.h"
#include "core/Json.h"
#include "pipeline/ExecutionPlan.h"
#include "pipeline/PipelineApi.h"
#include "pipeline/Scenario.h"

#include <gtest/gtest.h>
#include <string>

using namespace bi::pipeline;
using bi::json::parse;

namespace {

std::string scenarioWithLimit(const std::string& limit) {
    return R"({"format":"boundary-inspector/scenario@1","name":"n","state":{},"options":{"maxListenerWrites":)" +
           limit + "}}";
}

std::string errorOf(auto&& call) {
    try {
        call();
    } catch (const bi::EngineError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(WholeNumberInput, IsWholeNumberChecksTypeRangeAndFraction) {
    using bi::json::isWholeNumber;
    EXPECT_TRUE(isWholeNumber(parse("0"), 0, 10));
    EXPECT_TRUE(isWholeNumber(parse("10"), 0, 10));
    EXPECT_TRUE(isWholeNumber(parse("4294967295"), 0, bi::json::kMaxU32));
    EXPECT_FALSE(isWholeNumber(parse("4294967296"), 0, bi::json::kMaxU32));
    EXPECT_FALSE(isWholeNumber(parse("11"), 0, 10));
    EXPECT_FALSE(isWholeNumber(parse("-1"), 0, 10));
    EXPECT_FALSE(isWholeNumber(parse("1.5"), 0, 10));
    EXPECT_FALSE(isWholeNumber(parse("1e300"), 0, 10));
    EXPECT_FALSE(isWholeNumber(parse("\"3\""), 0, 10));
    EXPECT_FALSE(isWholeNumber(parse("null"), 0, 10));
}

TEST(WholeNumberInput, ListenerWriteLimitOutOfRangeIsAnError) {
    EXPECT_EQ(parseScenario(scenarioWithLimit("1000000000")).maxListenerWrites, 1000000000U);
    EXPECT_EQ(parseScenario(scenarioWithLimit("2")).maxListenerWrites, 2U);
    for (const char* bad : {"2.4e34", "1e10", "0", "-3", "2.5", "\"5\""}) {
        EXPECT_EQ(errorOf([&] { (void)parseScenario(scenarioWithLimit(bad)); }),
                  "options.maxListenerWrites: expected a whole number from 1 to 1000000000")
            << bad;
    }
}

TEST(WholeNumberInput, ListenerOutputIdsOutOfRangeAreErrors) {
    EXPECT_EQ(
        api::outputsFromJson(parse(R"([{"dispatch_id":4294967295,"changes":[]}])"), "outputs")[0].dispatch,
        4294967295U);
    for (const char* id : {"1e30", "4294967296", "-1", "1.5"}) {
        const std::string text = std::string(R"([{"dispatch_id":)") + id + R"(,"changes":[]}])";
        EXPECT_EQ(errorOf([&] { (void)api::outputsFromJson(parse(text), "outputs"); }),
                  "outputs[0].dispatch_id: expected a whole number from 0 to 4294967295")
            << id;
    }
}

TEST(WholeNumberInput, PlanLevelsAndIdsOutOfRangeAreErrors) {
    const auto plan = [](const std::string& level, const std::string& id) {
        return parse(
            R"({"groups":[{"level":)" + level + R"(,"dispatches":[{"dispatch_id":)" + id +
            R"(,"subscriber_id":"l","scope_path":"","topic_path":"","input_change_ids":[]}]}],"propagation_map":[[]],"cascade_map":[[]]})");
    };
    EXPECT_NO_THROW((void)ExecutionPlan::fromJson(plan("3", "0")));
    EXPECT_EQ(errorOf([&] { (void)ExecutionPlan::fromJson(plan("1e40", "0")); }),
              "execution_plan: \"level\" must be a whole number from 0 to 4294967295");
    EXPECT_EQ(errorOf([&] { (void)ExecutionPlan::fromJson(plan("0.5", "0")); }),
              "execution_plan: \"level\" must be a whole number from 0 to 4294967295");
    EXPECT_EQ(errorOf([&] { (void)ExecutionPlan::fromJson(plan("1", "1e30")); }),
              "dispatch_id: expected a dispatch id (a whole number from 0 to 4294967295)");
}
