// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Json.h"

#include "core/ScanVariants.h"
#include "core/Utf8.h"

#define FMT_HEADER_ONLY
// No locale: fmt's thousands separator would otherwise pull libc++'s whole
// <locale> (strftime, environ, money/time facets) into the wasm module.
#define FMT_STATIC_THOUSANDS_SEPARATOR ','
#if defined(BI_JSON_COMPACT_NUMBERS)
#include "core/DecimalParse.h"
#else
#include <fast_float/fast_float.h>
#endif
#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h> // the string writer's 16-byte scan (x86-64 always has SSE2)
#endif

namespace bi::json {

// ---------------------------------------------------------------- Value

const Value* Value::find(std::string_view key) const {
    if (!isObject()) {
        return nullptr;
    }
    for (const auto& m : asObject()) {
        if (m.first == key) {
            return &m.second;
        }
    }
    return nullptr;
}

Value* Value::find(std::string_view key) {
    return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

Value& Value::set(std::string_view key, Value v) {
    if (!isObject()) {
        data_ = Object{};
    }
    if (Value* existing = find(key)) {
        *existing = std::move(v);
        return *existing;
    }
    auto& obj = asObject();
    obj.emplace_back(std::string(key), std::move(v));
    return obj.back().second;
}

bool Value::erase(std::string_view key) {
    if (!isObject()) {
        return false;
    }
    auto& obj = asObject();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it->first == key) {
            obj.erase(it);
            return true;
        }
    }
    return false;
}

Value& Value::push(Value v) {
    if (!isArray()) {
        data_ = Array{};
    }
    auto& arr = asArray();
    arr.push_back(std::move(v));
    return arr.back();
}

// ---------------------------------------------------------------- errors

std::string ParseError::describe() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

// ---------------------------------------------------------------- parser

namespace {

class Parser {
public:
    Parser(std::string_view text, ParseLimits limits) : text_(text), limits_(limits) {}

    Value parseDocument() {
        skipWhitespace();
        Value v = parseValue(0);
        skipWhitespace();
        if (pos_ != text_.size()) {
            fail("unexpected content after the JSON value");
        }
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { failAt(pos_, message); }

    [[noreturn]] void failAt(std::size_t offset, const std::string& message) const {
        ParseError e;
        e.offset = offset;
        e.line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++e.line;
                lineStart = i + 1;
            }
        }
        e.column = offset - lineStart + 1;
        e.message = message;
        throw e;
    }

    void skipWhitespace() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            ++pos_;
        }
    }

    Value parseValue(std::size_t depth) {
        if (pos_ >= text_.size()) {
            fail("unexpected end of input, expected a value");
        }
        switch (text_[pos_]) {
        case '{':
            return parseObject(depth + 1);
        case '[':
            return parseArray(depth + 1);
        case '"':
            return Value(parseString());
        case 't':
            expectWord("true");
            return Value(true);
        case 'f':
            expectWord("false");
            return Value(false);
        case 'n':
            expectWord("null");
            return Value(nullptr);
        default:
            return parseNumberValue();
        }
    }

    void expectWord(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            fail("invalid literal, expected '" + std::string(word) + "'");
        }
        pos_ += word.size();
    }

    void checkDepth(std::size_t depth) const {
        if (depth > limits_.maxDepth) {
            fail("nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
        }
    }

    Value parseObject(std::size_t depth) {
        checkDepth(depth);
        ++pos_; // '{'
        Object obj;
        skipWhitespace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return Value(std::move(obj));
        }
        while (true) {
            skipWhitespace();
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                fail("expected a string key in object");
            }
            std::string key = parseString();
            skipWhitespace();
            if (pos_ >= text_.size() || text_[pos_] != ':') {
                fail("expected ':' after object key");
            }
            ++pos_;
            skipWhitespace();
            Value v = parseValue(depth);
            bool replaced = false;
            for (auto& m : obj) {
                if (m.first == key) { // duplicate keys: last one wins, as in JS
                    m.second = std::move(v);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                obj.emplace_back(std::move(key), std::move(v));
            }
            skipWhitespace();
            if (pos_ >= text_.size()) {
                fail("unexpected end of input inside object");
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] == '}') {
                ++pos_;
                return Value(std::move(obj));
            }
            fail("expected ',' or '}' in object");
        }
    }

    Value parseArray(std::size_t depth) {
        checkDepth(depth);
        ++pos_; // '['
        Array arr;
        skipWhitespace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return Value(std::move(arr));
        }
        while (true) {
            skipWhitespace();
            arr.push_back(parseValue(depth));
            skipWhitespace();
            if (pos_ >= text_.size()) {
                fail("unexpected end of input inside array");
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] == ']') {
                ++pos_;
                return Value(std::move(arr));
            }
            fail("expected ',' or ']' in array");
        }
    }

    unsigned parseHex4() {
        if (pos_ + 4 > text_.size()) {
            fail("truncated \\u escape");
        }
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[pos_++];
            v <<= 4U;
            if (c >= '0' && c <= '9') {
                v |= static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v |= static_cast<unsigned>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v |= static_cast<unsigned>(c - 'A' + 10);
            } else {
                failAt(pos_ - 1, "invalid hex digit in \\u escape");
            }
        }
        return v;
    }

    void parseEscape(std::string& out) {
        if (pos_ >= text_.size()) {
            fail("unterminated string");
        }
        char e = text_[pos_++];
        switch (e) {
        case '"': out += '"'; return;
        case '\\': out += '\\'; return;
        case '/': out += '/'; return;
        case 'b': out += '\b'; return;
        case 'f': out += '\f'; return;
        case 'n': out += '\n'; return;
        case 'r': out += '\r'; return;
        case 't': out += '\t'; return;
        case 'u': break;
        default: failAt(pos_ - 1, "invalid escape character");
        }
        unsigned cp = parseHex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by a low one; a lone one becomes U+FFFD.
            if (pos_ + 6 <= text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
                std::size_t save = pos_;
                pos_ += 2;
                unsigned lo = parseHex4();
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10U) + (lo - 0xDC00);
                } else {
                    pos_ = save;
                    cp = 0xFFFD;
                }
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        utf8::append(cp, out);
    }

    std::string parseString() {
        ++pos_; // opening quote
        std::string out;
        while (true) {
            std::size_t runStart = pos_;
            while (pos_ < text_.size()) {
                auto c = static_cast<unsigned char>(text_[pos_]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
                    break;
                }
                ++pos_;
            }
            out.append(text_.data() + runStart, pos_ - runStart);
            if (pos_ >= text_.size()) {
                fail("unterminated string");
            }
            auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c == '\\') {
                ++pos_;
                parseEscape(out);
            } else if (c < 0x20) {
                fail("unescaped control character in string");
            } else {
                std::size_t len = utf8::sequenceLength(text_, pos_);
                if (len == 0) {
                    fail("invalid UTF-8 in string");
                }
                out.append(text_.data() + pos_, len);
                pos_ += len;
            }
        }
    }

    Value parseNumberValue() {
        std::size_t start = pos_;
        if (pos_ < text_.size() && text_[pos_] == '-') {
            ++pos_;
        }
        auto digits = [&] {
            std::size_t s = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
                ++pos_;
            }
            return pos_ - s;
        };
        std::size_t intDigits = digits();
        if (intDigits == 0) {
            failAt(start, "invalid value");
        }
        if (intDigits > 1 && text_[pos_ - intDigits] == '0') {
            failAt(start, "leading zeros are not allowed in numbers");
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (digits() == 0) {
                fail("expected digits after the decimal point");
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                ++pos_;
            }
            if (digits() == 0) {
                fail("expected digits in the exponent");
            }
        }
        double d = 0;
        if (!parseNumber(text_.substr(start, pos_ - start), d)) {
            failAt(start, "number out of range");
        }
        return Value(d);
    }

    std::string_view text_;
    ParseLimits limits_;
    std::size_t pos_ = 0;
};

} // namespace

Value parse(std::string_view text, ParseLimits limits) {
    return Parser(text, limits).parseDocument();
}

#if defined(BI_JSON_COMPACT_NUMBERS)

// The minimal wasm module reads numbers without fast_float, whose 10 KB table of
// powers of five was a thirtieth of the module, and without musl's strtod and its
// 128-bit soft float (13 KB): parseDecimal is an exact path for short numbers and
// a table-free exact conversion for the rest. Both readers round correctly, so
// every module and the native build read the same double from a token.
bool parseNumber(std::string_view token, double& out) {
    return parseDecimal(token, out) && std::isfinite(out);
}

#else

bool parseNumber(std::string_view token, double& out) {
    const char* first = token.data();
    const char* last = token.data() + token.size();
    auto result = fast_float::from_chars(first, last, out);
    if (result.ec != std::errc() || result.ptr != last) {
        return false;
    }
    return std::isfinite(out);
}

#endif

// ---------------------------------------------------------------- writer

namespace {

// The bytes of w that may need escaping (< 0x20, '"' or '\\'), as their high
// bits. Exact for "none", and the lowest flag is exact too (a false flag can
// only follow a true one), so its position is the first byte to escape.
std::uint64_t escapeMask(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    const std::uint64_t quote = w ^ (ones * '"');
    const std::uint64_t backslash = w ^ (ones * '\\');
    const std::uint64_t control = (w - ones * 0x20) & ~w;
    return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | control) & high;
}

// Byte index in w of the lowest flag of a non-zero escapeMask (w was loaded
// little-endian: the first input byte is the lowest).
std::size_t firstFlagged(std::uint64_t mask) {
    static_assert(std::endian::native == std::endian::little, "bytes are loaded little-endian");
    return static_cast<std::size_t>(std::countr_zero(mask)) / 8;
}

#if defined(__SSE2__)
// One bit per byte of the 16 at p that needs escaping (bit i: byte i): three
// compares and a movemask, where the portable escapeMask costs about a dozen
// operations per 8 bytes. Output is the same; only native builds take it.
unsigned escapeBits16(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v); // v <= 0x1F
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)));
}
#endif

} // namespace

namespace {

// The character after the backslash of c's escape: 0 for none, 'u' for \u00XX.
struct EscapeTable {
    char code[256] = {};
    constexpr EscapeTable() {
        for (int c = 0; c < 0x20; ++c) {
            code[c] = 'u';
        }
        code[static_cast<unsigned char>('"')] = '"';
        code[static_cast<unsigned char>('\\')] = '\\';
        code[static_cast<unsigned char>('\n')] = 'n';
        code[static_cast<unsigned char>('\r')] = 'r';
        code[static_cast<unsigned char>('\t')] = 't';
        code[static_cast<unsigned char>('\b')] = 'b';
        code[static_cast<unsigned char>('\f')] = 'f';
    }
};
constexpr EscapeTable kEscapes;

// Writes c's escape at d; returns its end.
char* writeEscape(unsigned char c, char* d) {
    static constexpr char hex[] = "0123456789abcdef";
    const char code = kEscapes.code[c];
    d[0] = '\\';
    d[1] = code;
    if (code != 'u') {
        return d + 2;
    }
    d[2] = '0';
    d[3] = '0';
    d[4] = hex[c >> 4U];
    d[5] = hex[c & 0xFU];
    return d + 6;
}

// Escapes s (at most kSegment bytes) to d, which has room for 6 bytes per
// byte of s; returns the end of what it wrote. Simd: the SSE2 blocks first
// (core/ScanVariants.h: the portable loops stay reachable for the tests).
template <bool Simd>
char* writeEscaped(std::string_view s, char* d) {
    const char* p = s.data();
    const char* const end = p + s.size();
#if defined(__SSE2__)
    while (Simd && end - p >= 16) {
        std::memcpy(d, p, 16); // stored before the test, as below
        const unsigned bits = escapeBits16(p);
        if (bits == 0) {
            p += 16;
            d += 16;
            continue;
        }
        const auto clean = static_cast<std::size_t>(std::countr_zero(bits));
        p += clean;
        d = writeEscape(static_cast<unsigned char>(*p), d + clean);
        ++p;
    }
#endif
    while (end - p >= 16) {
        // Sixteen bytes per test (escapes are far apart in most text). They
        // are stored before knowing whether they are clean (the room for
        // escaping them covers it), then the output keeps the part before the
        // first byte to escape: no per-run copy.
        std::uint64_t w[2] = {};
        std::memcpy(w, p, 16);
        std::memcpy(d, w, 16);
        const std::uint64_t low = escapeMask(w[0]);
        const std::uint64_t high = escapeMask(w[1]);
        if ((low | high) == 0) {
            p += 16;
            d += 16;
            continue;
        }
        const std::size_t clean = low != 0 ? firstFlagged(low) : 8 + firstFlagged(high);
        p += clean;
        d = writeEscape(static_cast<unsigned char>(*p), d + clean);
        ++p;
    }
    while (end - p >= 8) {
        // The same eight bytes at a time, then byte by byte.
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        std::memcpy(d, &w, 8);
        const std::uint64_t mask = escapeMask(w);
        if (mask == 0) {
            p += 8;
            d += 8;
            continue;
        }
        const std::size_t clean = firstFlagged(mask);
        p += clean;
        d = writeEscape(static_cast<unsigned char>(*p), d + clean);
        ++p;
    }
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (kEscapes.code[c] != 0) {
            d = writeEscape(c, d);
        } else {
            *d++ = static_cast<char>(c);
        }
    }
    return d;
}

// Offset of the first byte of s that needs escaping, or s.size().
template <bool Simd>
std::size_t firstEscape(std::string_view s) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; Simd && s.size() - i >= 16; i += 16) {
        if (const unsigned bits = escapeBits16(s.data() + i); bits != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(bits));
        }
    }
#endif
    for (; s.size() - i >= 8; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, s.data() + i, 8);
        if (const std::uint64_t mask = escapeMask(w); mask != 0) {
            return i + firstFlagged(mask);
        }
    }
    while (i < s.size() && kEscapes.code[static_cast<unsigned char>(s[i])] == 0) {
        ++i;
    }
    return i;
}

// Input bytes escaped per step into a stack buffer sized for their worst case
// (6 bytes each), then appended: an escape costs a few stores instead of an
// append, and nothing is zero-filled (growing `out` by the worst case first
// would memset six bytes per input byte, measured slower).
constexpr std::size_t kSegment = 1024;

} // namespace

// Clean strings up to this long are quoted in a stack buffer and appended
// once (keys, cells, titles: most strings), instead of three appends.
constexpr std::size_t kShortString = 62;

namespace {

// Whether the n bytes at p need no escape; the 16 bytes after them are read
// too and must need none (the caller pads with 'a'): whole blocks only, no
// byte loop for the tail of a short string.
template <bool Simd>
bool paddedClean(const char* p, std::size_t n) {
#if defined(__SSE2__)
    if constexpr (Simd) {
        unsigned bits = 0;
        for (std::size_t i = 0; i < n; i += 16) {
            bits |= escapeBits16(p + i);
        }
        return bits == 0;
    }
#endif
    std::uint64_t mask = 0;
    for (std::size_t i = 0; i < n; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, 8);
        mask |= escapeMask(w);
    }
    return mask == 0;
}

template <bool Simd>
void writeStringWith(std::string_view s, std::string& out) {
    if (s.size() <= kShortString) {
        // The quoted string is laid out in the buffer before the test: when
        // clean (nearly always), it is appended as it stands.
        char quoted[kShortString + 2 + 16];
        quoted[0] = '"';
        std::memcpy(quoted + 1, s.data(), s.size());
        std::memset(quoted + 1 + s.size(), 'a', 16);
        if (paddedClean<Simd>(quoted + 1, s.size())) {
            quoted[s.size() + 1] = '"';
            out.append(quoted, s.size() + 2);
            return;
        }
    }
    const std::size_t clean = firstEscape<Simd>(s);
    out.push_back('"');
    out.append(s.substr(0, clean)); // the common case: all of it
    char escaped[6 * kSegment];
    for (std::size_t from = clean; from < s.size(); from += kSegment) {
        const std::string_view segment = s.substr(from, kSegment);
        out.append(escaped, static_cast<std::size_t>(writeEscaped<Simd>(segment, escaped) - escaped));
    }
    out.push_back('"');
}

} // namespace

void writeString(std::string_view s, std::string& out) { writeStringWith<scan_variants::kSimd>(s, out); }

} // namespace bi::json

namespace bi::scan_variants {

void writeJsonString(std::string_view s, std::string& out, bool simd) {
    if (simd) {
        json::writeStringWith<kSimd>(s, out);
    } else {
        json::writeStringWith<false>(s, out);
    }
}

} // namespace bi::scan_variants

namespace bi::json {

namespace {

// Splits fmt's shortest output ("1.5e-07", "123", "0.001") into digits and the
// decimal exponent n such that the value is 0.DIGITS × 10^n.
void shortestDigits(double d, std::string& digits, int& n) {
    // fmt's Dragonbox straight: the shortest round-trip significand and its power of
    // ten, without fmt's float writer and its digit grouping (about 1.5 KB of wasm).
    const auto decimal = fmt::detail::dragonbox::to_decimal(d);
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, decimal.significand).ptr;
    std::size_t length = static_cast<std::size_t>(end - buf);
    int exponent = decimal.exponent;
    while (length > 1 && buf[length - 1] == '0') {
        --length;
        ++exponent;
    }
    digits.assign(buf, length);
    n = static_cast<int>(length) + exponent;
}

} // namespace

void writeNumber(double d, std::string& out) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (d == 0) {
        out += '0'; // -0 prints as 0, as in JS
        return;
    }
    if (d < 0) {
        out += '-';
        d = -d;
    }
    if (d < 9007199254740992.0 && d == std::floor(d)) {
        char digits[24]; // integer to_chars: no temporary string
        const auto end = std::to_chars(digits, digits + sizeof digits, static_cast<std::int64_t>(d)).ptr;
        out.append(digits, static_cast<std::size_t>(end - digits));
        return;
    }
    std::string digits;
    int n = 0;
    shortestDigits(d, digits, n);
    const int k = static_cast<int>(digits.size());
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, 0, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits, static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        int e = n - 1;
        out += e < 0 ? '-' : '+';
        out += std::to_string(e < 0 ? -e : e);
    }
}

std::string formatNumber(double d) {
    std::string s;
    writeNumber(d, s);
    return s;
}

void write(const Value& v, std::string& out) {
    switch (v.type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Type::Number: writeNumber(v.asNumber(), out); break;
    case Type::String: writeString(v.asString(), out); break;
    case Type::ArrayValue: {
        out += '[';
        bool first = true;
        for (const auto& e : v.asArray()) {
            if (!first) {
                out += ',';
            }
            first = false;
            write(e, out);
        }
        out += ']';
        break;
    }
    case Type::ObjectValue: {
        out += '{';
        bool first = true;
        for (const auto& [k, e] : v.asObject()) {
            if (!first) {
                out += ',';
            }
            first = false;
            writeString(k, out);
            out += ':';
            write(e, out);
        }
        out += '}';
        break;
    }
    }
}

std::string write(const Value& v) {
    std::string out;
    write(v, out);
    return out;
}

} // namespace bi::json
