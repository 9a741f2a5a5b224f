// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChangeEntry.h"
#include "core/Json.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// The steps of a scenario's runs, one dispatch group at a time: what the
// stepper walks. Step 0 is the initial state with what registration wrote
// (the report's registration_changes, also step 0's diff). Built from the `bi run` JSON:
// with a trace, one step per group (its diff and state_after); without one,
// one step per run, its state computed by applying the run's changes.
// Boundary calls are the engine's own count for the run (`runs[].calls`),
// never a guess; "extra" compares them with a plan run of the same scenario.
class RunTimeline {
public:
    struct Step {
        QString label;
        int run = -1;   // -1 for the initial state
        int group = -1;
        QStringList dispatchIds;
        std::vector<ChangeEntry> diff;
        std::shared_ptr<const bi::json::Value> state;
        int boundaryCalls = -1; // the run's crossings as the engine counts them; -1: not reported
        int planCalls = -1;     // the same run under the plan strategy; -1: unknown
        int extraCalls = 0;     // boundaryCalls - planCalls when both are known
    };

    // initialState: the scenario's "state"; result: the `bi run` document.
    // planResult: a plan run of the same scenario to count extra calls
    // against; not needed when strategy is "plan" (the result is its own).
    static RunTimeline build(const bi::json::Value& initialState, const bi::json::Value& result,
                             const QString& strategy, const bi::json::Value* planResult = nullptr);
    // The engine's `calls` of every run, in order (-1 where one is missing).
    static std::vector<int> runCalls(const bi::json::Value& result);
    // Their sum, or -1 when no run reports one.
    static int totalCalls(const bi::json::Value& result);

    [[nodiscard]] const std::vector<Step>& steps() const { return steps_; }
    [[nodiscard]] int size() const { return static_cast<int>(steps_.size()); }
    [[nodiscard]] const Step& at(int i) const { return steps_[static_cast<std::size_t>(i)]; }
    // Every change the runs made, in order, with the step that made it.
    [[nodiscard]] std::vector<ChangeEntry> allChanges() const;

private:
    void addInitialStep(const bi::json::Value& initialState, const bi::json::Value* registrationChanges);
    void addRun(int runIndex, const bi::json::Value& run, int planCalls);
    void addStep(Step step, const bi::json::Value* stateAfter);

    std::vector<Step> steps_;
};
