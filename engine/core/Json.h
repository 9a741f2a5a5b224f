// SPDX-License-Identifier: GPL-3.0-or-later
// A small JSON value type shared by every part of the engine.
//
// Why our own: native and wasm output must match byte for byte, so numbers are
// parsed correctly rounded (fast_float; the minimal wasm module core/DecimalParse.h,
// an exact conversion without tables) and printed (fmt's Dragonbox shortest
// round-trip digits, laid out the way ECMAScript's Number::toString does) by the
// same code in every build.
// Objects keep insertion order so that output is deterministic.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bi::json {

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>;

enum class Type : std::uint8_t { Null, Bool, Number, String, ArrayValue, ObjectValue };

class Value {
  public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : data_(b) {}
    Value(double d) : data_(d) {}
    Value(int i) : data_(static_cast<double>(i)) {}
    Value(std::int64_t i) : data_(static_cast<double>(i)) {}
    Value(std::size_t i) : data_(static_cast<double>(i)) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(std::string_view s) : data_(std::string(s)) {}
    Value(Array a) : data_(std::move(a)) {}
    Value(Object o) : data_(std::move(o)) {}

    static Value array() { return Value(Array{}); }
    static Value object() { return Value(Object{}); }

    [[nodiscard]] Type type() const { return static_cast<Type>(data_.index()); }
    [[nodiscard]] bool isNull() const { return type() == Type::Null; }
    [[nodiscard]] bool isBool() const { return type() == Type::Bool; }
    [[nodiscard]] bool isNumber() const { return type() == Type::Number; }
    [[nodiscard]] bool isString() const { return type() == Type::String; }
    [[nodiscard]] bool isArray() const { return type() == Type::ArrayValue; }
    [[nodiscard]] bool isObject() const { return type() == Type::ObjectValue; }

    [[nodiscard]] bool asBool() const { return std::get<bool>(data_); }
    [[nodiscard]] double asNumber() const { return std::get<double>(data_); }
    [[nodiscard]] const std::string& asString() const { return std::get<std::string>(data_); }
    [[nodiscard]] std::string& asString() { return std::get<std::string>(data_); }
    [[nodiscard]] const Array& asArray() const { return std::get<Array>(data_); }
    [[nodiscard]] Array& asArray() { return std::get<Array>(data_); }
    [[nodiscard]] const Object& asObject() const { return std::get<Object>(data_); }
    [[nodiscard]] Object& asObject() { return std::get<Object>(data_); }

    // Object access. find returns nullptr when absent (or when this is not an object).
    [[nodiscard]] const Value* find(std::string_view key) const;
    [[nodiscard]] Value* find(std::string_view key);
    // Inserts or replaces; keeps the original position of an existing key.
    Value& set(std::string_view key, Value v);
    bool erase(std::string_view key);
    // Appends to an array.
    Value& push(Value v);

    friend bool operator==(const Value& a, const Value& b) { return a.data_ == b.data_; }

  private:
    std::variant<std::monostate, bool, double, std::string, Array, Object> data_;
};

// A parse failure with the 1-based line and column of the offending byte.
struct ParseError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t offset = 0;
    std::string message;
    [[nodiscard]] std::string describe() const;
};

// Limits guard against hostile input (deep nesting would otherwise overflow the stack).
struct ParseLimits {
    std::size_t maxDepth = 512;
};

// Parses one JSON text (RFC 8259, UTF-8 validated). Throws ParseError.
Value parse(std::string_view text, ParseLimits limits = {});

// Compact serialisation, no whitespace.
std::string write(const Value& v);
void write(const Value& v, std::string& out);
void writeString(std::string_view s, std::string& out);
// ECMAScript Number::toString layout of the shortest round-trip digits.
// Non-finite numbers are written as null (as JSON.stringify does).
void writeNumber(double d, std::string& out);
std::string formatNumber(double d);

// Parses a JSON number token (the whole view). Returns false if it is not one.
bool parseNumber(std::string_view token, double& out);

// Whether `v` is a whole number in [min, max]: what an id, a level or a count must be
// before it is converted (a double outside the target type's range, or NaN, converts
// with undefined behaviour).
[[nodiscard]] inline bool isWholeNumber(double d, double min, double max) {
    return d >= min && d <= max && d == std::floor(d);
}
[[nodiscard]] inline bool isWholeNumber(const Value& v, double min, double max) {
    return v.isNumber() && isWholeNumber(v.asNumber(), min, max);
}
inline constexpr double kMaxU32 = 4294967295.0;
inline constexpr double kMaxInt32 = 2147483647.0;

} // namespace bi::json
