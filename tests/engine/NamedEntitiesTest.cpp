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

// The front-coded stream: the longest name, replacements of one to four UTF-8 bytes
// and of two code points, a name after others sharing a long prefix, a text that stops
// inside a name, and bytes no name starts with.
TEST(NamedEntities, FrontCodedStreamReadsEveryShape) {
    EXPECT_EQ(ent::lookup("CounterClockwiseContourIntegral;"), "\xE2\x88\xB3");
    EXPECT_EQ(ent::lookup("Afr;"), "\xF0\x9D\x94\x84");
    EXPECT_EQ(ent::lookup("fjlig;"), "fj");
    EXPECT_EQ(ent::lookup("DoubleLongLeftRightArrow;"), "\xE2\x9F\xBA");
    EXPECT_EQ(ent::lookup("DoubleLongRightArrow;"), "\xE2\x9F\xB9");
    EXPECT_TRUE(ent::lookup("DoubleLongLeftArro;").empty());
    EXPECT_EQ(ent::lookup("sup1"), "\xC2\xB9");
    EXPECT_EQ(ent::lookup("sup;"), "\xE2\x8A\x83");
    EXPECT_TRUE(ent::lookup("sup").empty());
    EXPECT_EQ(ent::longestMatch("sup1;x").length, 5U);
    EXPECT_EQ(ent::longestMatch("sup12").length, 4U);
    EXPECT_EQ(ent::longestMatch("Doubl").length, 0U);
    EXPECT_TRUE(ent::lookup("").empty());
    EXPECT_TRUE(ent::lookup("[;").empty());
    EXPECT_TRUE(ent::lookup("\xC3\xA9;").empty());
    EXPECT_EQ(ent::longestMatch("{amp;").length, 0U);
}

// The two-byte groups a lookup scans: a group after others of its first letter, the
// group of two-byte names, texts too short to pick one, and a pair no name starts with.
TEST(NamedEntities, ScansTheGroupOfTheFirstTwoBytes) {
    EXPECT_EQ(ent::lookup("Nu;"), "\xCE\x9D");
    EXPECT_EQ(ent::lookup("Nscr;"), "\xF0\x9D\x92\xA9");
    EXPECT_EQ(ent::lookup("lt"), "<");
    EXPECT_EQ(ent::longestMatch("ltimes;").length, 7U);
    EXPECT_EQ(ent::longestMatch("lt").length, 2U);
    EXPECT_EQ(ent::longestMatch("l").length, 0U);
    EXPECT_TRUE(ent::lookup("Zz;").empty());
    EXPECT_EQ(ent::lookup("ZHcy;"), "\xD0\x96");
}
