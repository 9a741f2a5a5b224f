// SPDX-License-Identifier: GPL-3.0-or-later
// Rewriting a JSON tree in place. A batch hands each document the previous
// document's metadata to overwrite: members, elements and strings keep their
// storage, so documents of a similar shape allocate (almost) nothing. Output
// is exactly what building a fresh tree would give.
#pragma once

#include "core/Json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace bi::extract::reuse {

// Makes v an object or array, keeping its storage when it already was one.
json::Object& object(json::Value& v);
json::Array& array(json::Value& v);

// The member at `index` (appended when the object is shorter), named `key`.
json::Value& member(json::Object& object, std::size_t index, std::string_view key);
// The element at `index` (appended when the array is shorter).
json::Value& element(json::Array& array, std::size_t index);
// Drops what lies beyond the first `size` members or elements.
void truncate(json::Object& object, std::size_t size);
void truncate(json::Array& array, std::size_t size);

// Makes v an empty string, keeping its buffer when it was one.
std::string& string(json::Value& v);
void assign(json::Value& v, std::string_view s);

} // namespace bi::extract::reuse
