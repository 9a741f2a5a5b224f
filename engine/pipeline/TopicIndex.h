// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatches of one plan by topic: which of them a forwarded change
// reaches (topicMatches), found through the change path's own ancestors and
// the topics below it, instead of testing the change against every later
// dispatch (60 variant listeners forwarding to each other tested thousands of
// pairs a run, nearly all of them unrelated siblings).
#pragma once

#include "pipeline/ExecutionPlan.h"
#include "pipeline/PathIdMemo.h"
#include "pipeline/PathIdTable.h"
#include "pipeline/PathListMemo.h"
#include "state/Paths.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bi::pipeline {

class TopicIndex {
  public:
    // Indexes every dispatch by its topic (copied: plans come and go). A
    // plan with the same topics in the same order as the last one keeps the
    // index and its remembered answers (runs of a session mostly do).
    void build(const std::vector<Dispatch>& dispatches);

    // The ids of the dispatches d with topicMatches(path, d.topic), each once,
    // in no particular order. Remembered per path until the topics change: a
    // run's listeners write the same paths run after run. hint: the path's id
    // in this index's path table when the caller asked for it last (any value
    // is safe; see PathIdTable), updated; a right one saves hashing the path.
    const std::vector<std::uint32_t>& matches(std::string_view path, std::uint32_t& hint) {
        if (paths_.size() > kMaxPaths) { // bounds a long session's memory
            paths_.clear();
            memo_.clear();
        }
        hint = paths_.intern(path, hint);
        if (const auto* known = memo_.find(hint)) {
            return *known;
        }
        std::vector<std::uint32_t> ids;
        forEachMatch(path, [&](std::uint32_t id) { ids.push_back(id); });
        return memo_.put(hint, std::move(ids));
    }
    const std::vector<std::uint32_t>& matches(std::string_view path) {
        std::uint32_t hint = PathIdTable::kNone;
        return matches(path, hint);
    }

    template <typename Fn>
    void forEachMatch(std::string_view path, Fn&& fn) const {
        if (path.empty()) { // the root reaches every topic
            for (auto id : ids_) {
                fn(id);
            }
            return;
        }
        // Topics at or above the path: the path itself, its dot prefixes, the root.
        eachOf(find(path), fn);
        state::paths::forEachAncestor(path, [&](std::string_view a) {
            eachOf(find(a), fn);
            return true;
        });
        if (maxLength_ > path.size()) {
            eachBelow(path, fn);
        }
    }

  private:
    struct Topic {
        std::string_view path;
        std::uint32_t first = 0; // its dispatches: ids_[first, last)
        std::uint32_t last = 0;
    };
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};

    // Index into topics_ of a topic equal to path, or kNone.
    [[nodiscard]] std::uint32_t find(std::string_view path) const;
    template <typename Fn>
    void eachOf(std::uint32_t topic, Fn& fn) const {
        if (topic == kNone) {
            return;
        }
        for (auto i = topics_[topic].first; i < topics_[topic].last; ++i) {
            fn(ids_[i]);
        }
    }
    // Topics strictly below path: in sorted order every topic starting with
    // path follows it contiguously; those with a '.' after the prefix match.
    template <typename Fn>
    void eachBelow(std::string_view path, Fn& fn) const {
        for (auto t = lowerBound(path); t < topics_.size(); ++t) {
            const std::string_view topic = topics_[t].path;
            if (topic.substr(0, path.size()) != path) {
                return;
            }
            if (topic.size() > path.size() && topic[path.size()] == '.') {
                eachOf(t, fn);
            }
        }
    }
    [[nodiscard]] std::uint32_t lowerBound(std::string_view path) const;
    [[nodiscard]] bool mayHaveLength(std::size_t n) const {
        n = n < kLengthSlots ? n : kLengthSlots - 1;
        return ((lengths_[n / 64] >> (n % 64)) & 1U) != 0;
    }

    static constexpr std::size_t kLengthSlots = 256; // longer topics share the last slot
    std::vector<std::string> topicOf_;  // the dispatches' topics and ids the index was built from
    std::vector<std::uint32_t> idOf_;
    std::vector<std::pair<std::string_view, std::uint32_t>> order_; // build's scratch
    std::vector<std::uint32_t> ids_;    // dispatch ids grouped by topic, topics in sorted order
    std::vector<Topic> topics_;         // distinct topics, sorted
    std::vector<std::uint32_t> slots_;  // open addressing over topics_: index + 1, 0 = empty
    std::uint64_t lengths_[kLengthSlots / 64] = {};
    std::size_t maxLength_ = 0;
    static constexpr std::size_t kMaxPaths = std::size_t{1} << 16;
    PathIdTable paths_;                         // the paths matches() was asked about
    PathIdMemo<std::vector<std::uint32_t>> memo_; // matches() by path id
};

} // namespace bi::pipeline
