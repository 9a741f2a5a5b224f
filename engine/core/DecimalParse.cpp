// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/DecimalParse.h"

#include <cstdint>
#include <cstring>

namespace bi::json {

namespace {

// A decimal 0.d1d2d3... x 10^point_ whose digits are multiplied and divided by
// powers of two in place until the integer part is the double's 53-bit
// significand and the fraction tells the rounding (the "decimal shifting"
// conversion Go's strconv and Rust's core fall back to). Exact, with no table and
// no wide arithmetic: each step is one pass over the digits with a 64-bit carry.
//
// Only the first capacity_ significant digits are kept; truncated_ records that a
// nonzero one was dropped, so that a value that looks exactly halfway between two
// doubles is known to lie above the halfway point. A halfway point has at most 767
// significant digits, so kCapacity (800) tell every case apart. Those cost time,
// though (near 1e300 a pass has ~700 digits): kQuickCapacity decide all but the
// numbers within 10^-20 of a halfway point (see decided()), which are read again.
class DecimalDigits {
public:
    static constexpr int kCapacity = 800;
    static constexpr int kQuickCapacity = 40;

    explicit DecimalDigits(int capacity) : capacity_(capacity) {}
    // Takes the digits and exponent of token; false when it is not a number.
    bool read(std::string_view token);
    [[nodiscard]] bool negative() const { return negative_; }
    // Clinger's exact path: a significand of at most 2^53 times 10^e, |e| <= 22,
    // where both factors are exact doubles and one IEEE operation rounds the value.
    bool readExactly(double& out) const;
    // The bits of the nearest double to the magnitude (ties to even; consumes the
    // digits); false when the digits kept cannot tell (never at kCapacity).
    bool toBits(std::uint64_t& bits);

private:
    bool readExponent(std::string_view part);
    void push(char c);
    void trim();
    void shift(int bits);
    void shiftLeft(unsigned bits);
    void shiftRight(unsigned bits);
    [[nodiscard]] std::uint64_t roundedInteger() const;
    [[nodiscard]] bool decided() const;

    // The largest shift whose carry fits in 64 bits (a digit times 2^60 plus a carry).
    static constexpr int kMaxShift = 60;
    // One slot beyond the capacity: a left shift may write one digit too many
    // before it knows whether the product has one digit fewer than its bound.
    std::uint8_t digits_[kCapacity + 1];
    const int capacity_;
    int count_ = 0;
    std::int64_t point_ = 0;
    bool truncated_ = false;
    bool negative_ = false;
};

bool DecimalDigits::read(std::string_view token) {
    std::size_t i = 0;
    negative_ = !token.empty() && token[0] == '-';
    i += negative_ ? 1 : 0;
    std::size_t written = 0;
    bool fraction = false;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        if (c == '.' && !fraction) {
            fraction = true;
            continue;
        }
        if (c < '0' || c > '9') {
            break;
        }
        ++written;
        if (count_ == 0 && c == '0') {
            point_ -= fraction ? 1 : 0; // leading zeros only move the point
            continue;
        }
        push(c);
        point_ += fraction ? 0 : 1;
    }
    if (written == 0 || (i < token.size() && !readExponent(token.substr(i)))) {
        return false;
    }
    trim();
    return true;
}

// "e-12", "E+5", "e7" added to the point.
bool DecimalDigits::readExponent(std::string_view part) {
    // Far beyond any double's range, and small enough that the sum cannot overflow.
    constexpr std::int64_t kLargest = std::int64_t{1} << 40;
    if (part[0] != 'e' && part[0] != 'E') {
        return false;
    }
    std::size_t i = 1;
    const bool negative = i < part.size() && part[i] == '-';
    i += (i < part.size() && (part[i] == '-' || part[i] == '+')) ? 1 : 0;
    const std::size_t firstDigit = i;
    std::int64_t exponent = 0;
    for (; i < part.size() && part[i] >= '0' && part[i] <= '9'; ++i) {
        if (exponent < kLargest) {
            exponent = exponent * 10 + (part[i] - '0');
        }
    }
    if (i == firstDigit || i != part.size()) {
        return false;
    }
    point_ += negative ? -exponent : exponent;
    return true;
}

void DecimalDigits::push(char c) {
    if (count_ < capacity_) {
        digits_[count_++] = static_cast<std::uint8_t>(c - '0');
    } else {
        truncated_ = truncated_ || c != '0';
    }
}

void DecimalDigits::trim() {
    while (count_ > 0 && digits_[count_ - 1] == 0) {
        --count_;
    }
}

// 10^e for 0 <= e <= 22 by squaring: those powers of ten are all doubles, so every
// product is exact (and cheaper in code than their table).
double exactPowerOfTen(int e) {
    double result = 1;
    for (double square = 10; e > 0; e >>= 1, square *= square) {
        result *= (e & 1) != 0 ? square : 1;
    }
    return result;
}

bool DecimalDigits::readExactly(double& out) const {
    constexpr int kMaxExponent = 22;
    constexpr int kMaxDigits = 19; // any 19 digits fit in 64 bits
    constexpr std::uint64_t kExactLimit = std::uint64_t{1} << 53;
    const std::int64_t exponent = point_ - count_;
    // (Dropped digits would make a tie here one that rounds up.)
    if (truncated_ || count_ > kMaxDigits || exponent < -kMaxExponent || exponent > kMaxExponent) {
        return false;
    }
    std::uint64_t significand = 0;
    for (int k = 0; k < count_; ++k) {
        significand = significand * 10 + digits_[k];
    }
    if (significand > kExactLimit) {
        return false;
    }
    const auto value = static_cast<double>(significand);
    const double scale = exactPowerOfTen(static_cast<int>(exponent < 0 ? -exponent : exponent));
    out = exponent < 0 ? value / scale : value * scale;
    return true;
}

bool DecimalDigits::toBits(std::uint64_t& bits) {
    constexpr int kSignificandBits = 52;
    constexpr int kBias = 1023;
    constexpr int kMaxBiased = 0x7FF;
    constexpr std::uint64_t kInfinity = std::uint64_t{kMaxBiased} << kSignificandBits;
    // 10^330 underflows and 10^310 overflows whatever the digits.
    bits = count_ != 0 && point_ > 310 ? kInfinity : 0;
    if (count_ == 0 || point_ < -330 || point_ > 310) {
        return true;
    }
    // Shifts by less than log2(10^point), so the point moves toward zero without
    // overshooting [0.5, 1) (2^27 < 10^9, 2^60 < 10^19); the widest steps make the
    // fewest passes over the digits.
    static constexpr int kSteps[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
    auto step = [](std::int64_t point) { return point < 9 ? kSteps[point] : (point < 19 ? 27 : kMaxShift); };
    int exponent = 0;
    while (point_ > 0) {
        const int n = step(point_);
        shift(-n);
        exponent += n;
    }
    while (point_ < 0 || (point_ == 0 && digits_[0] < 5)) {
        const int n = step(-point_);
        shift(n);
        exponent -= n;
    }
    // The value is in [0.5, 1) times 2^exponent; a double's significand is in [1, 2).
    --exponent;
    if (exponent < 1 - kBias) {
        // Subnormal: the significand keeps the bits above 2^-1074 only.
        shift(exponent - (1 - kBias));
        exponent = 1 - kBias;
    }
    bits = kInfinity;
    if (exponent + kBias >= kMaxBiased) {
        return true;
    }
    shift(kSignificandBits + 1);
    if (!decided()) {
        return false;
    }
    std::uint64_t significand = roundedInteger();
    if (significand == std::uint64_t{2} << kSignificandBits) { // rounding carried into a new bit
        significand >>= 1;
        ++exponent;
        if (exponent + kBias >= kMaxBiased) {
            return true;
        }
    }
    constexpr std::uint64_t kHidden = std::uint64_t{1} << kSignificandBits;
    const int biased = (significand & kHidden) != 0 ? exponent + kBias : 0;
    bits = (significand & (kHidden - 1)) | (static_cast<std::uint64_t>(biased) << kSignificandBits);
    return true;
}

// Multiplies by 2^bits, or divides for a negative count.
void DecimalDigits::shift(int bits) {
    for (; bits > kMaxShift; bits -= kMaxShift) {
        shiftLeft(kMaxShift);
    }
    for (; bits < -kMaxShift; bits += kMaxShift) {
        shiftRight(kMaxShift);
    }
    if (bits > 0) {
        shiftLeft(static_cast<unsigned>(bits));
    } else if (bits < 0) {
        shiftRight(static_cast<unsigned>(-bits));
    }
}

// Right to left with a carry, in place (digit r lands at r + bound or r + bound - 1,
// never on a digit still to be read).
void DecimalDigits::shiftLeft(unsigned bits) {
    // 2^bits has floor(bits log10 2) + 1 digits (1233 / 4096 is exact enough up to
    // 60): the product has that many more digits than the value, or one fewer.
    const int bound = static_cast<int>((bits * 1233U) >> 12U) + 1;
    int write = count_ + bound;
    std::uint64_t n = 0;
    auto put = [&] {
        const std::uint64_t quotient = n / 10;
        const auto digit = static_cast<std::uint8_t>(n - quotient * 10);
        if (--write <= capacity_) {
            digits_[write] = digit;
        } else {
            truncated_ = truncated_ || digit != 0;
        }
        n = quotient;
    };
    for (int read = count_ - 1; read >= 0; --read) {
        n += std::uint64_t{digits_[read]} << bits;
        put();
    }
    while (n > 0) {
        put();
    }
    // write is 0, or 1 when the product came out one digit shorter than the bound.
    const int end = count_ + bound < capacity_ + 1 ? count_ + bound : capacity_ + 1;
    if (write > 0) {
        std::memmove(digits_, digits_ + write, static_cast<std::size_t>(end - write));
    }
    count_ = end - write;
    point_ += bound - write;
    if (count_ > capacity_) {
        truncated_ = truncated_ || digits_[capacity_] != 0;
        count_ = capacity_;
    }
    trim();
}

// Left to right like long division, in place (a digit is written only after the
// one at its place was read).
void DecimalDigits::shiftRight(unsigned bits) {
    if (count_ == 0) {
        return;
    }
    int read = 0;
    std::uint64_t n = 0;
    for (; (n >> bits) == 0; ++read) { // enough leading digits for a first quotient digit
        n = n * 10 + (read < count_ ? digits_[read] : 0);
    }
    point_ -= read - 1;
    const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
    int write = 0;
    for (; read < count_; ++read) {
        digits_[write++] = static_cast<std::uint8_t>(n >> bits);
        n = (n & mask) * 10 + digits_[read];
    }
    for (; n > 0; n = (n & mask) * 10) { // the remainder's digits; it ends after `bits` of them
        const auto digit = static_cast<std::uint8_t>(n >> bits);
        if (write < capacity_) {
            digits_[write++] = digit;
        } else {
            truncated_ = truncated_ || digit != 0;
        }
    }
    count_ = write;
    trim();
}

// The integer part rounded half to even by the fraction (point_ <= 17 here).
std::uint64_t DecimalDigits::roundedInteger() const {
    if (point_ < 0) {
        return 0; // below 0.1
    }
    const auto integerDigits = static_cast<int>(point_);
    std::uint64_t n = 0;
    for (int k = 0; k < integerDigits; ++k) {
        n = n * 10 + (k < count_ ? digits_[k] : 0);
    }
    if (integerDigits < count_) {
        const std::uint8_t first = digits_[integerDigits];
        // Digits are trimmed, so a lone 5 is exactly half (or just above when truncated).
        const bool half = first == 5 && integerDigits + 1 == count_;
        n += (half ? truncated_ || (n & 1) != 0 : first >= 5) ? 1 : 0;
    }
    return n;
}

// Whether the digits kept round the same way as the exact value. Exact when none
// were dropped; otherwise each of the fewer than 100 truncations (the input, every
// shift: toBits' loops take at most ~40 steps each) lost less than 10^(1 - capacity_)
// of the value, which is below 2^54 here: with 40 digits the exact value lies less
// than 2^54 * 100 * 10^-39 < 10^-20 above the one kept. Only a fraction in
// [0.5 - 10^-20, 0.5), "0.4" and nineteen nines, may then hide a half or more.
bool DecimalDigits::decided() const {
    constexpr int kDecidedDigits = 20;
    static_assert(kQuickCapacity - 17 >= kDecidedDigits, "the fraction must have the digits to look at");
    if (!truncated_ || capacity_ == kCapacity || point_ < 0 || count_ - point_ < kDecidedDigits) {
        return true;
    }
    const auto first = static_cast<int>(point_);
    if (digits_[first] != 4) {
        return true;
    }
    for (int k = first + 1; k < first + kDecidedDigits; ++k) {
        if (digits_[k] != 9) {
            return true;
        }
    }
    return false;
}

} // namespace

bool parseDecimal(std::string_view token, double& out) {
    DecimalDigits digits(DecimalDigits::kQuickCapacity);
    if (!digits.read(token)) {
        return false;
    }
    double magnitude = 0;
    if (!digits.readExactly(magnitude)) {
        std::uint64_t bits = 0;
        if (!digits.toBits(bits)) {
            DecimalDigits all(DecimalDigits::kCapacity);
            all.read(token);
            all.toBits(bits);
        }
        std::memcpy(&magnitude, &bits, sizeof magnitude); // (Emscripten 3.1.6's libc++ has no bit_cast)
    }
    out = digits.negative() ? -magnitude : magnitude;
    return true;
}

} // namespace bi::json
