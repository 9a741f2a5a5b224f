// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's dispatches by topic: the receivers a forwarded change reaches
// are exactly those topicMatches accepts, however topics share prefixes.
#include "pipeline/TopicIndex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace bi::pipeline;

namespace {

std::vector<Dispatch> dispatchesFor(const std::vector<std::string>& topics) {
    std::vector<Dispatch> out;
    for (std::uint32_t i = 0; i < topics.size(); ++i) {
        Dispatch d;
        d.id = i;
        d.topic = topics[i];
        out.push_back(d);
    }
    return out;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::uint32_t> bruteForce(const std::vector<Dispatch>& dispatches, const std::string& path) {
    std::vector<std::uint32_t> out;
    for (const auto& d : dispatches) {
        if (topicMatches(path, d.topic)) {
            out.push_back(d.id);
        }
    }
    return out;
}

} // namespace

TEST(TopicIndex, MatchesExactlyWhatTopicMatchesAccepts) {
    // Repeated topics, the root, segment-boundary traps ("a.bc", "a.b-c" sorts
    // between "a.b" and "a.b.x") and a topic longer than every path.
    const std::vector<std::string> topics{"a.b", "a.bc", "a.b-c", "a.b.x", "", "a.b", "a", "q.r.s.t.u.v.w",
                                          "a.b.x.y", "b"};
    const auto dispatches = dispatchesFor(topics);
    TopicIndex index;
    index.build(dispatches);
    for (const std::string path : {"", "a", "a.b", "a.bc", "a.b-c", "a.b.x", "a.b.x.y.z", "a.b.c", "a.bcd",
                                   "ab", "b", "b.c", "q", "q.r", "q.r.s.t.u.v.w.z", "z"}) {
        EXPECT_EQ(sorted(index.matches(path)), bruteForce(dispatches, path)) << "'" << path << "'";
        EXPECT_EQ(sorted(index.matches(path)), bruteForce(dispatches, path)) << "'" << path << "' remembered";
    }
}

TEST(TopicIndex, ARebuildWithOtherTopicsForgetsRememberedAnswers) {
    TopicIndex index;
    index.build(dispatchesFor({"a", "b"}));
    EXPECT_EQ(sorted(index.matches("a.x")), (std::vector<std::uint32_t>{0}));
    index.build(dispatchesFor({"b", "a.x"})); // same count, other topics
    EXPECT_EQ(sorted(index.matches("a.x")), (std::vector<std::uint32_t>{1}));
    index.build(dispatchesFor({"b", "a.x"})); // the same plan again keeps the index
    EXPECT_EQ(sorted(index.matches("b")), (std::vector<std::uint32_t>{0}));
}
