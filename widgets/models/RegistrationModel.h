// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutlineModel.h"

#include <QHash>
#include <QStringList>
#include "core/Json.h"

// The registrations as a wiring list: one branch per kind (sync, flip,
// aggregations, computations, clear rules, concerns, listeners), one row per
// registration reading "from → to". Accepts an object keyed by kind or an
// array of objects with a "kind" (or "type") field.
class RegistrationModel : public OutlineModel {
    Q_OBJECT
public:
    explicit RegistrationModel(QObject* parent = nullptr);
    // listener id -> the paths its `produce` items write (from the scenario).
    using Produced = QHash<QString, QStringList>;
    // registrations: the engine's snapshot (`bi run --trace`, "registrations");
    // scenario: the scenario document, for what each listener produces.
    void setRegistrations(const bi::json::Value& registrations, const bi::json::Value& scenario = {});
    static Produced producedPaths(const bi::json::Value& scenario);
};
