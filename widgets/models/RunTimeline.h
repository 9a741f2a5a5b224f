// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChangeEntry.h"
#include "core/Json.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// The steps of a scenario's runs, one dispatch group at a time: what the
// stepper walks. Step 0 is the initial state. Built from the `bi run` JSON:
// with a trace, one step per group (its diff and state_after); without one,
// one step per run, its state computed by applying the run's changes.
class RunTimeline {
public:
    struct Step {
        QString label;
        int run = -1;   // -1 for the initial state
        int group = -1;
        QStringList dispatchIds;
        std::vector<ChangeEntry> diff;
        std::shared_ptr<const bi::json::Value> state;
        int boundaryCalls = 0; // host↔engine crossings this step costs
        int extraCalls = 0;    // crossings beyond what the plan strategy needs
    };

    // initialState: the scenario's "state"; result: the `bi run` document.
    static RunTimeline build(const bi::json::Value& initialState, const bi::json::Value& result,
                             const QString& strategy);

    [[nodiscard]] const std::vector<Step>& steps() const { return steps_; }
    [[nodiscard]] int size() const { return static_cast<int>(steps_.size()); }
    [[nodiscard]] const Step& at(int i) const { return steps_[static_cast<std::size_t>(i)]; }
    // Every change the runs made, in order, with the step that made it.
    [[nodiscard]] std::vector<ChangeEntry> allChanges() const;

private:
    void addRun(int runIndex, const bi::json::Value& run, const QString& strategy);
    void addStep(Step step, const bi::json::Value* stateAfter);

    std::vector<Step> steps_;
};
