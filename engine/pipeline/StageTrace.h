// SPDX-License-Identifier: GPL-3.0-or-later
// What one pipeline stage did in one run (collected only when tracing).
#pragma once

#include "core/Json.h"
#include "pipeline/Change.h"

#include <string>
#include <vector>

namespace bi::pipeline {

struct SkippedChange {
    std::string path;
    std::string reason; // redundant, guard_failed, anchor_missing, computed_target, excluded
};

struct StageTrace {
    std::string stage;
    std::vector<std::string> matched;
    ChangeList produced;
    std::vector<SkippedChange> skipped;
    double durationUs = 0;

    [[nodiscard]] json::Value toJson() const;
};

} // namespace bi::pipeline
