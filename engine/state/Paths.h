// SPDX-License-Identifier: GPL-3.0-or-later
// Dot-path helpers ("a.b.0.c", "" = root). Relations respect segment boundaries.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace bi::state::paths {

// Number of segments; the root has depth 0.
std::size_t depth(std::string_view path);
std::vector<std::string_view> split(std::string_view path);
// Parent path ("" for a top-level path and for the root).
std::string_view parent(std::string_view path);
std::string join(std::string_view prefix, std::string_view suffix);
// `path` relative to `base` when at or below it: "" for equal paths.
std::string_view suffixBelow(std::string_view path, std::string_view base);

// Eight bytes per step (a multiply-xorshift mix, then a final avalanche):
// the key table and path indexes hash on every lookup, and a byte-wise hash
// (FNV-1a before) cost several instructions per byte of a 40-byte path. The
// value is never visible: it only places entries, nothing iterates by it.
struct PathHash {
    static std::uint64_t load8(const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    }
    static std::uint64_t load4(const char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    }
    // The last 1..7 bytes: two overlapping 4-byte reads, or three single bytes
    // (the length is mixed in at the start, so overlaps do not collide).
    static std::uint64_t tail(const char* p, std::size_t n) {
        if (n >= 4) {
            return (load4(p) << 32) | load4(p + n - 4);
        }
        const auto b = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        return (b(0) << 16) | (b(n >> 1) << 8) | b(n - 1);
    }
    std::size_t operator()(std::string_view s) const noexcept {
        constexpr std::uint64_t kMul = 0x9fb21c651e98df25ULL;
        const char* p = s.data();
        std::size_t n = s.size();
        std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (static_cast<std::uint64_t>(n) * kMul);
        for (; n >= 8; p += 8, n -= 8) {
            h = (h ^ load8(p)) * kMul;
            h ^= h >> 29;
        }
        if (n > 0) {
            h = (h ^ tail(p, n)) * kMul;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};

} // namespace bi::state::paths

#if defined(__GLIBCXX__)
// libstdc++ stores no hash in a map node for a hash it deems fast (every
// user-defined one), so finding a key recomputes the hash of each node met
// while walking the bucket: with 60-byte paths, most of a path index or memo
// lookup went there. Cached codes also make a mismatch one integer test.
// (libc++, which em++ uses, always caches them.)
namespace std {
template <>
struct __is_fast_hash<bi::state::paths::PathHash> : false_type {};
} // namespace std
#endif

namespace bi::state::paths {

// a == b without a library call for the short strings keys and segments are
// (overlapping word loads; memcmp only above 16 bytes).
inline bool sameBytes(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    const char* x = a.data();
    const char* y = b.data();
    if (n >= 8) {
        // The last word first: paths compared against each other are mostly
        // siblings, which differ near the end (an item id).
        if (PathHash::load8(x + n - 8) != PathHash::load8(y + n - 8)) {
            return false;
        }
        return n <= 16 ? PathHash::load8(x) == PathHash::load8(y) : std::memcmp(x, y, n - 8) == 0;
    }
    if (n >= 4) {
        return PathHash::load4(x) == PathHash::load4(y) && PathHash::load4(x + n - 4) == PathHash::load4(y + n - 4);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (x[i] != y[i]) {
            return false;
        }
    }
    return true;
}

// Key equality for hash maps of paths: the inline comparison, where
// std::equal_to calls memcmp for every candidate a lookup finds.
struct PathEqual {
    bool operator()(std::string_view a, std::string_view b) const noexcept { return sameBytes(a, b); }
};

// The relations are inline: plan building and input forwarding test them for
// every (change, listener) pair.

// True when `path` lies strictly below `ancestor` (the root is above everything non-root).
inline bool isBelow(std::string_view path, std::string_view ancestor) {
    if (ancestor.empty()) {
        return !path.empty();
    }
    return path.size() > ancestor.size() && path[ancestor.size()] == '.' &&
           sameBytes(path.substr(0, ancestor.size()), ancestor);
}

inline bool isAtOrBelow(std::string_view path, std::string_view ancestor) {
    return sameBytes(path, ancestor) || isBelow(path, ancestor);
}

// Equal, below or above each other (the root is related to everything). One
// comparison: the boundary character after the shorter one rejects most pairs.
inline bool related(std::string_view a, std::string_view b) {
    const bool aShorter = a.size() <= b.size();
    const std::string_view shorter = aShorter ? a : b;
    const std::string_view longer = aShorter ? b : a;
    if (shorter.empty()) {
        return true;
    }
    if (shorter.size() != longer.size() && longer[shorter.size()] != '.') {
        return false;
    }
    return shorter[0] == longer[0] && sameBytes(shorter, longer.substr(0, shorter.size()));
}

// Position of the last '.' in p, or npos. Eight bytes per step: every stage
// walks the ancestors of every change, and rfind goes byte by byte.
inline std::size_t lastDot(std::string_view p) {
    static_assert(std::endian::native == std::endian::little, "the byte scan reads words little-endian");
    constexpr std::uint64_t kDots = 0x2e2e2e2e2e2e2e2eULL;
    constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
    std::size_t n = p.size();
    for (; n >= 8; n -= 8) {
        const std::uint64_t x = PathHash::load8(p.data() + n - 8) ^ kDots; // 0 bytes where '.'
        // The high bit of each byte of x that is zero (exact: no borrow between bytes).
        const std::uint64_t zeros = ~(((x & kLow7) + kLow7) | x | kLow7);
        if (zeros != 0) { // little-endian: the highest set bit is the last byte in memory
            return n - 8 + static_cast<std::size_t>(63 - std::countl_zero(zeros)) / 8;
        }
    }
    while (n > 0) {
        if (p[--n] == '.') {
            return n;
        }
    }
    return std::string_view::npos;
}

// Calls fn(prefix) for every strict ancestor of path, nearest first, ending with "" (root).
template <typename Fn>
void forEachAncestor(std::string_view path, Fn&& fn) {
    if (path.empty()) {
        return;
    }
    std::string_view p = path;
    while (true) {
        std::size_t dot = lastDot(p);
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
