// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <string>
#include <vector>

namespace bi::pipeline {

// One write to the state tree: a dot path and its new value.
struct Change {
    std::string path;
    json::Value value;
    friend bool operator==(const Change&, const Change&) = default;
};

using ChangeList = std::vector<Change>;

json::Value toJson(const ChangeList& changes);

} // namespace bi::pipeline
