// SPDX-License-Identifier: GPL-3.0-or-later
#include "BinaryChangeReader.h"

#include "api/BinaryCodec.h"
#include "core/EngineError.h"
#include "state/KeyTable.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace bi::wasm {

namespace {

constexpr std::size_t kMaxDepth = 512;

} // namespace

bool BinaryChangeReader::isOutputs(std::string_view bytes) {
    return bytes.size() >= 4 && BinaryChangeReader(bytes).u32() == kBinaryOutputsMagic;
}

pipeline::ChangeList BinaryChangeReader::read() {
    if (u32() != api::kBinaryChangesMagic) {
        fail("not a binary change list (bad magic)");
    }
    pipeline::ChangeList out = changes();
    end();
    return out;
}

ListenerOutputs BinaryChangeReader::readOutputs() {
    if (u32() != kBinaryOutputsMagic) {
        fail("not a binary listener output list (bad magic)");
    }
    const std::uint32_t n = u32();
    ListenerOutputs out;
    // Each output takes at least 9 bytes: a count past that is a damaged header.
    const std::size_t room = std::min<std::size_t>(n, (bytes_.size() - pos_) / 9);
    out.outputs.reserve(room);
    out.inputs.reserve(room);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t dispatch = u32();
        need(1, "input flag");
        const auto hasInput = static_cast<std::uint8_t>(bytes_[pos_++]);
        if (hasInput > 1) {
            fail("input flag must be 0 or 1");
        }
        out.outputs.push_back({dispatch, changes()});
        out.inputs.push_back(hasInput == 1 ? std::optional<pipeline::ChangeList>(changes()) : std::nullopt);
    }
    end();
    return out;
}

pipeline::ChangeList BinaryChangeReader::changes() {
    const std::uint32_t n = u32();
    pipeline::ChangeList out;
    // Each change takes at least 5 bytes: a count past that is a damaged header.
    out.reserve(std::min<std::size_t>(n, (bytes_.size() - pos_) / 5));
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string path(str());
        out.push_back({std::move(path), value(1)});
    }
    return out;
}

void BinaryChangeReader::end() {
    if (pos_ != bytes_.size()) {
        fail(std::to_string(bytes_.size() - pos_) + " trailing bytes");
    }
}

std::uint32_t BinaryChangeReader::u32() {
    need(4, "u32");
    std::uint32_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, bytes_.data() + pos_, sizeof v); // the layout's order: one load
    } else {
        for (std::size_t i = 0; i < 4; ++i) {
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
        }
    }
    pos_ += 4;
    return v;
}

std::string_view BinaryChangeReader::str() {
    const std::uint32_t len = u32();
    need(len, "string bytes");
    const std::string_view s(bytes_.data() + pos_, len); // in range: need() checked it
    pos_ += len;
    return s;
}

// The tags of api/BinaryCodec.h; a value the JSON codec would carry as the undefined
// marker object is undefined here too (state::Value::fromJson does the same).
state::Value BinaryChangeReader::value(std::size_t depth) {
    if (depth > kMaxDepth) {
        fail("nesting deeper than 512");
    }
    need(1, "value tag");
    const auto tag = static_cast<std::uint8_t>(bytes_[pos_++]);
    switch (tag) {
    case 0:
        return state::Value();
    case 1:
        return state::Value(false);
    case 2:
        return state::Value(true);
    case 3: {
        const std::uint64_t lo = u32();
        const std::uint64_t hi = u32();
        const std::uint64_t bits = lo | (hi << 32);
        double d = 0;
        std::memcpy(&d, &bits, sizeof d);
        return state::Value(d);
    }
    case 4:
        return state::Value(std::string(str()));
    case 5: {
        const std::uint32_t n = u32();
        state::Value list = state::Value::array();
        list.reserveItems(std::min<std::size_t>(n, bytes_.size() - pos_)); // an item takes a byte at least
        for (std::uint32_t i = 0; i < n; ++i) {
            list.pushItem(value(depth + 1));
        }
        return list;
    }
    case 6:
        return object(depth);
    case 7:
        return state::Value::undefined();
    default:
        fail("unknown value tag " + std::to_string(tag));
    }
}

state::Value BinaryChangeReader::object(std::size_t depth) {
    const std::uint32_t n = u32();
    state::Value out = state::Value::object();
    out.reserveMembers(
        std::min<std::size_t>(n, (bytes_.size() - pos_) / 5)); // a member: key length and a tag
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::string_view key = str();
        if (n == 1 && key == "$undefined") {
            state::Value member = value(depth + 1);
            if (member.isBool() && member.asBool()) {
                return state::Value::undefined();
            }
            out.setMember(keyId(key), std::move(member));
            continue;
        }
        out.setMember(keyId(key), value(depth + 1));
    }
    return out;
}

state::KeyId BinaryChangeReader::keyId(std::string_view key) {
    const std::size_t n = key.size();
    const std::size_t slot =
        n == 0 ? 0
               : (n * 7 + static_cast<unsigned char>(key[0]) * 3 + static_cast<unsigned char>(key[n - 1])) %
                     keys_.size();
    CachedKey& cached = keys_[slot];
    if (cached.name.size() == n && !cached.name.empty() &&
        std::memcmp(cached.name.data(), key.data(), n) == 0) {
        return cached.id;
    }
    state::KeyTable& table = state::KeyTable::global();
    const state::KeyId id = table.intern(key);
    cached = {table.name(id), id};
    return id;
}

void BinaryChangeReader::need(std::size_t n, const char* what) const {
    if (bytes_.size() - pos_ < n) {
        fail(std::string("truncated ") + what);
    }
}

void BinaryChangeReader::fail(const std::string& what) const {
    throw EngineError("binary codec: " + what + " at byte " + std::to_string(pos_));
}

} // namespace bi::wasm
