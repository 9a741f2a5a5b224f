// SPDX-License-Identifier: GPL-3.0-or-later
// Whole-path lookups for the shadow tree: path → the node it resolved to and
// the parent's entry. A run reads and writes the same few hundred paths every
// time (a batch's fields, their sync and flip peers, every concern), so one
// hash of the whole path replaces a key lookup and a member scan per segment;
// a write follows the parent links to mark its ancestors' hashes stale.
//
// Entries hold node addresses, valid while nodes are only replaced in place.
// The owner (ShadowState) calls invalidate() whenever nodes may move or die
// (a key created or erased, a container replaced): that bumps a generation,
// and an entry of an older generation is resolved again on its next use.
#pragma once

#include "core/HashSlots.h"
#include "state/Paths.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::state {

class Value;

class PathNodeCache {
  public:
    static constexpr std::uint32_t kNone = HashSlots::kNone;
    struct Entry {
        Value* node = nullptr;
        std::uint32_t parent = kNone; // the parent path's entry; kNone: the parent is the root
        std::uint32_t generation = 0;
        std::uint32_t keyBegin = 0; // the path, in keys_
        std::uint32_t keySize = 0;
    };

    // The entry for path (current or stale), or kNone.
    [[nodiscard]] std::uint32_t find(std::string_view path, std::uint32_t hash) const;
    [[nodiscard]] bool current(std::uint32_t id) const { return entries_[id].generation == generation_; }
    // Whether id (any value: a caller's remembered hint) is path's current
    // entry. A key compare instead of a hash and a probe.
    [[nodiscard]] bool holds(std::uint32_t id, std::string_view path) const {
        return id < entries_.size() && current(id) && paths::sameBytes(keyOf(entries_[id]), path);
    }
    [[nodiscard]] const Entry& at(std::uint32_t id) const { return entries_[id]; }
    // Records path → node in the current generation: over `existing` (a stale
    // entry find() returned), or as a new entry. Returns its id.
    std::uint32_t put(std::uint32_t existing, std::string_view path, std::uint32_t hash, Value* node,
                      std::uint32_t parent);
    // Every entry becomes stale (nodes may have moved).
    void invalidate() {
        if (++generation_ == 0) { // wrapped: an old entry could pass for current
            clear();
        }
    }
    // Forgets everything (another tree, or too many paths remembered).
    void clear();

    // The tree the entries point into (see ShadowState: a copy must not trust them).
    [[nodiscard]] const Value* owner() const { return owner_; }
    void setOwner(const Value* owner) { owner_ = owner; }

  private:
    // Bounds the memory a long session with many distinct paths can use.
    static constexpr std::size_t kMaxEntries = 1 << 16;
    [[nodiscard]] std::string_view keyOf(const Entry& e) const {
        return std::string_view(keys_).substr(e.keyBegin, e.keySize);
    }

    std::vector<Entry> entries_;
    std::string keys_; // every entry's path, back to back (offsets survive growth)
    HashSlots slots_{256}; // entry ids by path hash
    std::uint32_t generation_ = 1;
    const Value* owner_ = nullptr;
};

} // namespace bi::state
