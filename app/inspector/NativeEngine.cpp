// SPDX-License-Identifier: GPL-3.0-or-later
#include "NativeEngine.h"

#include "api/Commands.h"

NativeEngine::RunOutcome NativeEngine::runScenario(const QByteArray& scenario, const QString& strategy,
                                                   int repeat) {
    RunOutcome outcome;
    bi::api::RunOptions options;
    options.strategy = strategy.toStdString();
    const std::string_view text(scenario.constData(), static_cast<std::size_t>(scenario.size()));
    try {
        for (int i = 0; i < repeat; ++i) {
            const double t0 = bi::trace::nowMicros();
            auto out = bi::api::runScenario(text, options);
            const double t1 = bi::trace::nowMicros();
            bi::trace::TimingRecord r;
            r.op = "run";
            r.strategy = options.strategy;
            r.engine = "native";
            r.bytesIn = static_cast<double>(text.size());
            r.bytesOut = static_cast<double>(out.json.size());
            r.crossings = 1;
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

namespace {
// The engine gains RunOptions::trace while the inspector is being written;
// detect it instead of depending on the order the two land in.
template <typename Options> constexpr bool kHasTrace = requires(Options o) { o.trace = true; };

template <typename Options> void enableTrace(Options& options) {
    if constexpr (kHasTrace<Options>) {
        options.trace = true;
    }
}
} // namespace

bool NativeEngine::canTrace() { return kHasTrace<bi::api::RunOptions>; }

NativeEngine::RunOutcome NativeEngine::runTraced(const QByteArray& scenario, const QString& strategy) {
    RunOutcome outcome;
    bi::api::RunOptions options;
    options.strategy = strategy.toStdString();
    enableTrace(options);
    try {
        auto out = bi::api::runScenario(std::string_view(scenario.constData(), static_cast<std::size_t>(scenario.size())),
                                        options);
        outcome.resultJson = QByteArray::fromStdString(out.json);
        outcome.ok = true;
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}
