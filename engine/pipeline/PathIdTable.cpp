// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PathIdTable.h"

namespace bi::pipeline {

PathIdTable::PathIdTable(HashFn hash) : hash_(hash) {}

std::uint32_t PathIdTable::hashOf(std::string_view path) const {
    return static_cast<std::uint32_t>(hash_ != nullptr ? hash_(path) : state::paths::PathHash{}(path));
}

std::uint32_t PathIdTable::find(std::string_view path) const {
    const std::uint32_t hash = hashOf(path);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == kEmptySlot) {
            return kNone;
        }
        const auto id = static_cast<std::uint32_t>(s);
        if (static_cast<std::uint32_t>(s >> 32) == hash && state::paths::sameBytes(pathOf(id), path)) {
            return id;
        }
    }
}

std::uint32_t PathIdTable::intern(std::string_view path) {
    const std::uint32_t hash = hashOf(path);
    std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == kEmptySlot) {
            break;
        }
        const auto id = static_cast<std::uint32_t>(s);
        if (static_cast<std::uint32_t>(s >> 32) == hash && state::paths::sameBytes(pathOf(id), path)) {
            return id;
        }
    }
    const auto id = static_cast<std::uint32_t>(spans_.size());
    spans_.push_back({static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(path.size())});
    keys_.append(path);
    if (spans_.size() * 2 > slots_.size()) {
        grow(); // re-places every slot, this id included
        return id;
    }
    slots_[i] = (std::uint64_t{hash} << 32) | id;
    return id;
}

void PathIdTable::grow() {
    std::vector<std::uint64_t> bigger(slots_.size() * 2, kEmptySlot);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t id = 0; id < spans_.size(); ++id) {
        const std::uint32_t hash = hashOf(pathOf(id));
        std::size_t i = hash & mask;
        while (bigger[i] != kEmptySlot) {
            i = (i + 1) & mask;
        }
        bigger[i] = (std::uint64_t{hash} << 32) | id;
    }
    slots_.swap(bigger);
}

void PathIdTable::clear() {
    keys_.clear();
    spans_.clear();
    slots_.assign(256, kEmptySlot);
}

} // namespace bi::pipeline
