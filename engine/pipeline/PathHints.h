// SPDX-License-Identifier: GPL-3.0-or-later
// Remembered shadow lookups by list position (see ShadowState::get with a
// hint): a stage's list holds the same paths at the same positions run after
// run (a form's batch, the concerns, a listener's output), so the hint of
// position i last run is usually this run's path. A wrong one costs only the
// usual lookup, so the positions need no bookkeeping when a list changes.
#pragma once

#include "state/ShadowState.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bi::pipeline {

class PathHints {
  public:
    std::uint32_t& at(std::size_t i) {
        if (i >= hints_.size()) {
            hints_.resize(i + 1, state::ShadowState::kNoHint);
        }
        return hints_[i];
    }

  private:
    std::vector<std::uint32_t> hints_;
};

} // namespace bi::pipeline
