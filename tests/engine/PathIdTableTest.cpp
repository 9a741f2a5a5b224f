// SPDX-License-Identifier: GPL-3.0-or-later
// PathIdTable (interned paths, ids by first appearance) and PathIdMemo
// (answers by path id): ids stay put, colliding hashes still give each path
// its own id, remembered ids are checked rather than trusted, and clearing
// forgets everything at once.
#include "pipeline/PathIdMemo.h"
#include "pipeline/PathIdTable.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using bi::pipeline::PathIdMemo;
using bi::pipeline::PathIdTable;

namespace {

std::size_t sameHashForAll(std::string_view) { return 42; }

std::string pathNumber(std::size_t i) { return "catalog.items." + std::to_string(i) + ".price"; }

} // namespace

TEST(PathIdTable, IdsCountUpByFirstAppearanceAndStayPut) {
    PathIdTable table;
    EXPECT_EQ(table.find("a.b"), PathIdTable::kNone);
    EXPECT_EQ(table.intern("a.b"), 0u);
    EXPECT_EQ(table.intern(""), 1u); // the root is a path like any other
    EXPECT_EQ(table.intern("a"), 2u);
    EXPECT_EQ(table.intern("a.b"), 0u);
    EXPECT_EQ(table.find("a.b"), 0u);
    EXPECT_EQ(table.find(""), 1u);
    EXPECT_EQ(table.find("a.b.c"), PathIdTable::kNone);
    EXPECT_EQ(table.pathOf(2), "a");
    EXPECT_EQ(table.size(), 3u);
    // Thousands more (the slot array grows several times): the first ids keep their paths.
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < 5000; ++i) {
        ids.push_back(table.intern(pathNumber(i)));
        ASSERT_EQ(ids.back(), i + 3);
    }
    EXPECT_EQ(table.find("a.b"), 0u);
    EXPECT_EQ(table.pathOf(0), "a.b");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ASSERT_EQ(table.find(pathNumber(i)), ids[i]);
        ASSERT_EQ(table.pathOf(ids[i]), pathNumber(i));
    }
}

// Every path hashes alike: one probe chain holds them all, through growth,
// and only equal bytes make equal ids (prefixes and same-length paths differ).
TEST(PathIdTable, CollidingHashesStillGiveEachPathItsOwnId) {
    PathIdTable table(sameHashForAll);
    const std::vector<std::string> paths{"a", "a.b", "a.c", "b.a", "ab", "", "a.b.c", "a.bc"};
    for (std::size_t i = 0; i < paths.size(); ++i) {
        EXPECT_EQ(table.intern(paths[i]), i);
    }
    for (std::size_t i = 0; i < 600; ++i) {
        ASSERT_EQ(table.intern(pathNumber(i)), paths.size() + i);
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
        EXPECT_EQ(table.find(paths[i]), i) << paths[i];
        EXPECT_EQ(table.intern(paths[i]), i) << paths[i];
    }
    EXPECT_EQ(table.find("a.b.d"), PathIdTable::kNone);
    EXPECT_EQ(table.find(pathNumber(600)), PathIdTable::kNone);
    EXPECT_EQ(table.size(), paths.size() + 600);
}

// A remembered id is a guess: right, it is returned; wrong, out of range or
// kNone, the path is looked up (or added) as if none were given.
TEST(PathIdTable, RememberedIdsAreCheckedNotTrusted) {
    PathIdTable table;
    const std::uint32_t a = table.intern("orders.o1.total");
    const std::uint32_t b = table.intern("orders.o2.total");
    EXPECT_TRUE(table.holds(a, "orders.o1.total"));
    EXPECT_FALSE(table.holds(b, "orders.o1.total"));
    EXPECT_FALSE(table.holds(PathIdTable::kNone, "orders.o1.total"));
    EXPECT_FALSE(table.holds(7, "orders.o1.total"));
    EXPECT_EQ(table.intern("orders.o1.total", a), a);
    EXPECT_EQ(table.intern("orders.o1.total", b), a);
    EXPECT_EQ(table.intern("orders.o1.total", PathIdTable::kNone), a);
    EXPECT_EQ(table.intern("orders.o1.total", 1000), a);
    EXPECT_EQ(table.intern("orders.o3.total", a), 2u); // a wrong guess for a new path adds it
    EXPECT_EQ(table.size(), 3u);
}

// After clear() ids start from 0 again: an id kept from before names another
// path or none, and holds() says so.
TEST(PathIdTable, ClearForgetsEveryPathAndIdsStartAgain) {
    PathIdTable table;
    const std::uint32_t old = table.intern("x.y");
    table.intern("x.z");
    table.clear();
    EXPECT_EQ(table.size(), 0u);
    EXPECT_EQ(table.find("x.y"), PathIdTable::kNone);
    EXPECT_FALSE(table.holds(old, "x.y"));
    EXPECT_EQ(table.intern("x.z"), 0u); // the id "x.y" had
    EXPECT_FALSE(table.holds(old, "x.y"));
    EXPECT_EQ(table.intern("x.y", old), 1u);
    EXPECT_EQ(table.find("x.z"), 0u);
}

TEST(PathIdMemo, AnswersAreFoundByIdUntilCleared) {
    PathIdMemo<std::vector<std::uint32_t>> memo;
    EXPECT_EQ(memo.find(0), nullptr);
    EXPECT_EQ(memo.find(PathIdTable::kNone), nullptr);
    EXPECT_EQ(memo.put(5, {1, 2}), (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(memo.find(4), nullptr); // slots below a put id are not answers
    ASSERT_NE(memo.find(5), nullptr);
    EXPECT_EQ(*memo.find(5), (std::vector<std::uint32_t>{1, 2}));
    memo.put(5, {3}); // over the old answer
    EXPECT_EQ(*memo.find(5), (std::vector<std::uint32_t>{3}));
    memo.put(0, {});
    ASSERT_NE(memo.find(0), nullptr);
    EXPECT_TRUE(memo.find(0)->empty()); // an empty answer is an answer
    memo.clear();
    EXPECT_EQ(memo.find(5), nullptr);
    EXPECT_EQ(memo.find(0), nullptr);
    memo.put(0, {9});
    EXPECT_EQ(*memo.find(0), (std::vector<std::uint32_t>{9}));
    EXPECT_EQ(memo.find(5), nullptr); // still forgotten
}
