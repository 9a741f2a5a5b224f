// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PathIdTable.h"

namespace bi::pipeline {

PathIdTable::PathIdTable(HashFn hash) : hash_(hash) {}

std::uint32_t PathIdTable::hashOf(std::string_view path) const {
    return static_cast<std::uint32_t>(hash_ != nullptr ? hash_(path) : state::paths::PathHash{}(path));
}

std::uint32_t PathIdTable::find(std::string_view path) const {
    return slots_.find(hashOf(path), [&](std::uint32_t id) { return state::paths::sameBytes(pathOf(id), path); });
}

std::uint32_t PathIdTable::intern(std::string_view path) {
    const std::uint32_t hash = hashOf(path);
    const std::uint32_t known =
        slots_.find(hash, [&](std::uint32_t id) { return state::paths::sameBytes(pathOf(id), path); });
    if (known != kNone) {
        return known;
    }
    const auto id = static_cast<std::uint32_t>(spans_.size());
    spans_.push_back({static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(path.size())});
    keys_.append(path);
    slots_.insert(hash, id, spans_.size());
    return id;
}

void PathIdTable::clear() {
    keys_.clear();
    spans_.clear();
    slots_.reset(256);
}

} // namespace bi::pipeline
