// SPDX-License-Identifier: GPL-3.0-or-later
// Stepping through one run group by group (for the inspector's stepper).
// Listeners always see the state after the declarative stages, as in a normal
// run; after each step the shadow shows that state plus the output of every
// group run so far. back() replays from the run's start.
#pragma once

#include "pipeline/ListenerHandler.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RunDriver.h"

namespace bi::pipeline {

class ExecutionCursor {
public:
    // Runs phase 1 (prepare). The run stays open until finish() or destruction (abort).
    ExecutionCursor(Pipeline& pipeline, ChangeList batch, ListenerHandler& handler);
    ExecutionCursor(const ExecutionCursor&) = delete;
    ExecutionCursor& operator=(const ExecutionCursor&) = delete;
    ~ExecutionCursor();

    [[nodiscard]] const PrepareResult& prepared() const { return prepared_; }
    [[nodiscard]] std::size_t groupCount() const { return prepared_.plan.groups.size(); }
    [[nodiscard]] std::size_t position() const { return done_; } // groups run so far
    [[nodiscard]] bool atEnd() const { return done_ == groupCount(); }

    // Runs the next group; false when there is none.
    bool step();
    // Undoes the last step by replaying the run from its start; false at the start.
    bool back();
    // The changes the last step applied (diffed), and the state now.
    [[nodiscard]] const ChangeList& lastDiff() const { return lastDiff_; }
    [[nodiscard]] const state::ShadowState& state() const { return pipeline_.shadow(); }
    [[nodiscard]] const std::vector<DispatchRecord>& dispatches() const { return records_; }
    // Runs the remaining groups and closes the run.
    FinalizeResult finish();

private:
    void restart();

    Pipeline& pipeline_;
    ChangeList batch_;
    ListenerHandler& handler_;
    PrepareResult prepared_;
    std::size_t afterStages_ = 0; // undo mark: the state after the declarative stages
    std::size_t done_ = 0;
    std::vector<DispatchRecord> records_;
    std::vector<ChangeList> pending_;
    ChangeList lastDiff_;
    bool open_ = false;
};

} // namespace bi::pipeline
