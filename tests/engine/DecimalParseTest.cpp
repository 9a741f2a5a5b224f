// SPDX-License-Identifier: GPL-3.0-or-later
// parseDecimal (the minimal wasm module's number reader) against glibc's strtod,
// which rounds correctly, and against fast_float behind json::parseNumber here.
#include "core/DecimalParse.h"

#include "core/Json.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using bi::json::parseDecimal;

namespace {

// The bits strtod reads (every test token is in strtod's grammar).
std::uint64_t strtodBits(const std::string& token) {
    char* end = nullptr;
    const double d = std::strtod(token.c_str(), &end);
    EXPECT_EQ(end, token.c_str() + token.size()) << token;
    return std::bit_cast<std::uint64_t>(d);
}

// Compares by bits, so that -0 and 0 and each NaN-free value are told apart.
void expectSameAsStrtod(const std::string& token) {
    double d = 1234.5;
    ASSERT_TRUE(parseDecimal(token, d)) << token;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(d), strtodBits(token)) << token;
}

std::string randomDigits(std::mt19937_64& rng, std::size_t count) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) {
        s += static_cast<char>('0' + rng() % 10);
    }
    return s;
}

// The exact decimal value halfway between d and the next double up: on x86-64 a
// long double has 64 significand bits and a wider exponent, so it holds the sum
// of two doubles over two exactly, and glibc prints its every digit.
std::string halfwayAbove(double d) {
    const long double half = (static_cast<long double>(d) + std::nextafter(d, INFINITY)) / 2;
    char buffer[1200];
    std::snprintf(buffer, sizeof buffer, "%.800Le", half);
    std::string s(buffer);
    const std::size_t e = s.find('e');
    std::size_t last = e;
    while (s[last - 1] == '0') {
        --last;
    }
    return s.substr(0, last) + s.substr(e);
}

// The decimal one unit of its last digit below `mantissa` ("1.25" -> "1.24", "3.0" -> "2.9").
std::string decrementLast(std::string mantissa) {
    for (std::size_t i = mantissa.size(); i-- > 0;) {
        if (mantissa[i] == '.') {
            continue;
        }
        if (mantissa[i] != '0') {
            --mantissa[i];
            break;
        }
        mantissa[i] = '9';
    }
    return mantissa;
}

} // namespace

// Ties, subnormal and overflow boundaries, the exact path's edges, odd grammar.
TEST(DecimalParse, ReadsHardCasesLikeStrtod) {
    // clang-format off
    static const char* const kTokens[] = {
        "0", "-0", "0.0", "-0.0e5", "1", "-1", "0.1", "0.30000000000000004", "123456789012345678901234567890",
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
        "9007199254740993.0000001", "18014398509481985", "2.2250738585072011e-308", "2.2250738585072012e-308",
        "2.2250738585072014e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "7.4109846876186982e-324", "1e-323", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1.00000000000000011102230246251565404236316680908203125",
        "1.000000000000000111022302462515654042363166809082031250000001", "0.30000000000000004441",
        "7.3177701707893310e+15", "1e22", "1e23", "8.41e21", "1448997445238699", "0.000001", "1e-7",
        "123.456e-30", "5e-324", "1e-400", "-1e-400", "1e400", "-1e400", "1E+2", "1e-0", "00012.5000", "1.",
        ".5", "-.25e1", "3.0e-5", "0e99999999999999999999", "1e99999999999999999999",
        "1e-99999999999999999999", "4503599627370496.5", "4503599627370497.5", "2.5", "3.5",
        "1.448997445238699e15", "179769313486231580793728971405301e276", "6.631236846766476e-316",
        "3.2378839133029012e-319", "6.9533558078350043e-310", "4.4501477170144023e-308",
    };
    // clang-format on
    for (const char* token : kTokens) {
        expectSameAsStrtod(token);
    }
}

// Random significands of 1 to 40 digits with a point anywhere, exponents across
// the whole range (and beyond it at both ends).
TEST(DecimalParse, ReadsRandomNumbersLikeStrtod) {
    std::mt19937_64 rng(20261201);
    for (int i = 0; i < 60000; ++i) {
        std::string token = (rng() % 2) != 0 ? "-" : "";
        std::string digits = randomDigits(rng, 1 + rng() % 40);
        const std::size_t point = rng() % (digits.size() + 1);
        if (point > 0 && point < digits.size()) {
            digits =
                digits.substr(0, point) + "." + digits.substr(point); // (insert trips g++ 12's -Wrestrict)
        }
        const int exponent = static_cast<int>(rng() % 700) - 360;
        token += digits + "e" + std::to_string(exponent);
        expectSameAsStrtod(token);
    }
}

// Every double's halfway point to the next one rounds to even; a digit far past
// the last one (beyond the 800 kept) breaks the tie upwards, a shortfall there downwards.
TEST(DecimalParse, RoundsHalfwayPointsToEven) {
    std::mt19937_64 rng(5);
    std::vector<double> values = {5e-324,
                                  1e-320,
                                  2.2250738585072009e-308,
                                  2.2250738585072014e-308,
                                  1.0,
                                  0.1,
                                  3.0,
                                  9007199254740992.0,
                                  1e23,
                                  1.7976931348623155e308};
    while (values.size() < 3000) {
        const double d = std::bit_cast<double>(rng() >> 1U); // positive, any exponent
        if (std::isfinite(std::nextafter(d, INFINITY))) {
            values.push_back(d);
        }
    }
    for (const double d : values) {
        const std::string half = halfwayAbove(d);
        const std::size_t e = half.find('e');
        expectSameAsStrtod(half);
        const std::string mantissa = half.substr(0, e);
        expectSameAsStrtod(mantissa + std::string(900, '0') + "1" + half.substr(e));
        expectSameAsStrtod(mantissa + std::string(900, '0') + half.substr(e));
        // The same tie broken by a last digit inside the 800 kept: scaling by powers
        // of two pushes its trace beyond them, where only the truncation flag keeps it.
        const std::size_t significant = mantissa.size() - 1; // "d.ddd", the first digit nonzero
        for (const std::size_t total : {798U, 799U, 800U}) {
            if (significant + 1 < total) {
                expectSameAsStrtod(mantissa + std::string(total - 1 - significant, '0') + "1" +
                                   half.substr(e));
            }
        }
        // Just below: one unit less in the last digit, then a run of nines.
        expectSameAsStrtod(decrementLast(mantissa) + std::string(900, '9') + half.substr(e));
    }
    // Ties within the exact path's reach (at most 19 digits once trailing zeros go,
    // times 10^e for |e| <= 22): the digit far past them must still break the tie.
    for (int i = 0; i < 3000; ++i) {
        const double d =
            std::ldexp(1.0 + static_cast<double>(rng() >> 12U) * 0x1p-52, 53 + static_cast<int>(rng() % 20));
        const std::string half = halfwayAbove(d);
        const std::size_t e = half.find('e');
        expectSameAsStrtod(half);
        expectSameAsStrtod(half.substr(0, e) + std::string(900, '0') + "1" + half.substr(e));
    }
    expectSameAsStrtod("18014398509482010." + std::string(900, '0') + "1"); // rounds up, the tie alone down
    double d = 0;
    ASSERT_TRUE(parseDecimal(halfwayAbove(1.0), d));
    EXPECT_EQ(d, 1.0); // 1 is even, 1 + 2^-52 is not
    ASSERT_TRUE(parseDecimal(halfwayAbove(std::nextafter(1.0, 2.0)), d));
    EXPECT_EQ(d, 1.0 + 2 * 0x1p-52);
}

TEST(DecimalParse, ReadsLongInputs) {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 200; ++i) {
        const std::size_t count = 700 + rng() % 1200;
        const std::string digits = randomDigits(rng, count);
        const int exponent = static_cast<int>(rng() % 700) - 360 - static_cast<int>(count / 2);
        expectSameAsStrtod(digits + "e" + std::to_string(exponent));
        expectSameAsStrtod("0." + std::string(rng() % 400, '0') + digits);
        expectSameAsStrtod(digits.substr(0, 400) + "." + digits.substr(400));
    }
    // Zeros before the first significant digit count only for the point.
    expectSameAsStrtod("0." + std::string(5000, '0') + "1e5001");
    expectSameAsStrtod(std::string(3000, '0') + "7.25");
    expectSameAsStrtod("1" + std::string(400, '0'));
    expectSameAsStrtod("1" + std::string(308, '0'));
}

TEST(DecimalParse, GivesInfinityAndSignedZeroOutOfRange) {
    double d = 0;
    ASSERT_TRUE(parseDecimal("1e400", d));
    EXPECT_EQ(d, INFINITY);
    ASSERT_TRUE(parseDecimal("-1e400", d));
    EXPECT_EQ(d, -INFINITY);
    ASSERT_TRUE(parseDecimal("-1e-400", d));
    EXPECT_EQ(d, 0.0);
    EXPECT_TRUE(std::signbit(d));
    ASSERT_TRUE(parseDecimal("2.4703282292062327e-324", d));
    EXPECT_EQ(d, 0.0); // just below half the smallest subnormal
    ASSERT_TRUE(parseDecimal("2.4703282292062328e-324", d));
    EXPECT_EQ(d, 5e-324);
}

TEST(DecimalParse, RejectsWhatIsNotANumber) {
    for (const char* bad :
         {"",     "-",     ".",    "-.",  "+1",  "1e", "1e+", "1e-",   "e5",    "1x",   "--1",
          "1..2", "1.2.3", "0x10", "inf", "nan", " 1", "1 ",  "1e5.0", "1e5e5", "1.5E", "\xC2\xB2"}) {
        double d = 42;
        EXPECT_FALSE(parseDecimal(bad, d)) << bad;
        EXPECT_EQ(d, 42);
    }
}

// json::parseNumber is fast_float in this build: the same doubles, the same tokens accepted.
TEST(DecimalParse, AgreesWithTheJsonReaderOfThisBuild) {
    std::mt19937_64 rng(11);
    for (int i = 0; i < 20000; ++i) {
        std::string token = randomDigits(rng, 1 + rng() % 25);
        if (rng() % 2 != 0) {
            const std::size_t point = rng() % (token.size() + 1);
            token = token.substr(0, point) + "." + token.substr(point);
        }
        if (rng() % 3 != 0) {
            token += (rng() % 2 != 0 ? "e-" : "E") + std::to_string(rng() % 400);
        }
        double ours = 0;
        double theirs = 0;
        const bool parsed = parseDecimal(token, ours);
        ASSERT_EQ(parsed && std::isfinite(ours), bi::json::parseNumber(token, theirs)) << token;
        if (parsed && std::isfinite(ours)) {
            EXPECT_EQ(std::bit_cast<std::uint64_t>(ours), std::bit_cast<std::uint64_t>(theirs)) << token;
        }
    }
}
