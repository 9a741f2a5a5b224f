// SPDX-License-Identifier: GPL-3.0-or-later
// Remembered answers to a path query, by path id (see PathIdTable): the
// same as PathListMemo, but a lookup is an array index and a stamp compare
// instead of a hash of the path. The owner clears it when the registrations
// the answers depend on change, and whenever the id table is cleared.
#pragma once

#include "pipeline/PathListMemo.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace bi::pipeline {

template <typename T>
class PathIdMemo {
  public:
    // nullptr when id has not been answered since the last clear().
    [[nodiscard]] const T* find(std::uint32_t id) const {
        return id < stamps_.size() && stamps_[id] == generation_ ? &values_[id] : nullptr;
    }
    // Records id's answer (over an older one) and returns it. References
    // returned earlier stay valid until the next put of a larger id or clear().
    const T& put(std::uint32_t id, T value) {
        if (id >= stamps_.size()) {
            stamps_.resize(id + 1, 0);
            values_.resize(id + 1);
        }
        stamps_[id] = generation_;
        values_[id] = std::move(value);
        return values_[id];
    }
    // Every answer is forgotten (the buffers are kept).
    void clear() {
        if (++generation_ == 0) { // wrapped: an old stamp could pass for current
            stamps_.assign(stamps_.size(), 0);
            generation_ = 1;
        }
    }

  private:
    std::vector<std::uint32_t> stamps_; // generation_ when the answer is current
    std::vector<T> values_;
    std::uint32_t generation_ = 1;
};

// collectIdsReached for the path whose id is pathId, remembered in memo
// (cleared by the owner whenever the index or the id table changes).
inline const PathListMemo::Ids& idsReached(const PathIndex<std::vector<std::size_t>>& index,
                                           PathIdMemo<PathListMemo::Ids>& memo, std::uint32_t pathId,
                                           std::string_view path) {
    if (const auto* known = memo.find(pathId)) {
        return *known;
    }
    return memo.put(pathId, collectIdsReached(index, path));
}

} // namespace bi::pipeline
