// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's dispatches by topic: the receivers a forwarded change reaches
// are exactly those topicMatches accepts, however topics share prefixes.
#include "pipeline/TopicIndex.h"

#include "pipeline/PathIdTable.h"

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

// matches() with a caller's hint (its id for the path last time): right,
// wrong, stale after a rebuild with other topics or never set, the answer is
// the same, and the hint is updated to the path's id.
TEST(TopicIndex, HintsNeverChangeTheAnswer) {
    const std::vector<std::string> topics{"a", "a.b", "", "c.d"};
    auto dispatches = dispatchesFor(topics);
    TopicIndex index;
    index.build(dispatches);
    const std::vector<std::string> paths{"a.b.c", "c", "c.d.e", "x", "a"};
    std::vector<std::uint32_t> hints(paths.size(), PathIdTable::kNone);
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < paths.size(); ++i) {
            EXPECT_EQ(sorted(index.matches(paths[i], hints[i])), bruteForce(dispatches, paths[i]))
                << paths[i];
        }
        std::rotate(hints.begin(), hints.begin() + 1, hints.end()); // every hint now names another path
        if (round == 1) {
            dispatches = dispatchesFor({"c", "a.b.c.d", "x.y"});
            index.build(dispatches);
        }
    }
    std::uint32_t hint = 12345; // any value is safe
    EXPECT_EQ(sorted(index.matches("a.b", hint)), bruteForce(dispatches, "a.b"));
    std::uint32_t again = hint;
    EXPECT_EQ(sorted(index.matches("a.b", again)), bruteForce(dispatches, "a.b"));
    EXPECT_EQ(again, hint); // the hint now names the path
}
