// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PathGraph.h"
#include "pipeline/PathIndex.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using bi::pipeline::PathIndex;

namespace {

std::set<std::string> related(const PathIndex<int>& index, std::string_view path) {
    std::set<std::string> out;
    index.forEachRelated(path, [&](std::string_view key, int) { out.insert(std::string(key)); });
    return out;
}

} // namespace

// forEachRelated answers "every key at, above or below a path" (flip's
// before-image uses it on every write); a path whose first segment leads to
// no key stops after one lookup, and must still see a root key.
TEST(PathIndex, ForEachRelatedFindsKeysAtAboveAndBelow) {
    PathIndex<int> index;
    index["a.b"] = 1;
    index["a.b.c.d"] = 2;
    index["a.bc"] = 3;
    index["x"] = 4;
    using Keys = std::set<std::string>;
    EXPECT_EQ(related(index, "a.b.c"), (Keys{"a.b", "a.b.c.d"}));
    EXPECT_EQ(related(index, "a.b"), (Keys{"a.b", "a.b.c.d"}));
    EXPECT_EQ(related(index, "a"), (Keys{"a.b", "a.b.c.d", "a.bc"}));
    EXPECT_EQ(related(index, "a.b.c.d.e"), (Keys{"a.b", "a.b.c.d"}));
    EXPECT_EQ(related(index, "a.q"), Keys{});
    EXPECT_EQ(related(index, "x.y"), Keys{"x"});
    EXPECT_EQ(related(index, "_concerns.a.b"), Keys{});
    EXPECT_EQ(related(index, ""), (Keys{"a.b", "a.b.c.d", "a.bc", "x"}));
    index[""] = 5;
    EXPECT_EQ(related(index, "_concerns.a.b"), Keys{""});
    EXPECT_EQ(related(index, "x"), (Keys{"", "x"}));
    EXPECT_EQ(*index.find("a.b"), 1);
    EXPECT_EQ(index.find("a"), nullptr); // an ancestor of keys is not a key
    EXPECT_TRUE(index.hasBelow("a"));
    EXPECT_FALSE(index.hasBelow("a.bc"));
}

// PathGraph remembers, per path, which nodes relate to it (flip's before-image
// asks on every write); a pair added later must be seen by a path asked before.
TEST(PathIndex, RelatedNodesSeeNodesAddedAfterTheQuestion) {
    bi::pipeline::PathGraph graph;
    graph.addPair("a.x", "a.y", "");
    using Ids = std::vector<std::uint32_t>;
    EXPECT_EQ(graph.relatedNodes("a.x.deep"), (Ids{0}));
    EXPECT_EQ(graph.relatedNodes("a.x.deep"), (Ids{0})); // remembered
    EXPECT_EQ(graph.relatedNodes("b.c"), Ids{});
    EXPECT_EQ(graph.relatedNodes("a"), (Ids{0, 1}));
    graph.addPair("b", "a.x.deep.z", "");
    EXPECT_EQ(graph.relatedNodes("a.x.deep"), (Ids{0, 3}));
    EXPECT_EQ(graph.relatedNodes("b.c"), (Ids{2}));
    EXPECT_EQ(graph.nodes().keyAt(3), "a.x.deep.z");
}
