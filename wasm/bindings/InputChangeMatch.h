// SPDX-License-Identifier: GPL-3.0-or-later
// Finds, for a change of a run's answer, the change of the call's input that it
// repeats exactly: the same path bytes and a value the binary writer would write
// byte for byte as it was read (same kinds, number bits, strings, item order and
// member order). The binary answer then names that input change (tag 10,
// BinaryResultWriter.h) instead of carrying its value back, and the host hands the
// caller's own value out again: most of a large batch passes the pipeline unchanged.
#pragma once

#include "pipeline/Change.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace bi::wasm {

class InputChangeMatch {
  public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    explicit InputChangeMatch(const pipeline::ChangeList& input) : input_(input) {}

    // The index of the input change that `c` repeats, or kNone. Answers mostly keep
    // the input's order, so the change after the last match is tried first; the
    // others are found by path through an index built on the first miss.
    [[nodiscard]] std::uint32_t find(const pipeline::Change& c);

    // Whether the binary writer writes `a` and `b` as the same bytes.
    [[nodiscard]] static bool sameWritten(const state::Value& a, const state::Value& b);

  private:
    [[nodiscard]] bool repeats(std::uint32_t at, const pipeline::Change& c) const;
    void buildIndex();

    const pipeline::ChangeList& input_;
    std::uint32_t next_ = 0;
    bool indexed_ = false;
    std::unordered_map<std::string_view, std::uint32_t> lastByPath_;
};

} // namespace bi::wasm
