// SPDX-License-Identifier: GPL-3.0-or-later
#include "InputChangeMatch.h"

#include <cstring>

namespace bi::wasm {

std::uint32_t InputChangeMatch::find(const pipeline::Change& c) {
    if (repeats(next_, c)) {
        return next_++;
    }
    if (!indexed_) {
        buildIndex();
    }
    const auto it = lastByPath_.find(c.path);
    if (it == lastByPath_.end() || !repeats(it->second, c)) {
        return kNone;
    }
    next_ = it->second + 1;
    return it->second;
}

bool InputChangeMatch::repeats(std::uint32_t at, const pipeline::Change& c) const {
    if (at >= input_.size()) {
        return false;
    }
    const pipeline::Change& in = input_[at];
    return in.path == c.path && sameWritten(in.value, c.value);
}

// The last change of each path: a batch that writes one path twice ends with the later value.
void InputChangeMatch::buildIndex() {
    indexed_ = true;
    lastByPath_.reserve(input_.size());
    for (std::uint32_t i = 0; i < input_.size(); ++i) {
        lastByPath_[input_[i].path] = i;
    }
}

bool InputChangeMatch::sameWritten(const state::Value& a, const state::Value& b) {
    using Kind = state::Value::Kind;
    if (a.kind() != b.kind()) {
        return false;
    }
    switch (a.kind()) {
    case Kind::Undefined:
    case Kind::Null:
        return true;
    case Kind::Bool:
        return a.asBool() == b.asBool();
    case Kind::Number: {
        const double x = a.asNumber();
        const double y = b.asNumber();
        return std::memcmp(&x, &y, sizeof x) == 0; // -0 and NaN payloads are written as they are
    }
    case Kind::String:
        return a.asString() == b.asString();
    case Kind::Array: {
        const auto& xs = a.items();
        const auto& ys = b.items();
        if (xs.size() != ys.size()) {
            return false;
        }
        for (std::size_t i = 0; i < xs.size(); ++i) {
            if (!sameWritten(xs[i], ys[i])) {
                return false;
            }
        }
        return true;
    }
    case Kind::Object: {
        const auto& xs = a.members();
        const auto& ys = b.members();
        if (xs.size() != ys.size()) {
            return false;
        }
        for (std::size_t i = 0; i < xs.size(); ++i) {
            if (xs[i].key != ys[i].key || !sameWritten(xs[i].value, ys[i].value)) {
                return false;
            }
        }
        return true;
    }
    }
    return false;
}

} // namespace bi::wasm
