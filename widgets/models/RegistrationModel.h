// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"
#include "core/Json.h"

// The registrations as a wiring list: one branch per kind (sync, flip,
// aggregations, computations, clear rules, concerns, listeners), one row per
// registration reading "from → to". Accepts an object keyed by kind or an
// array of objects with a "kind" (or "type") field.
class RegistrationModel : public OutlineModel {
    Q_OBJECT
public:
    explicit RegistrationModel(QObject* parent = nullptr);
    void setRegistrations(const bi::json::Value& registrations);
};
