// SPDX-License-Identifier: GPL-3.0-or-later
#include "BinaryResultWriter.h"

#include "api/BinaryCodec.h"
#include "state/KeyTable.h"

#include <algorithm>
#include <cstring>

namespace bi::wasm {

using namespace api::binary;

BinaryResultWriter::BinaryResultWriter(std::size_t sizeHint) {
    out_.resize(sizeHint + 64);
    u32(api::kBinaryDocumentMagic);
}

std::string BinaryResultWriter::take() {
    out_.resize(pos_);
    return std::move(out_);
}

char* BinaryResultWriter::room(std::size_t n) {
    if (out_.size() - pos_ < n) {
        out_.resize(std::max(2 * out_.size(), pos_ + n));
    }
    char* at = out_.data() + pos_;
    pos_ += n;
    return at;
}

void BinaryResultWriter::beginObject(std::uint32_t members) {
    tag(Object);
    u32(members);
}

void BinaryResultWriter::key(std::string_view key) {
    str(key);
}

// A whole json::Value goes through the codec's own writer, appended at the cursor.
void BinaryResultWriter::value(const json::Value& v) {
    out_.resize(pos_);
    api::appendBinaryValue(v, out_);
    pos_ = out_.size();
}

void BinaryResultWriter::number(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    char* at = room(9);
    at[0] = static_cast<char>(Number);
    for (int i = 0; i < 8; ++i) {
        at[1 + i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
    }
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
    char* at = room(4);
    for (int i = 0; i < 4; ++i) {
        at[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    }
}

void BinaryResultWriter::str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    if (!s.empty()) {
        std::memcpy(room(s.size()), s.data(), s.size());
    }
}

void BinaryResultWriter::tag(Tag t) {
    *room(1) = static_cast<char>(t);
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
