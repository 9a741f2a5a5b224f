// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScalingPlot.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include "core/Json.h"

#include <atomic>
#include <memory>

class WasmHost;

// Sweeps for the scaling curves. Batch size: for each size, a generated
// scenario runs `repeat` times natively (in a worker thread) and in wasm
// (through the host). Document size: a generated HTML document of each size
// is extracted natively in a worker and, when the host runs, by its `extract` op. Listener depth: a nested scenario with a
// listener on every level (ScenarioGenerator::nestedScenario) runs with plan
// and with legacy on both engines. The median per size makes a point.
// Cancel or a new sweep drops the old one's results.
class SweepRunner : public QObject {
    Q_OBJECT
public:
    SweepRunner(WasmHost* host, QObject* parent = nullptr);
    void start(const QList<int>& batchSizes, int repeat = 5);
    void startDocumentSweep(const QList<int>& byteSizes, int repeat = 3);
    void startDepthSweep(const QList<int>& depths, int repeat = 5);
    void cancel();
    [[nodiscard]] bool isRunning() const { return running_; }
    // The first size of each strategy (of the document sweep: its first size)
    // runs untimed for this long first on both engines (0: no warm-up; the default).
    void setWarmupMs(int ms) { warmupMs_ = ms; }
    // Untimed runs (or extractions) of the current or last sweep, per engine.
    [[nodiscard]] int nativeWarmupRuns() const { return nativeWarmupRuns_; }
    [[nodiscard]] int wasmWarmupRuns() const { return wasmWarmupRuns_; }

signals:
    void progress(int done, int total);
    void finished(const QString& sizeLabel, const QMap<QString, QVector<ScalingPlot::Point>>& curves);

private:
    enum class Mode { Batches, Depths, Documents };
    struct NativePoint {
        double median = -1; // < 0: no point
        int warmupRuns = 0;
    };
    void startScenarioSweep(Mode mode, const QList<int>& sizes, const QStringList& strategies, int repeat);
    [[nodiscard]] int taskCount() const;
    [[nodiscard]] int currentSize() const;
    [[nodiscard]] QString currentStrategy() const;
    [[nodiscard]] int currentWarmupMs() const;
    void runNext();
    void runNextDocument();
    void extractInWasm(int size);
    void onExtractAnswered(int id, const bi::json::Value& message);
    void documentDone();
    void nativeDone(int job, NativePoint point);
    void wasmDone(double median);

    WasmHost* host_;
    QList<int> sizes_;
    int repeat_ = 5;
    int warmupMs_ = 0;
    int nativeWarmupRuns_ = 0;
    int wasmWarmupRuns_ = 0;
    int index_ = 0;
    int job_ = 0;
    // job_ for the workers: they stop between repeats once it moves on.
    std::shared_ptr<std::atomic<int>> liveJob_ = std::make_shared<std::atomic<int>>(0);
    int wasmRequest_ = -1;
    bool running_ = false;
    Mode mode_ = Mode::Batches;
    QStringList strategies_;
    QByteArray scenario_;
    QTemporaryDir scratch_;   // generated documents for the host's extract op (it reads files)
    QSet<int> wasmExtracts_;  // outstanding extract requests of the current size
    std::vector<double> wasmTimes_;
    QMap<QString, QVector<ScalingPlot::Point>> curves_;
};
