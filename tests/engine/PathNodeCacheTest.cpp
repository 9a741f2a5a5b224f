// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/PathNodeCache.h"

#include "state/Paths.h"
#include "state/Value.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using bi::state::PathNodeCache;
using bi::state::Value;

namespace {

std::uint32_t hashOf(std::string_view path) {
    return static_cast<std::uint32_t>(bi::state::paths::PathHash{}(path));
}

} // namespace

// Entries are found by their whole path, hold what was put, and go stale
// (but stay findable, to be put over in place) when the cache is invalidated.
TEST(PathNodeCache, EntriesGoStaleOnInvalidateAndArePutOverInPlace) {
    PathNodeCache cache;
    Value a(1);
    Value b(2);
    EXPECT_EQ(cache.find("a", hashOf("a")), PathNodeCache::kNone);
    const std::uint32_t top = cache.put(PathNodeCache::kNone, "a", hashOf("a"), &a, PathNodeCache::kNone);
    const std::uint32_t below = cache.put(PathNodeCache::kNone, "a.b", hashOf("a.b"), &b, top);
    ASSERT_NE(top, PathNodeCache::kNone);
    EXPECT_EQ(cache.find("a.b", hashOf("a.b")), below);
    EXPECT_EQ(cache.find("a.c", hashOf("a.c")), PathNodeCache::kNone);
    EXPECT_EQ(cache.at(below).node, &b);
    EXPECT_EQ(cache.at(below).parent, top);
    EXPECT_TRUE(cache.current(below));
    cache.invalidate();
    EXPECT_FALSE(cache.current(below));
    EXPECT_FALSE(cache.current(top));
    EXPECT_EQ(cache.find("a.b", hashOf("a.b")), below);
    EXPECT_EQ(cache.put(below, "a.b", hashOf("a.b"), &a, top), below);
    EXPECT_TRUE(cache.current(below));
    EXPECT_EQ(cache.at(below).node, &a);
    cache.clear();
    EXPECT_EQ(cache.find("a.b", hashOf("a.b")), PathNodeCache::kNone);
}

// The table grows past its first size (256 slots at load 1/2) and every
// path stays findable, with its own entry.
TEST(PathNodeCache, ManyPathsStayFindableAsTheTableGrows) {
    PathNodeCache cache;
    std::vector<Value> nodes(2000);
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string path = "items." + std::to_string(i) + ".value";
        ids.push_back(
            cache.put(PathNodeCache::kNone, path, hashOf(path), &nodes[i], PathNodeCache::kNone));
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string path = "items." + std::to_string(i) + ".value";
        const std::uint32_t id = cache.find(path, hashOf(path));
        ASSERT_EQ(id, ids[i]) << path;
        EXPECT_EQ(cache.at(id).node, &nodes[i]);
    }
}
