// SPDX-License-Identifier: GPL-3.0-or-later
// Interned object keys and path segments. One process-wide table: keys are
// compared as integers in the shadow tree, and values can be moved between
// pipelines without re-interning. Ids are internal and never cross the boundary.
#pragma once

#include "core/HashSlots.h"
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
        const KeyId id = slots_.find(hashOf(key), [&](KeyId k) { return paths::sameBytes(views_[k], key); });
        return id == HashSlots::kNone ? std::nullopt : std::optional<KeyId>(id);
    }
    [[nodiscard]] const std::string& name(KeyId id) const { return names_[id]; }

private:
    static std::uint32_t hashOf(std::string_view key) { return static_cast<std::uint32_t>(paths::PathHash{}(key)); }

    std::deque<std::string> names_; // deque: stable references for name()
    std::vector<std::string_view> views_; // names_ by id
    // Every path walk looks up each segment here (core/HashSlots.h); names
    // are compared through views_ (a vector: cheaper to index than the deque).
    HashSlots slots_{64};
};

} // namespace bi::state
