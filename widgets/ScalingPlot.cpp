// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScalingPlot.h"

ScalingPlot::ScalingPlot(QWidget* parent) : ThemedPlot(parent) {
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    yAxis->setLabel(tr("median µs per call (log)"));
    xAxis->setLabel(tr("size (log)"));
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    applyTheme();
}

void ScalingPlot::setCurves(const QString& sizeLabel, const QMap<QString, QVector<Point>>& curves) {
    clearGraphs();
    xAxis->setLabel(sizeLabel + tr(" (log)"));
    for (auto it = curves.begin(); it != curves.end(); ++it) {
        QCPGraph* g = addGraph();
        g->setName(it.key());
        QVector<double> x;
        QVector<double> y;
        for (const Point& p : it.value()) {
            x << std::max(p.size, 1e-3);
            y << std::max(p.micros, 1e-3);
        }
        g->setData(x, y);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    }
    recolor();
    rescaleAxes();
    xAxis->scaleRange(1.3, xAxis->range().center());
    yAxis->scaleRange(2.0, yAxis->range().center());
    replot();
}

void ScalingPlot::recolor() {
    for (int i = 0; i < graphCount(); ++i) {
        const QString name = graph(i)->name();
        QColor c = engineColor(name.section(QLatin1Char(' '), 0, 0), palette());
        const bool legacy = name.contains(QLatin1String("legacy"));
        graph(i)->setPen(QPen(c, 2, legacy ? Qt::DashLine : Qt::SolidLine));
    }
}
