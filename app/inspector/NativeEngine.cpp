// SPDX-License-Identifier: GPL-3.0-or-later
#include "NativeEngine.h"

#include "WarmUp.h"
#include "api/Commands.h"

#include <algorithm>
#include <mutex>

namespace {
bi::json::Value parse(const std::string& json) { return bi::json::parse(std::string_view(json)); }

// The engine's state values intern keys in one process-wide table
// (engine/state/KeyTable.cpp) that has no lock: two runs at once corrupt the
// heap. Every in-process run is serialized here, one run at a time, so a
// cancel or a newer job still gets in between the repeats of another.
std::mutex& engineMutex() {
    static std::mutex m;
    return m;
}

bi::api::CommandOutput runLocked(std::string_view text, const bi::api::RunOptions& options) {
    const std::lock_guard<std::mutex> lock(engineMutex());
    return bi::api::runScenario(text, options);
}
} // namespace

NativeEngine::RunOutcome NativeEngine::runScenario(const QByteArray& scenario, const QString& strategy, int repeat,
                                                   const std::function<bool(int)>& proceed, int warmupMs) {
    RunOutcome outcome;
    bi::api::RunOptions options;
    options.strategy = strategy.toStdString();
    const std::string_view text(scenario.constData(), static_cast<std::size_t>(scenario.size()));
    try {
        WarmUp warmUp(warmupMs);
        const bool warm =
            warmUp.run([&] { return !proceed || proceed(0); }, [&] { runLocked(text, options); });
        outcome.warmupRuns = warmUp.runs();
        if (!warm) {
            outcome.cancelled = true;
            return outcome;
        }
        for (int i = 0; i < repeat; ++i) {
            if (proceed && !proceed(i)) {
                outcome.cancelled = true;
                return outcome;
            }
            const double t0 = bi::trace::nowMicros();
            auto out = runLocked(text, options);
            const double t1 = bi::trace::nowMicros();
            bi::trace::TimingRecord r;
            r.op = "run";
            r.strategy = options.strategy;
            r.engine = "native";
            r.bytesIn = static_cast<double>(text.size());
            r.bytesOut = static_cast<double>(out.json.size());
            r.crossings = out.crossings;
            r.engineDecode = out.phases.decode;
            r.compute = out.phases.compute;
            r.engineEncode = out.phases.encode;
            r.total = t1 - t0;
            outcome.records.push_back(r);
            outcome.resultJson = QByteArray::fromStdString(out.json);
        }
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

NativeEngine::RunOutcome NativeEngine::runTraced(const QByteArray& scenario, const QString& strategy) {
    RunOutcome outcome;
    bi::api::RunOptions options;
    options.strategy = strategy.toStdString();
    options.trace = true;
    try {
        auto out = runLocked(std::string_view(scenario.constData(), static_cast<std::size_t>(scenario.size())), options);
        outcome.resultJson = QByteArray::fromStdString(out.json);
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

NativeEngine::TracedOutcome NativeEngine::runTracedWithPlan(const QByteArray& scenario, const QString& strategy) {
    TracedOutcome outcome;
    const RunOutcome traced = runTraced(scenario, strategy);
    if (!traced.ok) {
        outcome.error = traced.error;
        return outcome;
    }
    try {
        outcome.result = parse(traced.resultJson.toStdString());
        if (strategy != QLatin1String("plan")) {
            bi::api::RunOptions plan; // untraced: only its runs[].calls are needed
            const std::string_view text(scenario.constData(), static_cast<std::size_t>(scenario.size()));
            outcome.planResult = parse(runLocked(text, plan).json);
        }
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}
