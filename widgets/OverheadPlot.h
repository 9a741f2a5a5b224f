// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QWidget>

#include <vector>

class ThemedPlot;
class QCPGraph;
class QCPItemRect;
class QCPItemText;
class QCPItemTracer;
class QMouseEvent;
class TimelineSelection;

// The per-call timeline, native beside wasm: x = call number, y = total µs on
// a log axis (the two differ by orders). Wheel zooms and drag pans the time
// axis only; Shift+drag selects a range of calls (which filters the records
// table); double-click resets. A tracer follows the mouse and names the call.
// The zoom/selection state lives in TimelineSelection; the plot mirrors it.
class OverheadPlot : public QWidget {
    Q_OBJECT
public:
    explicit OverheadPlot(QWidget* parent = nullptr);

    void setSeries(const QString& engine, const std::vector<bi::trace::TimingRecord>& records);
    void clearSeries(const QString& engine);

    [[nodiscard]] int pointCount(const QString& engine) const;
    [[nodiscard]] ThemedPlot* plot() const { return plot_; }
    [[nodiscard]] TimelineSelection* selection() const { return selection_; }
    [[nodiscard]] bool showsPlaceholder() const;
    [[nodiscard]] QString tracerText() const;
    bool savePng(const QString& fileName, int width, int height);
    // Moves the hover tracer to call number x (what a mouse move does).
    void traceAt(double x);

private:
    QCPGraph* graphFor(const QString& engine) const;
    void rescale();
    void recolor();
    void onMouseMove(QMouseEvent* event);
    void showSelection();

    ThemedPlot* plot_;
    TimelineSelection* selection_;
    QCPGraph* native_;
    QCPGraph* wasm_;
    QCPItemTracer* tracer_;
    QCPItemText* tracerLabel_;
    QCPItemText* placeholder_;
    QCPItemRect* band_;
    bool syncing_ = false;
};
