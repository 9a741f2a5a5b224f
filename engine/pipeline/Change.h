// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"
#include "state/Value.h"

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

// [{"path","value"}…]
json::Value toJson(const ChangeList& changes);
json::Value toJson(const Change& change);
// Accepts {"path","value"} objects or [path, value] pairs; `where` names the field in errors.
ChangeList changesFromJson(const json::Value& list, const std::string& where);
// A path given as a string, an array of segments, or null (root).
std::string pathFromJson(const json::Value& v, const std::string& where);

} // namespace bi::pipeline
