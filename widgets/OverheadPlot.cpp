// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverheadPlot.h"
#include "ThemedPlot.h"
#include "TimelineSelection.h"

#include <QVBoxLayout>

#include <algorithm>

OverheadPlot::OverheadPlot(QWidget* parent)
    : QWidget(parent), plot_(new ThemedPlot(this)), selection_(new TimelineSelection(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    native_ = plot_->addGraph();
    native_->setName(QStringLiteral("native"));
    native_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    wasm_ = plot_->addGraph();
    wasm_->setName(QStringLiteral("wasm"));
    wasm_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));

    plot_->xAxis->setLabel(tr("call (wheel: zoom · drag: pan · Shift+drag: select · double-click: reset)"));
    plot_->yAxis->setLabel(tr("time per call (µs, log)"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot_->legend->setVisible(true);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);

    plot_->addLayer(QStringLiteral("cursor"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    plot_->layer(QStringLiteral("cursor"))->setMode(QCPLayer::lmBuffered);
    band_ = new QCPItemRect(plot_);
    band_->setLayer(QStringLiteral("cursor"));
    band_->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band_->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band_->setVisible(false);
    tracer_ = new QCPItemTracer(plot_);
    tracer_->setLayer(QStringLiteral("cursor"));
    tracer_->setStyle(QCPItemTracer::tsCrosshair);
    tracer_->setVisible(false);
    tracerLabel_ = new QCPItemText(plot_);
    tracerLabel_->setLayer(QStringLiteral("cursor"));
    tracerLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    tracerLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    tracerLabel_->position->setCoords(0.01, 0.01);
    tracerLabel_->setPadding(QMargins(4, 2, 4, 2));
    tracerLabel_->setVisible(false);
    placeholder_ = new QCPItemText(plot_);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setText(tr("No calls recorded yet: they appear when a run finishes (F5 runs again, Ctrl+O opens a scenario)"));

    connect(plot_, &QCustomPlot::mouseMove, this, &OverheadPlot::onMouseMove);
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        plot_->setSelectionRectMode(e->modifiers() & Qt::ShiftModifier ? QCP::srmCustom : QCP::srmNone);
    });
    connect(plot_->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect& rect, QInputEvent*) {
        selection_->select(plot_->xAxis->pixelToCoord(rect.left()), plot_->xAxis->pixelToCoord(rect.right()));
        plot_->setSelectionRectMode(QCP::srmNone);
    });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] {
        selection_->clearSelection();
        selection_->resetZoom();
    });
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& r) {
        if (!syncing_) {
            syncing_ = true;
            selection_->setVisibleRange(r.lower, r.upper);
            syncing_ = false;
        }
    });
    connect(selection_, &TimelineSelection::visibleRangeChanged, this, [this](double from, double to) {
        if (!syncing_) {
            syncing_ = true;
            plot_->xAxis->setRange(from, to);
            plot_->replot(QCustomPlot::rpQueuedReplot);
            syncing_ = false;
        }
    });
    connect(selection_, &TimelineSelection::selectionChanged, this, &OverheadPlot::showSelection);
    connect(plot_, &ThemedPlot::beforeReplot, this, &OverheadPlot::recolor);
    recolor();
    rescale();
}

void OverheadPlot::recolor() {
    const QPalette p = plot_->palette();
    native_->setPen(QPen(ThemedPlot::engineColor(QStringLiteral("native"), p), 2));
    wasm_->setPen(QPen(ThemedPlot::engineColor(QStringLiteral("wasm"), p), 2));
    QColor highlight = p.color(QPalette::Highlight);
    highlight.setAlpha(50);
    band_->setBrush(highlight);
    band_->setPen(Qt::NoPen);
    tracer_->setPen(QPen(p.color(QPalette::WindowText), 1, Qt::DashLine));
    placeholder_->setColor(p.color(QPalette::PlaceholderText));
    tracerLabel_->setColor(p.color(QPalette::ToolTipText));
    tracerLabel_->setBrush(p.color(QPalette::ToolTipBase));
}

QCPGraph* OverheadPlot::graphFor(const QString& engine) const {
    return engine == QLatin1String("wasm") ? wasm_ : native_;
}

void OverheadPlot::setSeries(const QString& engine, const std::vector<bi::trace::TimingRecord>& records) {
    QVector<double> x;
    QVector<double> y;
    for (std::size_t i = 0; i < records.size(); ++i) {
        x.push_back(static_cast<double>(i + 1));
        y.push_back(std::max(records[i].total, 0.01)); // log axis: keep zero-time calls visible
    }
    graphFor(engine)->setData(x, y, true);
    rescale();
}

void OverheadPlot::clearSeries(const QString& engine) {
    graphFor(engine)->data()->clear();
    rescale();
}

int OverheadPlot::pointCount(const QString& engine) const { return graphFor(engine)->dataCount(); }

void OverheadPlot::rescale() {
    const int n = std::max(pointCount(QStringLiteral("native")), pointCount(QStringLiteral("wasm")));
    // Empty: a sentence instead of a meaningless log axis.
    placeholder_->setVisible(n == 0);
    plot_->yAxis->setVisible(n > 0);
    plot_->xAxis->setTickLabels(n > 0);
    plot_->legend->setVisible(n > 0);
    if (n > 0) {
        plot_->yAxis->rescale();
        plot_->yAxis->scaleRange(1.5, plot_->yAxis->range().center());
    }
    selection_->setFullRange(0.5, std::max(n, 1) + 0.5);
    plot_->xAxis->setRange(selection_->visibleRange().from, selection_->visibleRange().to);
    plot_->replot();
}

void OverheadPlot::showSelection() {
    band_->setVisible(selection_->hasSelection());
    band_->topLeft->setCoords(selection_->selection().from, 0);
    band_->bottomRight->setCoords(selection_->selection().to, 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void OverheadPlot::onMouseMove(QMouseEvent* event) {
    traceAt(plot_->xAxis->pixelToCoord(event->position().x()));
}

void OverheadPlot::traceAt(double x) {
    const int call = static_cast<int>(std::lround(x));
    QCPGraph* graph = wasm_->dataCount() >= call && call >= 1 ? wasm_ : native_;
    if (call < 1 || call > graph->dataCount()) {
        tracer_->setVisible(false);
        tracerLabel_->setVisible(false);
        plot_->layer(QStringLiteral("cursor"))->replot();
        return;
    }
    tracer_->setGraph(graph);
    tracer_->setGraphKey(call);
    tracer_->setVisible(true);
    QString text = tr("call %1").arg(call);
    for (QCPGraph* g : {native_, wasm_}) {
        if (call <= g->dataCount()) {
            text += tr(" · %1 %2 µs").arg(g->name()).arg(g->data()->at(call - 1)->value, 0, 'f', 1);
        }
    }
    tracerLabel_->setText(text);
    tracerLabel_->setVisible(true);
    plot_->layer(QStringLiteral("cursor"))->replot();
}

bool OverheadPlot::showsPlaceholder() const { return placeholder_->visible(); }

QString OverheadPlot::tracerText() const { return tracerLabel_->visible() ? tracerLabel_->text() : QString(); }

bool OverheadPlot::savePng(const QString& fileName, int width, int height) {
    tracer_->setVisible(false);
    tracerLabel_->setVisible(false);
    return plot_->savePng(fileName, width, height);
}
