// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QString>

#include <vector>

// The engine called in-process: the native side of every comparison.
class NativeEngine {
public:
    struct RunOutcome {
        bool ok = false;
        QString error;
        QByteArray resultJson;
        std::vector<bi::trace::TimingRecord> records;
    };

    static RunOutcome runScenario(const QByteArray& scenario, const QString& strategy, int repeat);
    // One run with the engine's trace (stages, groups, state after each group)
    // when the engine offers it; the plain run report otherwise.
    static RunOutcome runTraced(const QByteArray& scenario, const QString& strategy);
    [[nodiscard]] static bool canTrace();
};
