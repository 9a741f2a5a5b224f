// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/KeyTable.h"

namespace bi::state {

KeyId KeyTable::intern(std::string_view key) {
    const std::uint32_t hash = hashOf(key);
    const KeyId known = slots_.find(hash, [&](KeyId k) { return paths::sameBytes(views_[k], key); });
    if (known != HashSlots::kNone) {
        return known;
    }
    const auto id = static_cast<KeyId>(names_.size());
    names_.emplace_back(key);
    views_.emplace_back(names_.back());
    slots_.insert(hash, id, names_.size());
    return id;
}

} // namespace bi::state
