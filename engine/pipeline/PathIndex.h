// SPDX-License-Identifier: GPL-3.0-or-later
// A map from dot paths to T with the two queries the stages need: exact/ancestor
// lookups by string_view (no allocation) and "every key strictly below a path".
#pragma once

#include "state/Paths.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace bi::pipeline {

template <typename T>
class PathIndex {
public:
    T& operator[](std::string_view path) {
        auto it = ids_.find(path);
        if (it != ids_.end()) {
            return values_[it->second];
        }
        keys_.emplace_back(path);
        values_.emplace_back();
        noteLength(path.size());
        ids_.emplace(std::string_view(keys_.back()), keys_.size() - 1);
        sorted_.emplace(std::string_view(keys_.back()), keys_.size() - 1);
        state::paths::forEachAncestor(keys_.back(), [&](std::string_view a) {
            interiorLengths_.add(a.size());
            return interior_.emplace(a).second; // an ancestor already known has its own ancestors too
        });
        return values_.back();
    }
    // Whether some key lies strictly below path (one hash lookup, no scan).
    [[nodiscard]] bool hasBelow(std::string_view path) const {
        return interiorLengths_.has(path.size()) && interior_.count(path) != 0;
    }
    [[nodiscard]] const T* find(std::string_view path) const {
        if (!mayHaveLength(path.size())) { // most lookups end here, without hashing
            return nullptr;
        }
        auto it = ids_.find(path);
        return it == ids_.end() ? nullptr : &values_[it->second];
    }
    [[nodiscard]] bool empty() const { return keys_.empty(); }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }
    [[nodiscard]] const std::string& keyAt(std::size_t i) const { return keys_[i]; }
    [[nodiscard]] const T& valueAt(std::size_t i) const { return values_[i]; }

    // fn(key, value) for every key strictly below path, in key order.
    template <typename Fn>
    void forEachBelow(std::string_view path, Fn&& fn) const {
        if (!hasBelow(path)) {
            return;
        }
        if (path.empty()) {
            for (const auto& [key, id] : sorted_) {
                if (!key.empty()) {
                    fn(keys_[id], values_[id]);
                }
            }
            return;
        }
        std::string start(path);
        start += '.';
        for (auto it = sorted_.lower_bound(start); it != sorted_.end(); ++it) {
            if (it->first.substr(0, start.size()) != start) {
                break;
            }
            fn(keys_[it->second], values_[it->second]);
        }
    }
    // fn(key, value) for the path itself and then each ancestor, nearest first.
    template <typename Fn>
    void forEachAtOrAbove(std::string_view path, Fn&& fn) const {
        if (const T* v = find(path)) {
            fn(path, *v);
        }
        state::paths::forEachAncestor(path, [&](std::string_view a) {
            if (const T* v = find(a)) {
                fn(a, *v);
            }
            return true;
        });
    }

private:
    // Which string lengths occur in a set: a test that costs no hashing.
    struct Lengths {
        static constexpr std::size_t kSlots = 256; // longer strings share the last slot
        std::uint64_t bits[kSlots / 64] = {};
        void add(std::size_t n) {
            n = std::min(n, kSlots - 1);
            bits[n / 64] |= std::uint64_t{1} << (n % 64);
        }
        [[nodiscard]] bool has(std::size_t n) const {
            n = std::min(n, kSlots - 1);
            return ((bits[n / 64] >> (n % 64)) & 1U) != 0;
        }
    };
    void noteLength(std::size_t n) { lengths_.add(n); }
    [[nodiscard]] bool mayHaveLength(std::size_t n) const { return lengths_.has(n); }

    Lengths lengths_;         // of keys
    Lengths interiorLengths_; // of interior_ entries
    std::deque<std::string> keys_;
    std::deque<T> values_;
    std::unordered_map<std::string_view, std::size_t, state::paths::PathHash> ids_;
    std::map<std::string_view, std::size_t> sorted_;
    // Every strict ancestor of a key ("" included); views into keys_ stay valid (deque).
    std::unordered_set<std::string_view, state::paths::PathHash> interior_;
};

} // namespace bi::pipeline
