// SPDX-License-Identifier: GPL-3.0-or-later
// Interned dot paths: each distinct path gets a small integer id, stable until
// clear(). A run's changes carry their ids from stage to stage (see
// Pipeline::pathIdsOf), so the per-path memos the later stages consult
// (PathIdMemo) are an array index instead of a hash of a 60-byte path each.
//
// A caller that interns the same paths again (the next run, the same list
// position) passes the id it got last time: that id is checked by one key
// compare, and only a wrong or stale one costs the hashed lookup.
#pragma once

#include "core/HashSlots.h"
#include "state/Paths.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::pipeline {

class PathIdTable {
  public:
    static constexpr std::uint32_t kNone = HashSlots::kNone;
    using HashFn = std::size_t (*)(std::string_view);
    // hash: replaceable so tests can force every path into one probe chain.
    explicit PathIdTable(HashFn hash = nullptr);

    // The id of path, or kNone when it was not interned since the last clear().
    [[nodiscard]] std::uint32_t find(std::string_view path) const;
    // The id of path, interned now when new. Ids count up from 0 in order of
    // first appearance.
    std::uint32_t intern(std::string_view path);
    // The same, trying `remembered` first (any value is safe: it is checked).
    std::uint32_t intern(std::string_view path, std::uint32_t remembered) {
        return holds(remembered, path) ? remembered : intern(path);
    }
    // Whether id is path's id (false for kNone and for ids from before a clear()
    // that now name another path or none).
    [[nodiscard]] bool holds(std::uint32_t id, std::string_view path) const {
        return id < spans_.size() && state::paths::sameBytes(pathOf(id), path);
    }
    [[nodiscard]] std::string_view pathOf(std::uint32_t id) const {
        return std::string_view(keys_).substr(spans_[id].begin, spans_[id].size);
    }
    [[nodiscard]] std::size_t size() const { return spans_.size(); }
    // Forgets every path: ids are handed out from 0 again, so whoever keeps
    // answers by id must drop them at the same time.
    void clear();

  private:
    struct Span {
        std::uint32_t begin = 0; // in keys_
        std::uint32_t size = 0;
    };
    [[nodiscard]] std::uint32_t hashOf(std::string_view path) const;

    HashFn hash_;
    std::string keys_; // every path, back to back (offsets survive growth)
    std::vector<Span> spans_;
    HashSlots slots_{256}; // ids by path hash
};

} // namespace bi::pipeline
