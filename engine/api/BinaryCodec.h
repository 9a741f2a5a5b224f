// SPDX-License-Identifier: GPL-3.0-or-later
// The compact binary layout of processChanges input and output: the host writes
// it straight into wasm memory (wasm/host/binary-codec.mjs is the JS twin) and
// the engine reads it in place, so neither side builds or parses JSON text.
//
// Little-endian throughout, no alignment. A document is
//   u32 magic 'BIB1' | value
// and a change list (the input of processChanges) is
//   u32 magic 'BIC1' | u32 count | count × (str path | value)
// where str = u32 byte length + UTF-8 bytes and value = u8 tag + payload:
//   0 null | 1 false | 2 true | 3 f64 number | 4 str | 5 u32 n + n values (array)
//   6 u32 n + n × (str key | value) (object) | 7 undefined
//   8 u32 n + n × (str path | value): a change list, read as [{"path","value"}…]; only
//     the engine writes it (its results' change lists, without the repeated keys)
// Undefined decodes to the engine's JSON marker {"$undefined":true}.
#pragma once

#include "core/Json.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace bi::api {

inline constexpr std::uint32_t kBinaryDocumentMagic = 0x31424942; // "BIB1"
inline constexpr std::uint32_t kBinaryChangesMagic = 0x31434942;  // "BIC1"

// Appends one value in the layout (no magic): for writers that put a document together
// piece by piece (wasm/bindings/BinaryResultWriter.h).
void appendBinaryValue(const json::Value& v, std::string& out);

// A whole value (any result document). Throws EngineError naming the byte offset.
std::string encodeBinaryDocument(const json::Value& doc);
json::Value decodeBinaryDocument(std::string_view bytes);

// A change list: `changes` is an array of [path, value] pairs or {"path","value"}
// objects; decoding yields [path, value] pairs.
std::string encodeBinaryChanges(const json::Value& changes);
json::Value decodeBinaryChanges(std::string_view bytes);

} // namespace bi::api
