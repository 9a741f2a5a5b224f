// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/PathNodeCache.h"

#include "state/Paths.h"

namespace bi::state {

std::uint32_t PathNodeCache::find(std::string_view path, std::uint32_t hash) const {
    return slots_.find(hash, [&](std::uint32_t id) { return paths::sameBytes(keyOf(entries_[id]), path); });
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
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({node, parent, generation_, static_cast<std::uint32_t>(keys_.size()),
                        static_cast<std::uint32_t>(path.size())});
    keys_.append(path);
    slots_.insert(hash, id, entries_.size());
    return id;
}

void PathNodeCache::clear() {
    entries_.clear();
    keys_.clear();
    slots_.reset(256);
    generation_ = 1;
}

} // namespace bi::state
