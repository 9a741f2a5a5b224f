// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonPlot.h"

ComparisonPlot::ComparisonPlot(QWidget* parent)
    : ThemedPlot(parent), old_(new QCPBars(xAxis, yAxis)), new_(new QCPBars(xAxis, yAxis)) {
    auto* group = new QCPBarsGroup(this);
    old_->setBarsGroup(group);
    new_->setBarsGroup(group);
    old_->setWidth(0.35);
    new_->setWidth(0.35);
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    yAxis->setLabel(tr("median µs per call (log)"));
    legend->setVisible(true);
    applyTheme();
}

void ComparisonPlot::setComparison(const std::vector<SessionComparison::Row>& rows, const QString& oldLabel,
                                   const QString& newLabel) {
    clearItems();
    ratios_.clear();
    old_->setName(oldLabel);
    new_->setName(newLabel);
    QVector<double> keys;
    QVector<double> olds;
    QVector<double> news;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double hi = 1;
    double lo = 1e300;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const double key = static_cast<double>(i + 1);
        keys << key;
        olds << std::max(r.oldMedian, 0.01);
        news << std::max(r.newMedian, 0.01);
        hi = std::max({hi, r.oldMedian, r.newMedian});
        lo = std::min({lo, std::max(r.oldMedian, 0.01), std::max(r.newMedian, 0.01)});
        ticker->addTick(key, r.engine + QLatin1Char('\n') + r.op);
        const QString ratio = QStringLiteral("%1×").arg(r.ratio, 0, 'f', 2);
        ratios_ << ratio;
        auto* text = new QCPItemText(this);
        text->position->setCoords(key, std::max(r.oldMedian, r.newMedian) * 1.8);
        text->setText(tr("new/old %1").arg(ratio));
        text->setProperty("faster", r.ratio > 0 && r.ratio < 1);
    }
    old_->setData(keys, olds);
    new_->setData(keys, news);
    xAxis->setTicker(ticker);
    xAxis->setRange(0.4, static_cast<double>(rows.size()) + 0.6);
    yAxis->setRange(std::min(lo, hi) / 3, hi * 10);
    recolor();
    replot();
}

void ComparisonPlot::recolor() {
    const QPalette p = palette();
    const QColor oldColor = p.color(QPalette::Mid);
    const QColor newColor = engineColor(QStringLiteral("other"), p);
    old_->setBrush(oldColor);
    old_->setPen(QPen(oldColor.darker(130)));
    new_->setBrush(newColor);
    new_->setPen(QPen(newColor.darker(130)));
    for (int i = 0; i < itemCount(); ++i) {
        if (auto* t = qobject_cast<QCPItemText*>(item(i))) {
            const bool faster = t->property("faster").toBool();
            t->setColor(faster ? (isDark(p) ? QColor(0x7d, 0xe0, 0x7d) : QColor(0x1a, 0x7f, 0x37))
                               : (isDark(p) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e)));
        }
    }
}
