// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"
#include "core/Json.h"

// The execution plan of every run as groups → dispatches → produced changes:
// each change a child of the dispatch that made it (GammaRay's propagation as
// children). A group row's key is its stepper step, so the stepper can mark it.
class ExecutionPlanModel : public OutlineModel {
    Q_OBJECT
public:
    explicit ExecutionPlanModel(QObject* parent = nullptr);
    void setResult(const bi::json::Value& result);
    void setCurrentStep(int step);

private:
    int currentStep_ = -1;
};
