// SPDX-License-Identifier: GPL-3.0-or-later
#include "BinaryResultWriter.h"

#include "CompactPlan.h"
#include "InputChangeMatch.h"
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

void BinaryResultWriter::reserve(std::size_t n) {
    if (out_.size() - pos_ < n) {
        out_.resize(pos_ + n);
    }
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

void BinaryResultWriter::changesReferring(const pipeline::ChangeList& list,
                                          const pipeline::ChangeList& input) {
    *room(1) = static_cast<char>(kChangeRefsTag);
    u32(static_cast<std::uint32_t>(list.size()));
    InputChangeMatch match(input);
    for (const auto& c : list) {
        const std::uint32_t ref = match.find(c);
        u32(ref);
        if (ref == InputChangeMatch::kNone) {
            str(c.path);
            stateValue(c.value);
        }
    }
}

// The plan's size, about: each growth of the buffer would copy what is written so far.
std::size_t BinaryResultWriter::compactPlanSize(const pipeline::ExecutionPlan& plan) {
    std::size_t n = 32 + 8 * plan.groups.size() + 16 * plan.propagation.size() + 8 * plan.cascade.size();
    for (const auto& d : plan.dispatches) {
        n += 18 + d.listener.size() + d.topic.size() + d.scope.size() + 4 * d.inputChangeIds.size();
    }
    return n;
}

void BinaryResultWriter::compactPlan(const pipeline::ExecutionPlan& plan) {
    reserve(compactPlanSize(plan));
    *room(1) = static_cast<char>(kCompactPlanTag);
    u32(static_cast<std::uint32_t>(plan.dispatches.size()));
    for (const auto& d : plan.dispatches) {
        str(d.listener);
        str(d.topic);
        const bool scoped = d.scope != d.topic;
        *room(1) = static_cast<char>(scoped ? 1 : 0);
        if (scoped) {
            str(d.scope);
        }
        ids(d.inputChangeIds);
    }
    u32(static_cast<std::uint32_t>(plan.groups.size()));
    for (const auto& g : plan.groups) {
        u32(static_cast<std::uint32_t>(g.level));
        ids(g.dispatches);
    }
    std::uint32_t prefixes = 0;
    u32(static_cast<std::uint32_t>(plan.propagation.size()));
    for (const auto& targets : plan.propagation) {
        idRanges(targets.size(), [&](std::size_t i) { return targets[i].dispatch; });
        for (const auto& t : targets) {
            prefixes += t.remapPrefix.empty() ? 0 : 1;
        }
    }
    u32(prefixes);
    for (std::size_t from = 0; from < plan.propagation.size(); ++from) {
        for (const auto& t : plan.propagation[from]) {
            if (!t.remapPrefix.empty()) {
                u32(static_cast<std::uint32_t>(from));
                u32(t.dispatch);
                str(t.remapPrefix);
            }
        }
    }
    u32(static_cast<std::uint32_t>(plan.cascade.size()));
    for (const auto& targets : plan.cascade) {
        idRanges(targets.size(), [&](std::size_t i) { return targets[i]; });
    }
}

void BinaryResultWriter::ids(const std::vector<std::uint32_t>& list) {
    u32(static_cast<std::uint32_t>(list.size()));
    for (const std::uint32_t id : list) {
        u32(id);
    }
}

template <typename IdAt> void BinaryResultWriter::idRanges(std::size_t count, IdAt idAt) {
    const std::size_t countAt = pos_;
    u32(0); // the count, known once the ranges are written
    std::uint32_t bounds = 0;
    forEachIdRange(count, idAt, [&](std::uint32_t from, std::uint32_t to) {
        u32(from);
        u32(to);
        bounds += 2;
    });
    for (int b = 0; b < 4; ++b) {
        out_[countAt + static_cast<std::size_t>(b)] = static_cast<char>((bounds >> (8 * b)) & 0xFF);
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
