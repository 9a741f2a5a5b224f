// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"
#include "core/Json.h"

// The stages of each run with matched / produced / skipped counts and time;
// each skipped path is a child row that says why it was skipped.
class StageModel : public OutlineModel {
    Q_OBJECT
public:
    explicit StageModel(QObject* parent = nullptr);
    void setResult(const bi::json::Value& result);
};
