// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace bi::pipeline {

// Appends a member to an object under construction. Out of line on purpose:
// g++ 12 at -O3 reports a bogus -Warray-bounds for an inlined emplace_back
// of pair<string, Value> into an empty vector.
void addMember(json::Object& object, std::string_view key, json::Value value);

// A JSON array of dispatch or change ids.
json::Value idList(const std::vector<std::uint32_t>& ids);

} // namespace bi::pipeline
