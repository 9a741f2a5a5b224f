// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"
#include "state/Paths.h"
#include "state/Value.h"

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

namespace bi::pipeline {

// One write to the state tree: a dot path and its new value.
struct Change {
    std::string path;
    state::Value value;
    friend bool operator==(const Change&, const Change&) = default;
};

using ChangeList = std::vector<Change>;

// to = from, skipping the assignment when to holds the same bytes already: a
// list reused run after run mostly holds the same path at the same position,
// and an inline compare costs less than a string assignment.
inline void assignIfDifferent(std::string& to, const std::string& from) {
    if (!state::paths::sameBytes(to, from)) {
        to = from;
    }
}

// Puts `c` at out[n], assigning over the change already there (a list reused run after
// run keeps its strings' buffers), or appends it when the list is that short.
inline void putAt(ChangeList& out, std::size_t n, const Change& c) {
    if (n < out.size()) {
        assignIfDifferent(out[n].path, c.path);
        out[n].value = c.value;
    } else {
        out.push_back(c);
    }
}

// The same for a change given as its parts, the value moved in.
inline void putAt(ChangeList& out, std::size_t n, const std::string& path, state::Value&& value) {
    if (n < out.size()) {
        assignIfDifferent(out[n].path, path);
        out[n].value = std::move(value);
    } else {
        out.push_back({path, std::move(value)});
    }
}

// Moves every change of `from` onto the end of `to`.
inline void appendMoved(ChangeList& to, ChangeList&& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// [{"path","value"}…]
json::Value toJson(const ChangeList& changes);
json::Value toJson(const Change& change);
// Accepts {"path","value"} objects or [path, value] pairs; `where` names the field in errors.
ChangeList changesFromJson(const json::Value& list, const std::string& where);
// A path given as a string, an array of segments, or null (root).
std::string pathFromJson(const json::Value& v, const std::string& where);

} // namespace bi::pipeline
