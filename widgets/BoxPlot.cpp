// SPDX-License-Identifier: GPL-3.0-or-later
#include "BoxPlot.h"
#include "RecordStats.h"

#include <map>

BoxPlot::BoxPlot(QWidget* parent) : ThemedPlot(parent) {
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    yAxis->setLabel(tr("total µs per call (log)"));
    applyTheme();
}

void BoxPlot::setRecords(const std::vector<bi::trace::TimingRecord>& records) {
    clearPlottables();
    clearItems();
    labels_.clear();
    engines_.clear();
    std::map<std::pair<std::string, std::string>, std::vector<bi::trace::TimingRecord>> groups;
    for (const auto& r : records) {
        groups[{r.engine, r.strategy}].push_back(r);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double key = 1;
    double lo = 1e300;
    double hi = 0;
    for (const auto& [group, list] : groups) {
        const RecordStats::Box b = RecordStats::totals(list);
        auto* box = new QCPStatisticalBox(xAxis, yAxis);
        QVector<double> outliers(b.outliers.begin(), b.outliers.end());
        box->addData(key, std::max(b.min, 0.01), std::max(b.q1, 0.01), std::max(b.median, 0.01),
                     std::max(b.q3, 0.01), std::max(b.max, 0.01), outliers);
        box->setWidth(0.5);
        const QString label = QString::fromStdString(group.first + " · " + group.second);
        box->setName(label);
        ticker->addTick(key, label);
        labels_ << label;
        engines_ << QString::fromStdString(group.first);
        auto* text = new QCPItemText(this);
        double top = std::max(b.max, b.p99);
        for (double o : b.outliers) {
            top = std::max(top, o);
        }
        text->position->setCoords(key, top * 1.5); // above every point of the box
        text->setText(tr("p50 %1\np95 %2\np99 %3  (n=%4)")
                          .arg(b.median, 0, 'f', 1)
                          .arg(b.p95, 0, 'f', 1)
                          .arg(b.p99, 0, 'f', 1)
                          .arg(b.count));
        text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        lo = std::min(lo, std::max(b.min, 0.01));
        hi = std::max(hi, std::max(b.max, b.p99));
        for (double o : b.outliers) {
            lo = std::min(lo, std::max(o, 0.01));
            hi = std::max(hi, o);
        }
        key += 1;
    }
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, key - 0.4);
    if (hi > 0) {
        yAxis->setRange(lo / 2, hi * 12);
    }
    recolor();
    replot();
}

void BoxPlot::recolor() {
    const QColor text = palette().color(QPalette::WindowText);
    for (int i = 0; i < plottableCount(); ++i) {
        auto* box = qobject_cast<QCPStatisticalBox*>(plottable(i));
        if (box == nullptr) {
            continue;
        }
        const QColor c = engineColor(i < engines_.size() ? engines_[i] : QString(), palette());
        QColor fill = c;
        fill.setAlpha(90);
        box->setBrush(fill);
        box->setPen(QPen(c, 1.5));
        box->setWhiskerPen(QPen(c, 1, Qt::SolidLine));
        box->setWhiskerBarPen(QPen(c, 1.5));
        box->setMedianPen(QPen(text, 2.5));
        box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, 4));
    }
    for (int i = 0; i < itemCount(); ++i) {
        if (auto* t = qobject_cast<QCPItemText*>(item(i))) {
            t->setColor(text);
        }
    }
}
