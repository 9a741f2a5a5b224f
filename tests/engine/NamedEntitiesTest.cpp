// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/entities/NamedEntities.h"

#include <gtest/gtest.h>

namespace ent = bi::extract::entities;

TEST(NamedEntities, HoldsEveryNameOfTheStandard) {
    EXPECT_EQ(ent::count(), 2231U); // 2,125 with ';' plus 106 legacy forms without
}

TEST(NamedEntities, LooksUpExactNames) {
    EXPECT_EQ(ent::lookup("amp;"), "&");
    EXPECT_EQ(ent::lookup("amp"), "&");
    EXPECT_EQ(ent::lookup("NotNestedGreaterGreater;"), "\xE2\xAA\xA2\xCC\xB8");
    EXPECT_TRUE(ent::lookup("ampx;").empty());
    EXPECT_TRUE(ent::lookup("notin").empty()); // only "notin;" exists
}

TEST(NamedEntities, FindsTheLongestPrefix) {
    auto m = ent::longestMatch("notit;");
    EXPECT_EQ(m.length, 3U); // "not" (legacy), as the standard's example says
    EXPECT_EQ(m.replacement, "\xC2\xAC");
    auto n = ent::longestMatch("notin; x");
    EXPECT_EQ(n.length, 6U);
    EXPECT_TRUE(n.endsWithSemicolon("notin; x"));
    EXPECT_EQ(ent::longestMatch("zzz").length, 0U);
}

// The compact table: the first and last names, a legacy name sharing its ';' twin's
// bytes, and replacements shared between names all read back whole.
TEST(NamedEntities, CompactTableReadsEveryEdge) {
    EXPECT_EQ(ent::lookup("AElig"), "\xC3\x86");
    EXPECT_EQ(ent::lookup("AElig;"), "\xC3\x86");
    EXPECT_EQ(ent::lookup("zwnj;"), "\xE2\x80\x8C");
    EXPECT_EQ(ent::lookup("yuml"), "\xC3\xBF");
    EXPECT_EQ(ent::lookup("yuml;"), "\xC3\xBF");
    EXPECT_EQ(ent::lookup("AMP;"), ent::lookup("amp;"));
    EXPECT_TRUE(ent::lookup("AElig;;").empty());
    EXPECT_TRUE(ent::lookup("AEli").empty());
}
