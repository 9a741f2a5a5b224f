// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/Value.h"

#include <cstring>

namespace bi::state {

namespace {

constexpr std::size_t kIndexThreshold = 16;

std::uint64_t mix(std::uint64_t x) {
    return Value::mixBits(x);
}

std::uint64_t contribution(std::uint64_t slot, std::uint64_t childHash) {
    return mix(mix(slot) ^ childHash);
}

std::uint64_t hashString(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
    for (unsigned char c : s) {
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t numberBits(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

const std::string kUndefinedMarker = "$undefined";

bool parseIndex(std::string_view segment, std::size_t& index) {
    if (segment.empty() || segment.size() > 9 || (segment.size() > 1 && segment[0] == '0')) {
        return false;
    }
    index = 0;
    for (char c : segment) {
        if (c < '0' || c > '9') {
            return false;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

} // namespace

Value::Value() : Value(Kind::Null) {}
Value::Value(Kind kind) : kind_(kind) {
    recomputeHash();
}
Value::Value(bool b) : kind_(Kind::Bool), bool_(b) {
    recomputeHash();
}
Value::Value(double d) : kind_(Kind::Number), number_(d) {
    recomputeHash();
}
Value::Value(std::string s) : kind_(Kind::String), string_(std::move(s)) {
    recomputeHash();
}
Value Value::undefined() {
    return Value(Kind::Undefined);
}
Value Value::array() {
    return Value(Kind::Array);
}
Value Value::object() {
    return Value(Kind::Object);
}

// Only the member the kind uses is copied or moved: runs copy scalars a lot.
Value::Value(const Value& other)
    : kind_(other.kind_), bool_(other.bool_), hashStale_(other.hashStale_), number_(other.number_),
      hash_(other.hash_) {
    switch (kind_) {
    case Kind::String:
        string_ = other.string_;
        break;
    case Kind::Array:
        items_ = other.items_;
        break;
    case Kind::Object:
        members_ = other.members_;
        if (other.index_) {
            index_ = std::make_unique<std::unordered_map<KeyId, std::uint32_t>>(*other.index_);
        }
        break;
    default:
        break;
    }
}

Value::Value(Value&& other) noexcept
    : kind_(other.kind_), bool_(other.bool_), hashStale_(other.hashStale_), number_(other.number_),
      hash_(other.hash_) {
    switch (kind_) {
    case Kind::String:
        string_ = std::move(other.string_);
        break;
    case Kind::Array:
        items_ = std::move(other.items_);
        break;
    case Kind::Object:
        members_ = std::move(other.members_);
        index_ = std::move(other.index_);
        break;
    default:
        break;
    }
}
Value& Value::operator=(Value&& other) noexcept = default;
Value::~Value() = default;

Value& Value::operator=(const Value& other) {
    if (this == &other) {
        return *this;
    }
    if (other.kind_ == Kind::Array || other.kind_ == Kind::Object) {
        Value copy(other); // other may live inside this tree
        *this = std::move(copy);
        return *this;
    }
    // A scalar: member by member, so a reused value keeps its buffers.
    // Everything is read before the containers are cleared: other may live in them.
    bool_ = other.bool_;
    number_ = other.number_;
    if (other.kind_ == Kind::String || !string_.empty()) { // a non-string's string_ is always empty
        string_ = other.string_;
    }
    hash_ = other.hash_;
    const Kind kind = other.kind_;
    if (kind_ == Kind::Array || kind_ == Kind::Object) { // a scalar's containers are always empty
        items_.clear();
        members_.clear();
        index_.reset();
    }
    kind_ = kind;
    hashStale_ = false; // scalars are never stale
    return *this;
}

// Children's hash() refreshes the stale ones first (a clean node has no
// stale descendants, so the recursion visits just the stale part of the tree).
void Value::recomputeHash() const {
    hashStale_ = false;
    switch (kind_) {
    case Kind::Undefined:
        hash_ = mix(1);
        break;
    case Kind::Null:
        hash_ = mix(2);
        break;
    case Kind::Bool:
        hash_ = mix(bool_ ? 3 : 4);
        break;
    case Kind::Number:
        hash_ = mix(numberBits(number_) ^ 0x5555);
        break;
    case Kind::String:
        hash_ = mix(hashString(string_) ^ 6);
        break;
    case Kind::Array:
        hash_ = mix(7);
        for (std::size_t i = 0; i < items_.size(); ++i) {
            hash_ += contribution(itemSlot(i), items_[i].hash());
        }
        break;
    case Kind::Object:
        hash_ = mix(8);
        for (const auto& m : members_) {
            hash_ += contribution(memberSlot(m.key), m.value.hash());
        }
        break;
    }
}

const Value* Value::member(KeyId key) const {
    if (index_) {
        auto it = index_->find(key);
        return it == index_->end() ? nullptr : &members_[it->second].value;
    }
    for (const auto& m : members_) {
        if (m.key == key) {
            return &m.value;
        }
    }
    return nullptr;
}

Value* Value::member(KeyId key) {
    return const_cast<Value*>(static_cast<const Value*>(this)->member(key));
}

const Value* Value::child(std::string_view segment) const {
    if (kind_ == Kind::Object) {
        auto key = KeyTable::global().find(segment);
        return key ? member(*key) : nullptr;
    }
    if (kind_ == Kind::Array) {
        std::size_t i = 0;
        return parseIndex(segment, i) && i < items_.size() ? &items_[i] : nullptr;
    }
    return nullptr;
}

void Value::rebuildIndex() {
    if (members_.size() < kIndexThreshold) {
        index_.reset();
        return;
    }
    if (!index_) {
        index_ = std::make_unique<std::unordered_map<KeyId, std::uint32_t>>();
    }
    index_->clear();
    for (std::uint32_t i = 0; i < members_.size(); ++i) {
        index_->emplace(members_[i].key, i);
    }
}

Value& Value::setMember(KeyId key, Value v) {
    // A stale hash is recomputed anyway; a clean one is fixed (a clean node's children are clean).
    if (Value* existing = member(key)) {
        if (!hashStale_) {
            hash_ += contribution(memberSlot(key), v.hash());
            hash_ -= contribution(memberSlot(key), existing->hash());
        }
        *existing = std::move(v);
        return *existing;
    }
    if (!hashStale_) {
        hash_ += contribution(memberSlot(key), v.hash());
    }
    members_.emplace_back(key, std::move(v));
    if (index_) {
        index_->emplace(key, static_cast<std::uint32_t>(members_.size() - 1));
    } else if (members_.size() >= kIndexThreshold) {
        rebuildIndex();
    }
    return members_.back().value;
}

void Value::eraseMember(KeyId key) {
    for (std::size_t i = 0; i < members_.size(); ++i) {
        if (members_[i].key == key) {
            if (!hashStale_) {
                hash_ -= contribution(memberSlot(key), members_[i].value.hash());
            }
            members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(i));
            if (index_) {
                rebuildIndex();
            }
            return;
        }
    }
}

void Value::pushItem(Value v) {
    if (!hashStale_) {
        hash_ += contribution(itemSlot(items_.size()), v.hash());
    }
    items_.push_back(std::move(v));
}

bool operator==(const Value& a, const Value& b) {
    if (a.kind_ != b.kind_ || a.hash() != b.hash()) {
        return false;
    }
    switch (a.kind_) {
    case Value::Kind::Undefined:
    case Value::Kind::Null:
        return true;
    case Value::Kind::Bool:
        return a.bool_ == b.bool_;
    case Value::Kind::Number:
        return a.number_ == b.number_ && numberBits(a.number_) == numberBits(b.number_);
    case Value::Kind::String:
        return a.string_ == b.string_;
    case Value::Kind::Array:
        return a.items_ == b.items_;
    case Value::Kind::Object:
        if (a.members_.size() != b.members_.size()) {
            return false;
        }
        for (const auto& m : a.members_) {
            const Value* other = b.member(m.key);
            if (other == nullptr || !(m.value == *other)) {
                return false;
            }
        }
        return true;
    }
    return false;
}

void Value::reserveMembers(std::size_t n) {
    members_.reserve(n);
}

void Value::reserveItems(std::size_t n) {
    items_.reserve(n);
}

Value Value::fromJson(const json::Value& v) {
    switch (v.type()) {
    case json::Type::Null:
        return Value();
    case json::Type::Bool:
        return Value(v.asBool());
    case json::Type::Number:
        return Value(v.asNumber());
    case json::Type::String:
        return Value(v.asString());
    case json::Type::ArrayValue: {
        Value out = array();
        out.items_.reserve(v.asArray().size());
        for (const auto& item : v.asArray()) {
            out.pushItem(fromJson(item));
        }
        return out;
    }
    case json::Type::ObjectValue: {
        const auto& obj = v.asObject();
        if (obj.size() == 1 && obj[0].first == kUndefinedMarker && obj[0].second == json::Value(true)) {
            return undefined();
        }
        Value out = object();
        out.members_.reserve(obj.size());
        for (const auto& m : obj) {
            out.setMember(KeyTable::global().intern(m.first), fromJson(m.second));
        }
        return out;
    }
    }
    return Value();
}

json::Value Value::toJson() const {
    switch (kind_) {
    case Kind::Undefined: {
        json::Object marker;
        marker.emplace_back(kUndefinedMarker, json::Value(true));
        return json::Value(std::move(marker));
    }
    case Kind::Null:
        return json::Value();
    case Kind::Bool:
        return json::Value(bool_);
    case Kind::Number:
        return json::Value(number_);
    case Kind::String:
        return json::Value(string_);
    case Kind::Array: {
        json::Array arr;
        arr.reserve(items_.size());
        for (const auto& item : items_) {
            arr.push_back(item.toJson());
        }
        return json::Value(std::move(arr));
    }
    case Kind::Object: {
        json::Object obj;
        obj.reserve(members_.size());
        for (const auto& m : members_) {
            obj.emplace_back(KeyTable::global().name(m.key), m.value.toJson());
        }
        return json::Value(std::move(obj));
    }
    }
    return json::Value();
}

std::string Value::text() const {
    return json::write(toJson());
}

} // namespace bi::state
