// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <string_view>

namespace bi::pipeline {

// Appends a member to an object under construction. Out of line on purpose:
// g++ 12 at -O3 reports a bogus -Warray-bounds for an inlined emplace_back
// of pair<string, Value> into an empty vector.
void addMember(json::Object& object, std::string_view key, json::Value value);

} // namespace bi::pipeline
