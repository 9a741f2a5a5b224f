// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/KeyTable.h"

namespace bi::state {

KeyTable& KeyTable::global() {
    static KeyTable table;
    return table;
}

KeyId KeyTable::intern(std::string_view key) {
    auto it = ids_.find(key);
    if (it != ids_.end()) {
        return it->second;
    }
    names_.emplace_back(key);
    auto id = static_cast<KeyId>(names_.size() - 1);
    ids_.emplace(std::string_view(names_.back()), id);
    return id;
}

std::optional<KeyId> KeyTable::find(std::string_view key) const {
    auto it = ids_.find(key);
    if (it == ids_.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace bi::state
