// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverheadPlot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

OverheadPlot::OverheadPlot(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    native_ = plot_->addGraph();
    native_->setName(QStringLiteral("native"));
    native_->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    native_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    wasm_ = plot_->addGraph();
    wasm_->setName(QStringLiteral("wasm"));
    wasm_->setPen(QPen(QColor(0xff, 0x7f, 0x0e), 2));
    wasm_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));

    plot_->xAxis->setLabel(tr("call"));
    plot_->yAxis->setLabel(tr("time per call (µs, log)"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot_->legend->setVisible(true);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
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

int OverheadPlot::pointCount(const QString& engine) const {
    return graphFor(engine)->dataCount();
}

void OverheadPlot::rescale() {
    plot_->rescaleAxes();
    plot_->xAxis->scaleRange(1.05, plot_->xAxis->range().center());
    plot_->yAxis->scaleRange(1.5, plot_->yAxis->range().center());
    plot_->replot();
}

bool OverheadPlot::savePng(const QString& fileName, int width, int height) {
    return plot_->savePng(fileName, width, height);
}
