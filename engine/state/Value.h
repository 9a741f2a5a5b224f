// SPDX-License-Identifier: GPL-3.0-or-later
// A node of the shadow tree (and the value of a change): JSON plus an
// `undefined` distinct from null. Object keys are interned; every node caches
// a structural hash (order-independent for objects), so comparing two subtrees
// starts with one integer test. A write below a container only marks its
// ancestors stale (see ShadowState); a stale hash is recomputed when read.
#pragma once

#include "core/Json.h"
#include "state/KeyTable.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace bi::state {

class Value {
  public:
    enum class Kind : std::uint8_t { Undefined, Null, Bool, Number, String, Array, Object };
    struct Member;

    Value();
    Value(bool b);
    Value(double d);
    Value(int i) : Value(static_cast<double>(i)) {}
    Value(std::string s);
    Value(const char* s) : Value(std::string(s)) {}
    static Value undefined();
    static Value array();
    static Value object();

    Value(const Value& other);
    // Out of line: Member is incomplete here, and clang's libstdc++ checks
    // that before instantiating vector<Member>'s members.
    Value(Value&& other) noexcept;
    Value& operator=(const Value& other);
    Value& operator=(Value&& other) noexcept;
    ~Value();

    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] bool isUndefined() const { return kind_ == Kind::Undefined; }
    [[nodiscard]] bool isNull() const { return kind_ == Kind::Null; }
    [[nodiscard]] bool isNullish() const { return kind_ <= Kind::Null; }
    [[nodiscard]] bool isBool() const { return kind_ == Kind::Bool; }
    [[nodiscard]] bool isNumber() const { return kind_ == Kind::Number; }
    [[nodiscard]] bool isString() const { return kind_ == Kind::String; }
    [[nodiscard]] bool isArray() const { return kind_ == Kind::Array; }
    [[nodiscard]] bool isObject() const { return kind_ == Kind::Object; }
    [[nodiscard]] bool asBool() const { return bool_; }
    [[nodiscard]] double asNumber() const { return number_; }
    [[nodiscard]] const std::string& asString() const { return string_; }
    [[nodiscard]] const std::vector<Value>& items() const { return items_; }
    [[nodiscard]] const std::vector<Member>& members() const { return members_; }
    // Exact: a stale hash (see markHashStale) is recomputed first.
    [[nodiscard]] std::uint64_t hash() const {
        if (hashStale_) {
            recomputeHash();
        }
        return hash_;
    }
    // Something below this container changed: the hash is recomputed on its
    // next read, from the children's. The caller marks every ancestor too (a
    // stale node's ancestors are always stale, so marking up from a write
    // stops at the first one already marked): writes sharing ancestors, as a
    // batch's do, then pay for each ancestor once, and only when it is read,
    // instead of once per write.
    void markHashStale() { hashStale_ = true; }
    [[nodiscard]] bool hashStale() const { return hashStale_; }

    [[nodiscard]] const Value* member(KeyId key) const;
    [[nodiscard]] Value* member(KeyId key);
    // Child by path segment: object key or array index; nullptr when absent.
    [[nodiscard]] const Value* child(std::string_view segment) const;

    // Object/array edits that keep this node's hash exact (or stale when it
    // was). The caller marks the ancestors stale (see ShadowState).
    Value& setMember(KeyId key, Value v);
    void eraseMember(KeyId key);
    void pushItem(Value v);
    // Room for n members or items, for a decoder that reads the count first
    // (as fromJson does from the parsed document).
    // (Defined in Value.cpp: Member is not complete yet here.)
    void reserveMembers(std::size_t n);
    void reserveItems(std::size_t n);
    [[nodiscard]] Value& itemAt(std::size_t i) { return items_[i]; }
    // The hashes' 64-bit mixer (splitmix64's finalizer).
    static std::uint64_t mixBits(std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

    // JSON equality with the engine's no-op rules: NaN never equals NaN and
    // -0 differs from +0; object member order does not matter.
    friend bool operator==(const Value& a, const Value& b);

    // JSON conversion. `undefined` is written as {"$undefined":true} and that
    // object is read back as undefined.
    static Value fromJson(const json::Value& v);
    [[nodiscard]] json::Value toJson() const;
    // The value's JSON text (undefined as its marker).
    [[nodiscard]] std::string text() const;

    static std::uint64_t memberSlot(KeyId key) { return key; }
    static std::uint64_t itemSlot(std::size_t i) { return (std::uint64_t{1} << 40) + i; }

  private:
    explicit Value(Kind kind);
    void rebuildIndex();
    void recomputeHash() const; // only the cached hash changes

    Kind kind_ = Kind::Null;
    bool bool_ = false;
    mutable bool hashStale_ = false; // hash_ is recomputed on the next hash()
    double number_ = 0;
    std::string string_;
    std::vector<Value> items_;
    std::vector<Member> members_;
    // Position of each key, only for objects large enough for a scan to hurt.
    std::unique_ptr<std::unordered_map<KeyId, std::uint32_t>> index_;
    mutable std::uint64_t hash_ = 0;
};

struct Value::Member {
    // A constructor, not an aggregate: emplace_back builds the member in place (clang 14,
    // em++'s, has no parenthesized aggregate init), one move less per member decoded.
    Member(KeyId k, Value&& v) : key(k), value(std::move(v)) {}
    KeyId key;
    Value value;
};

} // namespace bi::state
