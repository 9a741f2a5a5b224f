// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/KeyTable.h"

#include "state/Paths.h"

namespace bi::state {

namespace {

std::uint32_t hashOf(std::string_view key) { return static_cast<std::uint32_t>(paths::PathHash{}(key)); }

} // namespace

// The slot holding key, or the empty slot where it would go.
std::size_t KeyTable::slotOf(std::string_view key, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != kEmptySlot) {
        const std::uint64_t s = slots_[i];
        if (static_cast<std::uint32_t>(s >> 32) == hash && paths::sameBytes(views_[static_cast<KeyId>(s)], key)) {
            return i;
        }
        i = (i + 1) & mask;
    }
    return i;
}

void KeyTable::grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.size() * 2, kEmptySlot);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t s : old) {
        if (s == kEmptySlot) {
            continue;
        }
        std::size_t i = static_cast<std::uint32_t>(s >> 32) & mask;
        while (slots_[i] != kEmptySlot) {
            i = (i + 1) & mask;
        }
        slots_[i] = s;
    }
}

KeyId KeyTable::intern(std::string_view key) {
    const std::uint32_t hash = hashOf(key);
    std::size_t slot = slotOf(key, hash);
    if (slots_[slot] != kEmptySlot) {
        return static_cast<KeyId>(slots_[slot]);
    }
    const auto id = static_cast<KeyId>(names_.size());
    names_.emplace_back(key);
    views_.emplace_back(names_.back());
    if ((names_.size()) * 2 > slots_.size()) {
        grow();
        slot = slotOf(key, hash); // the key is not in the table yet: its empty slot
    }
    slots_[slot] = slotValue(hash, id);
    return id;
}

} // namespace bi::state
