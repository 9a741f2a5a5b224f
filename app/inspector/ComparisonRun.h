// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NativeEngine.h"
#include "trace/TimingRecord.h"

#include <QFuture>
#include <QObject>

#include <vector>

class WasmHost;

// One comparison: the same scenario run natively in-process and in wasm through
// the host, `repeat` calls each. Results from an older run are dropped when a
// newer one has started or cancel() was called; the native repeats stop at
// the next one. The window and the headless report both use it.
class ComparisonRun : public QObject {
    Q_OBJECT
public:
    ComparisonRun(WasmHost* host, QObject* parent = nullptr);

    // warmupMs > 0: each engine first runs the scenario untimed for that long, so
    // that the records time warm code (V8 tiers wasm up only after 0.5-1 s).
    void start(const QByteArray& scenario, int repeat, const QString& strategy = QStringLiteral("plan"),
               int warmupMs = 0);
    // Stops the native repeats at the next one and drops both engines' results.
    void cancel();
    // The native worker of the latest start() (progress: repeats done).
    [[nodiscard]] QFuture<NativeEngine::RunOutcome> nativeFuture() const { return nativeFuture_; }
    [[nodiscard]] QString strategy() const { return strategy_; }
    [[nodiscard]] QByteArray nativeResult() const { return nativeResult_; }
    [[nodiscard]] bool isRunning() const { return nativeDone_ == false || wasmDone_ == false; }

    [[nodiscard]] const std::vector<bi::trace::TimingRecord>& nativeRecords() const { return native_; }
    [[nodiscard]] const std::vector<bi::trace::TimingRecord>& wasmRecords() const { return wasm_; }
    [[nodiscard]] QString nativeError() const { return nativeError_; }
    [[nodiscard]] QString wasmError() const { return wasmError_; }
    [[nodiscard]] bool resultsIdentical() const { return identical_; }
    // Untimed runs before the records, per engine (0 without a warm-up).
    [[nodiscard]] int nativeWarmupRuns() const { return nativeWarmupRuns_; }
    [[nodiscard]] int wasmWarmupRuns() const { return wasmWarmupRuns_; }

signals:
    void nativeFinished();
    void progress(int done, int total); // native repeats
    void cancelled();
    void wasmFinished();
    void wasmFailed(const QString& reason);
    void finished();

private:
    void finishWasm(const QString& error);
    void checkFinished();

    WasmHost* host_;
    int requestId_ = -1;
    bool nativeDone_ = true;
    bool wasmDone_ = true;
    bool identical_ = false;
    int nativeWarmupRuns_ = 0;
    int wasmWarmupRuns_ = 0;
    QByteArray nativeResult_;
    QByteArray wasmResult_;
    int generation_ = 0;
    QString strategy_ = QStringLiteral("plan");
    QFuture<NativeEngine::RunOutcome> nativeFuture_;
    std::vector<bi::trace::TimingRecord> native_;
    std::vector<bi::trace::TimingRecord> wasm_;
    QString nativeError_;
    QString wasmError_;
};
