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

namespace bi::pipeline {

template <typename T>
class PathIndex {
public:
    T& operator[](std::string_view path) {
        auto it = slots_.find(path);
        if (it != slots_.end() && it->second.id != kNone) {
            return values_[it->second.id];
        }
        keys_.emplace_back(path);
        values_.emplace_back();
        noteLength(path.size());
        slots_[std::string_view(keys_.back())].id = keys_.size() - 1;
        sorted_.emplace(std::string_view(keys_.back()), keys_.size() - 1);
        state::paths::forEachAncestor(keys_.back(), [&](std::string_view a) {
            interiorLengths_.add(a.size());
            Slot& slot = slots_[a];
            const bool known = slot.interior; // an ancestor already known has its own ancestors too
            slot.interior = true;
            return !known;
        });
        return values_.back();
    }
    // Whether some key lies strictly below path (one hash lookup, no scan).
    [[nodiscard]] bool hasBelow(std::string_view path) const {
        if (!interiorLengths_.has(path.size())) {
            return false;
        }
        auto it = slots_.find(path);
        return it != slots_.end() && it->second.interior;
    }
    [[nodiscard]] const T* find(std::string_view path) const {
        if (!mayHaveLength(path.size())) { // most lookups end here, without hashing
            return nullptr;
        }
        auto it = slots_.find(path);
        return it == slots_.end() || it->second.id == kNone ? nullptr : &values_[it->second.id];
    }
    [[nodiscard]] bool empty() const { return keys_.empty(); }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }
    [[nodiscard]] const std::string& keyAt(std::size_t i) const { return keys_[i]; }
    [[nodiscard]] const T& valueAt(std::size_t i) const { return values_[i]; }

    // fn(key, value) for every key strictly below path, in key order.
    template <typename Fn>
    void forEachBelow(std::string_view path, Fn&& fn) const {
        if (hasBelow(path)) {
            eachBelow(path, fn);
        }
    }
    // fn(key, value) for every key at, above or below path (in no particular
    // order). A path whose first segment leads to no key costs one lookup
    // (a run writes many such paths, e.g. every concern), the others the
    // lookups of forEachAtOrAbove and forEachBelow.
    template <typename Fn>
    void forEachRelated(std::string_view path, Fn&& fn) const {
        const std::string_view top = path.substr(0, path.find('.'));
        const Slot* slot = slotOf(top);
        if (slot == nullptr) {
            if (const T* v = find(std::string_view())) { // the root is above every path
                fn(std::string_view(), *v);
            }
            return;
        }
        forEachAtOrAbove(path, fn);
        forEachBelow(path, fn);
    }
    // False when forEachRelated(path) would find nothing, told by the same one
    // lookup of the first segment (and of the root key) it starts with.
    [[nodiscard]] bool mayRelate(std::string_view path) const {
        return slotOf(path.substr(0, path.find('.'))) != nullptr || find(std::string_view()) != nullptr;
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
    static constexpr std::size_t kNone = ~std::size_t{0};
    // What the index knows of one path: the key it is (kNone: none) and
    // whether keys lie below it.
    struct Slot {
        std::size_t id = kNone;
        bool interior = false;
    };

    [[nodiscard]] const Slot* slotOf(std::string_view path) const {
        if (!mayHaveLength(path.size()) && !interiorLengths_.has(path.size())) {
            return nullptr;
        }
        auto it = slots_.find(path);
        return it == slots_.end() ? nullptr : &it->second;
    }

    // forEachBelow once path is known to have keys below it.
    template <typename Fn>
    void eachBelow(std::string_view path, Fn&& fn) const {
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
    Lengths interiorLengths_; // of the paths keys lie below
    std::deque<std::string> keys_;
    std::deque<T> values_;
    // Keys and their strict ancestors ("" included); views into keys_ stay valid (deque).
    std::unordered_map<std::string_view, Slot, state::paths::PathHash, state::paths::PathEqual> slots_;
    std::map<std::string_view, std::size_t> sorted_;
};

} // namespace bi::pipeline
