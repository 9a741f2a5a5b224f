// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTimeline.h"

#include <QWidget>

class ChangeLogModel;
class ExecutionPlanModel;
class GroupStepper;
class QComboBox;
class QLabel;
class QTreeView;
class StageModel;
class StateTreeView;
class StepperBar;

// The Run dock: the stages of each run (matched / produced / skipped and
// why), the execution plan as groups → dispatches → produced changes, and the
// stepper that walks one dispatch group at a time showing the state after it
// (changed paths in bold) and its diff. With the legacy strategy the steps are
// its depth levels, and the run's boundary calls (the engine's count) are
// compared with the plan strategy's.
class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    // planResult: a plan run of the same scenario, for legacy's "extra vs plan".
    void setRun(const bi::json::Value& initialState, const bi::json::Value& result, const QString& strategy,
                const bi::json::Value* planResult = nullptr);
    void clear();
    // Shows the strategy in the combo without emitting strategyChanged.
    void setStrategy(const QString& strategy);

    [[nodiscard]] GroupStepper* stepper() const { return stepper_; }
    [[nodiscard]] StateTreeView* stateView() const { return state_; }
    [[nodiscard]] const RunTimeline& timeline() const { return timeline_; }
    [[nodiscard]] ExecutionPlanModel* planModel() const { return plan_; }
    [[nodiscard]] StageModel* stageModel() const { return stages_; }
    [[nodiscard]] ChangeLogModel* diffModel() const { return diff_; }
    [[nodiscard]] QString strategy() const;
    [[nodiscard]] QString boundaryText() const;

signals:
    void strategyChanged(const QString& strategy);

private:
    void showStep(int index);

    RunTimeline timeline_;
    GroupStepper* stepper_;
    StepperBar* bar_;
    ExecutionPlanModel* plan_;
    StageModel* stages_;
    ChangeLogModel* diff_;
    StateTreeView* state_;
    QTreeView* planView_;
    QComboBox* strategy_;
    QLabel* boundary_;
};
