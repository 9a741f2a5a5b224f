// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/TopicIndex.h"

#include <algorithm>

namespace bi::pipeline {

void TopicIndex::build(const std::vector<Dispatch>& dispatches) {
    bool same = topicOf_.size() == dispatches.size();
    for (std::size_t i = 0; same && i < dispatches.size(); ++i) {
        same = idOf_[i] == dispatches[i].id && state::paths::sameBytes(topicOf_[i], dispatches[i].topic);
    }
    if (same) {
        return;
    }
    memo_.clear();
    topicOf_.resize(dispatches.size());
    idOf_.resize(dispatches.size());
    order_.clear();
    for (std::size_t i = 0; i < dispatches.size(); ++i) {
        topicOf_[i] = dispatches[i].topic;
        idOf_[i] = dispatches[i].id;
        order_.emplace_back(topicOf_[i], dispatches[i].id);
    }
    std::sort(order_.begin(), order_.end());
    ids_.clear();
    topics_.clear();
    std::fill(std::begin(lengths_), std::end(lengths_), 0);
    maxLength_ = 0;
    for (const auto& [topic, id] : order_) {
        if (topics_.empty() || topics_.back().path != topic) {
            const auto at = static_cast<std::uint32_t>(ids_.size());
            topics_.push_back({topic, at, at});
            const std::size_t n = std::min(topic.size(), kLengthSlots - 1);
            lengths_[n / 64] |= std::uint64_t{1} << (n % 64);
            maxLength_ = std::max(maxLength_, topic.size());
        }
        ids_.push_back(id);
        topics_.back().last = static_cast<std::uint32_t>(ids_.size());
    }
    std::size_t size = 8;
    while (size < topics_.size() * 2) {
        size *= 2;
    }
    slots_.assign(size, 0);
    for (std::uint32_t t = 0; t < topics_.size(); ++t) {
        std::size_t at = state::paths::PathHash{}(topics_[t].path) & (size - 1);
        while (slots_[at] != 0) {
            at = (at + 1) & (size - 1);
        }
        slots_[at] = t + 1;
    }
}

std::uint32_t TopicIndex::find(std::string_view path) const {
    if (!mayHaveLength(path.size()) || topics_.empty()) { // most prefixes end here, unhashed
        return kNone;
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = state::paths::PathHash{}(path) & mask; slots_[at] != 0; at = (at + 1) & mask) {
        const std::uint32_t t = slots_[at] - 1;
        if (state::paths::sameBytes(topics_[t].path, path)) {
            return t;
        }
    }
    return kNone;
}

std::uint32_t TopicIndex::lowerBound(std::string_view path) const {
    const auto it = std::lower_bound(topics_.begin(), topics_.end(), path,
                                     [](const Topic& t, std::string_view p) { return t.path < p; });
    return static_cast<std::uint32_t>(it - topics_.begin());
}

} // namespace bi::pipeline
