// SPDX-License-Identifier: GPL-3.0-or-later
// Circular aggregations are rejected at registration, nested paths included,
// with a message naming the aggregation.
#include "core/EngineError.h"
#include "pipeline/Pipeline.h"

#include <gtest/gtest.h>

using bi::json::parse;
using namespace bi::pipeline;

namespace {

std::string errorOf(const std::vector<std::vector<AggregationPair>>& registrations) {
    Pipeline p(parse(R"({"a":{"b":{"b":1}}})"));
    try {
        for (const auto& pairs : registrations) {
            SideEffects fx;
            fx.aggregations = pairs;
            p.registerSideEffects(fx);
        }
    } catch (const bi::EngineError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(AggregationRegistration, SourceBelowOrAboveItsOwnTargetIsCircular) {
    EXPECT_EQ(errorOf({{{"a.b", "a.b.b", std::nullopt}}}),
              "aggregations: circular aggregation 'a.b': its source 'a.b.b' lies below the target");
    EXPECT_EQ(errorOf({{{"a.b.b", "a", std::nullopt}}}),
              "aggregations: circular aggregation 'a.b.b': its source 'a' lies above the target");
    EXPECT_EQ(errorOf({{{"a", "a", std::nullopt}}}),
              "aggregations: circular aggregation 'a': its source 'a' is the target itself");
}

TEST(AggregationRegistration, NestingAcrossAggregationsIsCircular) {
    EXPECT_EQ(errorOf({{{"t", "s.q", std::nullopt}}, {{"s", "u", std::nullopt}}}),
              "aggregations: circular aggregation 's': the target is nested with 's.q', a source of "
              "aggregation 't'");
    EXPECT_EQ(errorOf({{{"t.x", "u", std::nullopt}}, {{"v", "t", std::nullopt}}}),
              "aggregations: circular aggregation 'v': its source 't' is nested with the target of "
              "aggregation 't.x'");
    EXPECT_EQ(errorOf({{{"t", "s", std::nullopt}, {"s", "u", std::nullopt}}}),
              "aggregations: circular aggregation between 's' and 'u'");
}

TEST(AggregationRegistration, SiblingsAndSeveralSourcesAreFine) {
    EXPECT_EQ(
        errorOf({{{"sum.price", "legs.0.price", std::nullopt}, {"sum.price", "legs.1.price", std::nullopt}},
                 {{"sum.qty", "legs.0.qty", std::nullopt}}}),
        "");
}
