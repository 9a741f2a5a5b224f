// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/KeyTable.h"

#include "state/Paths.h"

namespace bi::state {

namespace {

std::uint32_t hashOf(std::string_view key) { return static_cast<std::uint32_t>(paths::PathHash{}(key)); }

} // namespace

KeyTable& KeyTable::global() {
    static KeyTable table;
    return table;
}

// The slot holding key, or the empty slot where it would go.
std::size_t KeyTable::slotOf(std::string_view key, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != kEmpty) {
        const KeyId id = slots_[i];
        if (hashes_[id] == hash && names_[id] == key) {
            return i;
        }
        i = (i + 1) & mask;
    }
    return i;
}

void KeyTable::grow() {
    std::vector<KeyId> old = std::move(slots_);
    slots_.assign(old.size() * 2, kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (KeyId id : old) {
        if (id == kEmpty) {
            continue;
        }
        std::size_t i = hashes_[id] & mask;
        while (slots_[i] != kEmpty) {
            i = (i + 1) & mask;
        }
        slots_[i] = id;
    }
}

KeyId KeyTable::intern(std::string_view key) {
    const std::uint32_t hash = hashOf(key);
    std::size_t slot = slotOf(key, hash);
    if (slots_[slot] != kEmpty) {
        return slots_[slot];
    }
    const auto id = static_cast<KeyId>(names_.size());
    names_.emplace_back(key);
    hashes_.push_back(hash);
    if ((names_.size()) * 2 > slots_.size()) {
        grow();
        slot = slotOf(key, hash); // the key is not in the table yet: its empty slot
    }
    slots_[slot] = id;
    return id;
}

std::optional<KeyId> KeyTable::find(std::string_view key) const {
    const KeyId id = slots_[slotOf(key, hashOf(key))];
    if (id == kEmpty) {
        return std::nullopt;
    }
    return id;
}

} // namespace bi::state
