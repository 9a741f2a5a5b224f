// SPDX-License-Identifier: GPL-3.0-or-later
#include "BinaryResultWriter.h"

#include "api/BinaryCodec.h"
#include "state/KeyTable.h"

#include <cstring>

namespace bi::wasm {

namespace {

// The tags of api/BinaryCodec.h.
enum Tag : char {
    Null = 0,
    False = 1,
    True = 2,
    Number = 3,
    String = 4,
    Array = 5,
    Object = 6,
    Undefined = 7
};
constexpr char kChangeListTag = 8;

} // namespace

BinaryResultWriter::BinaryResultWriter(std::size_t sizeHint) {
    out_.reserve(sizeHint + 64);
    u32(api::kBinaryDocumentMagic);
}

void BinaryResultWriter::beginObject(std::uint32_t members) {
    out_ += Object;
    u32(members);
}

void BinaryResultWriter::key(std::string_view key) {
    str(key);
}

void BinaryResultWriter::value(const json::Value& v) {
    api::appendBinaryValue(v, out_);
}

void BinaryResultWriter::number(double d) {
    out_ += Number;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    u32(static_cast<std::uint32_t>(bits));
    u32(static_cast<std::uint32_t>(bits >> 32));
}

void BinaryResultWriter::changes(const pipeline::ChangeList& list) {
    out_ += kChangeListTag;
    u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& c : list) {
        str(c.path);
        stateValue(c.value);
    }
}

void BinaryResultWriter::u32(std::uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) {
        b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    }
    out_.append(b, 4);
}

void BinaryResultWriter::str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
}

// What state::Value::toJson followed by the JSON encoding would write.
void BinaryResultWriter::stateValue(const state::Value& v) {
    switch (v.kind()) {
    case state::Value::Kind::Undefined:
        out_ += Undefined;
        break;
    case state::Value::Kind::Null:
        out_ += Null;
        break;
    case state::Value::Kind::Bool:
        out_ += v.asBool() ? True : False;
        break;
    case state::Value::Kind::Number:
        number(v.asNumber());
        break;
    case state::Value::Kind::String:
        out_ += String;
        str(v.asString());
        break;
    case state::Value::Kind::Array:
        out_ += Array;
        u32(static_cast<std::uint32_t>(v.items().size()));
        for (const auto& item : v.items()) {
            stateValue(item);
        }
        break;
    case state::Value::Kind::Object:
        out_ += Object;
        u32(static_cast<std::uint32_t>(v.members().size()));
        for (const auto& m : v.members()) {
            str(state::KeyTable::global().name(m.key));
            stateValue(m.value);
        }
        break;
    }
}

} // namespace bi::wasm
