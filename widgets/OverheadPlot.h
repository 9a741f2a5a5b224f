// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

// Per-call time of one operation, native beside wasm: one series per engine,
// x = call number, y = total microseconds (log scale: the two differ by orders).
class OverheadPlot : public QWidget {
    Q_OBJECT
public:
    explicit OverheadPlot(QWidget* parent = nullptr);

    void setSeries(const QString& engine, const std::vector<bi::trace::TimingRecord>& records);
    void clearSeries(const QString& engine);

    [[nodiscard]] int pointCount(const QString& engine) const;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    bool savePng(const QString& fileName, int width, int height);

private:
    QCPGraph* graphFor(const QString& engine) const;
    void rescale();

    QCustomPlot* plot_;
    QCPGraph* native_;
    QCPGraph* wasm_;
};
