// SPDX-License-Identifier: GPL-3.0-or-later
// HashSlots, the slot array of the interning tables: every filed id is found
// again through growth and long probe chains, the owner's key test decides
// between equal hashes, and reset forgets everything.
#include "core/HashSlots.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

// (Built by append: g++ 12 warns falsely on "literal" + std::to_string.)
std::string key(const char* prefix, std::uint32_t i) {
    std::string k(prefix);
    k += std::to_string(i);
    return k;
}

struct Table {
    bi::HashSlots slots{4};
    std::vector<std::string> keys;

    std::uint32_t find(const std::string& key, std::uint32_t hash) const {
        return slots.find(hash, [&](std::uint32_t id) { return keys[id] == key; });
    }
    std::uint32_t add(const std::string& key, std::uint32_t hash) {
        keys.push_back(key);
        const auto id = static_cast<std::uint32_t>(keys.size() - 1);
        slots.insert(hash, id, keys.size());
        return id;
    }
};

TEST(HashSlots, FindsEveryIdThroughGrowth) {
    Table t;
    for (std::uint32_t i = 0; i < 5000; ++i) {
        EXPECT_EQ(t.add(key("k", i), i * 2654435761U), i);
    }
    for (std::uint32_t i = 0; i < 5000; ++i) {
        ASSERT_EQ(t.find(key("k", i), i * 2654435761U), i);
    }
    EXPECT_EQ(t.find("absent", 12345), bi::HashSlots::kNone);
}

TEST(HashSlots, EqualHashesAreToldApartByTheKey) {
    Table t;
    for (std::uint32_t i = 0; i < 300; ++i) {
        t.add(key("same-hash-", i), 7); // one probe chain for all
    }
    for (std::uint32_t i = 0; i < 300; ++i) {
        ASSERT_EQ(t.find(key("same-hash-", i), 7), i);
    }
    EXPECT_EQ(t.find("same-hash-300", 7), bi::HashSlots::kNone);
    EXPECT_EQ(t.find("same-hash-1", 8), bi::HashSlots::kNone); // right key, other hash
}

TEST(HashSlots, ResetForgetsEveryId) {
    Table t;
    t.add("a", 1);
    t.add("b", 2);
    t.slots.reset(8);
    EXPECT_EQ(t.find("a", 1), bi::HashSlots::kNone);
    EXPECT_EQ(t.find("b", 2), bi::HashSlots::kNone);
    t.keys.clear();
    EXPECT_EQ(t.add("b", 2), 0U);
    EXPECT_EQ(t.find("b", 2), 0U);
}

} // namespace
