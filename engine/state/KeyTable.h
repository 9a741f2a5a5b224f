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
#include <unordered_map>

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
    std::deque<std::string> names_; // deque: stable addresses for the views below
    std::unordered_map<std::string_view, KeyId> ids_;
};

} // namespace bi::state
