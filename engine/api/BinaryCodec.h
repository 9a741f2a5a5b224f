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

// The value tags above, for readers and writers outside this file.
namespace binary {
enum Tag : std::uint8_t {
    Null = 0,
    False = 1,
    True = 2,
    Number = 3,
    String = 4,
    Array = 5,
    Object = 6,
    Undefined = 7,
    ChangeList = 8
};
} // namespace binary

// The layout's pieces (no magic), for writers that put a document together piece by
// piece (wasm/bindings/BinaryResultWriter.h): a tag byte, a u32, a str, a number value
// (tag 3 + f64) and a whole value.
void appendBinaryTag(binary::Tag tag, std::string& out);
void appendBinaryU32(std::uint32_t v, std::string& out);
void appendBinaryString(std::string_view s, std::string& out);
void appendBinaryNumber(double d, std::string& out);
void appendBinaryValue(const json::Value& v, std::string& out);

// A whole value (any result document). Throws EngineError naming the byte offset.
std::string encodeBinaryDocument(const json::Value& doc);
json::Value decodeBinaryDocument(std::string_view bytes);

// A change list: `changes` is an array of [path, value] pairs or {"path","value"}
// objects; decoding yields [path, value] pairs.
std::string encodeBinaryChanges(const json::Value& changes);
json::Value decodeBinaryChanges(std::string_view bytes);

} // namespace bi::api
