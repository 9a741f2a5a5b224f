// SPDX-License-Identifier: GPL-3.0-or-later
// Interned object keys and path segments. One process-wide table: keys are
// compared as integers in the shadow tree, and values can be moved between
// pipelines without re-interning. Ids are internal and never cross the boundary.
#pragma once

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
    static KeyTable& global();

    KeyId intern(std::string_view key);
    // The id of a key seen before; nullopt for a key never interned (so it
    // cannot be present in any tree).
    [[nodiscard]] std::optional<KeyId> find(std::string_view key) const;
    [[nodiscard]] const std::string& name(KeyId id) const { return names_[id]; }

private:
    static constexpr KeyId kEmpty = 0xffffffffU;
    // Every path walk looks up each segment here, so the table is open
    // addressing (linear probing, power-of-two size, load <= 1/2) with each
    // key's hash kept: a lookup is one hash and usually one comparison.
    [[nodiscard]] std::size_t slotOf(std::string_view key, std::uint32_t hash) const;
    void grow();

    std::deque<std::string> names_; // deque: stable references for name()
    std::vector<std::uint32_t> hashes_; // by id
    std::vector<KeyId> slots_ = std::vector<KeyId>(64, kEmpty);
};

} // namespace bi::state
