// SPDX-License-Identifier: GPL-3.0-or-later
// Remembered answers to a path query whose answer is a list of ids and only
// changes when the registrations do (e.g. "which flip nodes are at, above or
// below this path", asked for every write of every run). A run writes the
// same paths run after run, so one hash of the path replaces a lookup per
// ancestor. The owner clears it when its registrations change.
#pragma once

#include "pipeline/PathIndex.h"
#include "state/Paths.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bi::pipeline {

class PathListMemo {
  public:
    using Ids = std::vector<std::uint32_t>;
    // nullptr when path has not been answered since the last clear().
    [[nodiscard]] const Ids* find(std::string_view path) const {
        auto it = map_.find(path);
        return it == map_.end() ? nullptr : &values_[it->second];
    }
    const Ids& put(std::string_view path, Ids ids) {
        if (keys_.size() >= kMaxPaths) { // bounds a long session's memory
            clear();
        }
        keys_.emplace_back(path);
        values_.push_back(std::move(ids));
        map_.emplace(std::string_view(keys_.back()), static_cast<std::uint32_t>(values_.size() - 1));
        return values_.back();
    }
    void clear() {
        map_.clear();
        keys_.clear();
        values_.clear();
    }

  private:
    static constexpr std::size_t kMaxPaths = 1 << 16;
    std::deque<std::string> keys_; // deque: the map's views stay valid
    std::deque<Ids> values_;
    std::unordered_map<std::string_view, std::uint32_t, state::paths::PathHash, state::paths::PathEqual> map_;
};

// The ids registered in index at, above or below path (nearest ancestor first,
// then the paths below).
inline PathListMemo::Ids collectIdsReached(const PathIndex<std::vector<std::size_t>>& index,
                                           std::string_view path) {
    PathListMemo::Ids ids;
    auto add = [&](const std::vector<std::size_t>& list) {
        for (auto id : list) {
            ids.push_back(static_cast<std::uint32_t>(id));
        }
    };
    index.forEachAtOrAbove(path, [&](std::string_view, const std::vector<std::size_t>& l) { add(l); });
    index.forEachBelow(path, [&](const std::string&, const std::vector<std::size_t>& l) { add(l); });
    return ids;
}

// collectIdsReached remembered in memo, which the owner clears whenever the
// index changes.
inline const PathListMemo::Ids& idsReached(const PathIndex<std::vector<std::size_t>>& index, PathListMemo& memo,
                                           std::string_view path) {
    if (const auto* known = memo.find(path)) {
        return *known;
    }
    return memo.put(path, collectIdsReached(index, path));
}

} // namespace bi::pipeline
