// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"
#include "trace/TimingRecord.h"

#include <QString>

#include <functional>
#include <vector>

// The engine called in-process: the native side of every comparison. Runs are
// serialized (the engine keeps a process-wide key table without a lock).
class NativeEngine {
public:
    struct RunOutcome {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QByteArray resultJson;
        std::vector<bi::trace::TimingRecord> records;
        int warmupRuns = 0; // untimed runs before the records
    };

    // What the stepper shows: the traced run, parsed, and for legacy the
    // plan run of the same scenario its boundary calls are compared with.
    struct TracedOutcome {
        bool ok = false;
        QString error;
        bi::json::Value result;
        bi::json::Value planResult; // null when the strategy is plan
    };

    // `repeat` runs. `proceed` (may be empty) is asked before each run with
    // the number done so far; false stops (outcome.cancelled). A record's
    // crossings are the engine's own count (api::CommandOutput::crossings): open, the
    // runs' calls and the report, as the wasm host counts them. With warmupMs > 0
    // the scenario first runs untimed for that long (at least once), as the wasm
    // host's warm-up does, so that both engines are timed warm.
    static RunOutcome runScenario(const QByteArray& scenario, const QString& strategy, int repeat,
                                  const std::function<bool(int done)>& proceed = {}, int warmupMs = 0);
    // One run with the engine's trace (stages, groups, state after each group).
    static RunOutcome runTraced(const QByteArray& scenario, const QString& strategy);
    // runTraced, parsed, plus the plan run when strategy is legacy. Safe on a worker thread.
    static TracedOutcome runTracedWithPlan(const QByteArray& scenario, const QString& strategy);
};
