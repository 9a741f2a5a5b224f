// SPDX-License-Identifier: GPL-3.0-or-later
// Interned object keys and path segments. One process-wide table: keys are
// compared as integers in the shadow tree, and values can be moved between
// pipelines without re-interning. Ids are internal and never cross the boundary.
#pragma once

#include "state/Paths.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bi::state {

using KeyId = std::uint32_t;

class KeyTable {
public:
    // Inline: every path walk asks for it, once per segment.
    static KeyTable& global() {
        static KeyTable table;
        return table;
    }

    KeyId intern(std::string_view key);
    // The id of a key seen before; nullopt for a key never interned (so it
    // cannot be present in any tree).
    // Inline (with the hash and the comparison): it runs once per segment of
    // every path walk.
    [[nodiscard]] std::optional<KeyId> find(std::string_view key) const {
        const auto hash = static_cast<std::uint32_t>(paths::PathHash{}(key));
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t s = slots_[i];
            if (s == kEmptySlot) {
                return std::nullopt;
            }
            if (static_cast<std::uint32_t>(s >> 32) == hash && paths::sameBytes(views_[static_cast<KeyId>(s)], key)) {
                return static_cast<KeyId>(s);
            }
        }
    }
    [[nodiscard]] const std::string& name(KeyId id) const { return names_[id]; }

private:
    static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
    // Every path walk looks up each segment here, so the table is open
    // addressing (linear probing, power-of-two size, load <= 1/2). A slot holds
    // the key's hash next to its id, so a probe compares hashes without
    // leaving the slot array, and names are compared through views_ (a
    // vector: cheaper to index than the deque).
    [[nodiscard]] std::size_t slotOf(std::string_view key, std::uint32_t hash) const;
    static std::uint64_t slotValue(std::uint32_t hash, KeyId id) { return (std::uint64_t{hash} << 32) | id; }
    void grow();

    std::deque<std::string> names_; // deque: stable references for name()
    std::vector<std::string_view> views_; // names_ by id
    std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(64, kEmptySlot);
};

} // namespace bi::state
