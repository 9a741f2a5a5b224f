// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/PathNodeCache.h"

#include "state/Paths.h"

namespace bi::state {

std::uint32_t PathNodeCache::find(std::string_view path, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == kEmptySlot) {
            return kNone;
        }
        const auto id = static_cast<std::uint32_t>(s);
        if (static_cast<std::uint32_t>(s >> 32) == hash && paths::sameBytes(keyOf(entries_[id]), path)) {
            return id;
        }
    }
}

std::uint32_t PathNodeCache::put(std::uint32_t existing, std::string_view path, std::uint32_t hash,
                                 Value* node, std::uint32_t parent) {
    if (existing != kNone) {
        Entry& e = entries_[existing];
        e.node = node;
        e.parent = parent;
        e.generation = generation_;
        return existing;
    }
    if (entries_.size() >= kMaxEntries) {
        // Not remembered (kNone): a caller caches a path only below a
        // remembered parent, so no id taken before the clear is used after it.
        clear();
        return kNone;
    }
    if ((entries_.size() + 1) * 2 > slots_.size()) {
        grow();
    }
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({node, parent, generation_, static_cast<std::uint32_t>(keys_.size()),
                        static_cast<std::uint32_t>(path.size())});
    keys_.append(path);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != kEmptySlot) {
        i = (i + 1) & mask;
    }
    slots_[i] = (std::uint64_t{hash} << 32) | id;
    return id;
}

void PathNodeCache::grow() {
    std::vector<std::uint64_t> bigger(slots_.size() * 2, kEmptySlot);
    const std::size_t mask = bigger.size() - 1;
    for (const std::uint64_t s : slots_) {
        if (s == kEmptySlot) {
            continue;
        }
        std::size_t i = static_cast<std::uint32_t>(s >> 32) & mask;
        while (bigger[i] != kEmptySlot) {
            i = (i + 1) & mask;
        }
        bigger[i] = s;
    }
    slots_.swap(bigger);
}

void PathNodeCache::clear() {
    entries_.clear();
    keys_.clear();
    slots_.assign(256, kEmptySlot);
    generation_ = 1;
}

} // namespace bi::state
