// SPDX-License-Identifier: GPL-3.0-or-later
// A map from dot paths to T with the two queries the stages need: exact/ancestor
// lookups by string_view (no allocation) and "every key strictly below a path".
#pragma once

#include "state/Paths.h"

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
        auto it = ids_.find(path);
        if (it != ids_.end()) {
            return values_[it->second];
        }
        keys_.emplace_back(path);
        values_.emplace_back();
        ids_.emplace(std::string_view(keys_.back()), keys_.size() - 1);
        sorted_.emplace(std::string_view(keys_.back()), keys_.size() - 1);
        return values_.back();
    }
    [[nodiscard]] const T* find(std::string_view path) const {
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
    std::deque<std::string> keys_;
    std::deque<T> values_;
    std::unordered_map<std::string_view, std::size_t> ids_;
    std::map<std::string_view, std::size_t> sorted_;
};

} // namespace bi::pipeline
