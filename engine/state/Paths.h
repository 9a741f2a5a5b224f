// SPDX-License-Identifier: GPL-3.0-or-later
// Dot-path helpers ("a.b.0.c", "" = root). Relations respect segment boundaries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::state::paths {

// Number of segments; the root has depth 0.
std::size_t depth(std::string_view path);
std::vector<std::string_view> split(std::string_view path);
// Parent path ("" for a top-level path and for the root).
std::string_view parent(std::string_view path);
// True when `path` lies strictly below `ancestor` (the root is above everything non-root).
bool isBelow(std::string_view path, std::string_view ancestor);
bool isAtOrBelow(std::string_view path, std::string_view ancestor);
// Equal, below or above each other.
bool related(std::string_view a, std::string_view b);
std::string join(std::string_view prefix, std::string_view suffix);
// `path` relative to `base` when at or below it: "" for equal paths.
std::string_view suffixBelow(std::string_view path, std::string_view base);

// FNV-1a over the bytes: keys and paths are short, where this costs a fraction
// of std::hash's block hash (the key table and path indexes hash on every lookup).
struct PathHash {
    std::size_t operator()(std::string_view s) const noexcept {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (unsigned char c : s) {
            h = (h ^ c) * 0x100000001b3ULL;
        }
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};

// Calls fn(prefix) for every strict ancestor of path, nearest first, ending with "" (root).
template <typename Fn>
void forEachAncestor(std::string_view path, Fn&& fn) {
    if (path.empty()) {
        return;
    }
    std::string_view p = path;
    while (true) {
        std::size_t dot = p.rfind('.');
        if (dot == std::string_view::npos) {
            fn(std::string_view());
            return;
        }
        p = p.substr(0, dot);
        if (!fn(p)) {
            return;
        }
    }
}

} // namespace bi::state::paths
