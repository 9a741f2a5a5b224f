// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <QString>

#include <vector>

// One write to the state as the inspector shows it: where it came from
// ("batch 2", "run 1 · group 3 · listener total"), its path and value.
struct ChangeEntry {
    QString origin;
    QString path;
    QString value;

    // Reads {"path","value"} objects or [path, value] pairs (the scenario's batches).
    static std::vector<ChangeEntry> fromJson(const bi::json::Value& changes, const QString& origin);
};
