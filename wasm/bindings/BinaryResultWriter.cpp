// SPDX-License-Identifier: GPL-3.0-or-later
#include "BinaryResultWriter.h"

#include "api/BinaryCodec.h"
#include "state/KeyTable.h"

namespace bi::wasm {

using namespace api::binary;

BinaryResultWriter::BinaryResultWriter(std::size_t sizeHint) {
    out_.reserve(sizeHint + 64);
    u32(api::kBinaryDocumentMagic);
}

void BinaryResultWriter::beginObject(std::uint32_t members) {
    tag(Object);
    u32(members);
}

void BinaryResultWriter::key(std::string_view key) {
    str(key);
}

void BinaryResultWriter::value(const json::Value& v) {
    api::appendBinaryValue(v, out_);
}

void BinaryResultWriter::number(double d) {
    api::appendBinaryNumber(d, out_);
}

void BinaryResultWriter::changes(const pipeline::ChangeList& list) {
    tag(ChangeList);
    u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& c : list) {
        str(c.path);
        stateValue(c.value);
    }
}

void BinaryResultWriter::u32(std::uint32_t v) {
    api::appendBinaryU32(v, out_);
}

void BinaryResultWriter::str(std::string_view s) {
    api::appendBinaryString(s, out_);
}

void BinaryResultWriter::tag(Tag t) {
    api::appendBinaryTag(t, out_);
}

// What state::Value::toJson followed by the JSON encoding would write.
void BinaryResultWriter::stateValue(const state::Value& v) {
    switch (v.kind()) {
    case state::Value::Kind::Undefined:
        tag(Undefined);
        break;
    case state::Value::Kind::Null:
        tag(Null);
        break;
    case state::Value::Kind::Bool:
        tag(v.asBool() ? True : False);
        break;
    case state::Value::Kind::Number:
        number(v.asNumber());
        break;
    case state::Value::Kind::String:
        tag(String);
        str(v.asString());
        break;
    case state::Value::Kind::Array:
        tag(Array);
        u32(static_cast<std::uint32_t>(v.items().size()));
        for (const auto& item : v.items()) {
            stateValue(item);
        }
        break;
    case state::Value::Kind::Object:
        tag(Object);
        u32(static_cast<std::uint32_t>(v.members().size()));
        for (const auto& m : v.members()) {
            str(state::KeyTable::global().name(m.key));
            stateValue(m.value);
        }
        break;
    }
}

} // namespace bi::wasm
