// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Json.h"

#include <gtest/gtest.h>

using namespace bi::json;

TEST(Json, RoundTripsCompactly) {
    const std::string text = R"({"a":[1,2.5,-3,true,false,null],"b":{"c":"x\"y\n"},"e":{}})";
    EXPECT_EQ(write(parse(text)), text);
}

TEST(Json, KeepsInsertionOrderAndLastDuplicateWins) {
    EXPECT_EQ(write(parse(R"({"z":1,"a":2,"z":3})")), R"({"z":3,"a":2})");
}

TEST(Json, FormatsNumbersLikeEcmaScript) {
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(formatNumber(1e21), "1e+21");
    EXPECT_EQ(formatNumber(1e20), "100000000000000000000");
    EXPECT_EQ(formatNumber(1.5e-7), "1.5e-7");
    EXPECT_EQ(formatNumber(0.000001), "0.000001");
    EXPECT_EQ(formatNumber(123456789.125), "123456789.125");
    EXPECT_EQ(formatNumber(-0.0), "0");
    EXPECT_EQ(formatNumber(5e-324), "5e-324");
    EXPECT_EQ(formatNumber(1.7976931348623157e308), "1.7976931348623157e+308");
    EXPECT_EQ(formatNumber(-42), "-42");
}

TEST(Json, ParsesNumbersExactly) {
    double d = 0;
    ASSERT_TRUE(parseNumber("0.30000000000000004", d));
    EXPECT_EQ(d, 0.1 + 0.2);
    EXPECT_FALSE(parseNumber("1e400", d));
    EXPECT_FALSE(parseNumber("12x", d));
}

TEST(Json, ReportsLineAndColumn) {
    try {
        parse("{\n  \"a\": 1,\n  \"b\": tru\n}");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line, 3U);
        EXPECT_EQ(e.column, 8U);
        EXPECT_NE(e.describe().find("line 3, column 8"), std::string::npos);
    }
}

TEST(Json, RejectsMalformedInput) {
    for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"a", "nul", "[1] x",
                            "\"\x01\"", "\"\xC3\x28\"", "\"\xED\xA0\x80\""}) {
        EXPECT_THROW(parse(bad), ParseError) << bad;
    }
}

TEST(Json, BoundsNestingDepth) {
    std::string deep(10000, '[');
    EXPECT_THROW(parse(deep), ParseError);
}

TEST(Json, DecodesEscapesAndSurrogatePairs) {
    EXPECT_EQ(parse(R"("\u00e9\ud83d\ude00\/")").asString(), "\xC3\xA9\xF0\x9F\x98\x80/");
    EXPECT_EQ(parse(R"("\ud800")").asString(), "\xEF\xBF\xBD"); // lone surrogate -> U+FFFD
    EXPECT_EQ(write(Value("\x01")), R"("\u0001")");
}
