// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"
#include "core/Json.h"

// The scenario's batches of input changes: batch → path, value.
class BatchModel : public OutlineModel {
    Q_OBJECT
public:
    explicit BatchModel(QObject* parent = nullptr);
    void setScenario(const bi::json::Value& scenario);
};
