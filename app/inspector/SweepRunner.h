// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScalingPlot.h"

#include <QObject>

class WasmHost;

// Sweeps for the scaling curves. Batch size: for each size, a generated
// scenario runs `repeat` times natively (in a worker thread) and in wasm
// (through the host). Document size: a generated HTML document of each size
// is extracted natively in a worker. The median per size makes a point.
// Cancel or a new sweep drops the old one's results.
class SweepRunner : public QObject {
    Q_OBJECT
public:
    SweepRunner(WasmHost* host, QObject* parent = nullptr);
    void start(const QList<int>& batchSizes, int repeat = 5);
    void startDocumentSweep(const QList<int>& byteSizes, int repeat = 3);
    void cancel();
    [[nodiscard]] bool isRunning() const { return running_; }

signals:
    void progress(int done, int total);
    void finished(const QString& sizeLabel, const QMap<QString, QVector<ScalingPlot::Point>>& curves);

private:
    void runNext();
    void runNextDocument();
    void nativeDone(int job, double median);
    void wasmDone(double median);

    WasmHost* host_;
    QList<int> sizes_;
    int repeat_ = 5;
    int index_ = 0;
    int job_ = 0;
    int wasmRequest_ = -1;
    bool running_ = false;
    bool documents_ = false;
    QByteArray scenario_;
    QMap<QString, QVector<ScalingPlot::Point>> curves_;
};
