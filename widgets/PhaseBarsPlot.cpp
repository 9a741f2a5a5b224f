// SPDX-License-Identifier: GPL-3.0-or-later
#include "PhaseBarsPlot.h"

#include <algorithm>

namespace {
constexpr int kPhases = 8; // seven measured phases and the unaccounted rest

std::array<double, kPhases> phases(const bi::trace::TimingRecord& r) {
    std::array<double, kPhases> p = {r.hostEncode, r.copyIn, r.engineDecode, r.compute,
                                     r.engineEncode, r.copyOut, r.hostDecode, 0};
    double sum = 0;
    for (int i = 0; i < kPhases - 1; ++i) {
        sum += p[static_cast<std::size_t>(i)];
    }
    p[kPhases - 1] = std::max(0.0, r.total - sum);
    return p;
}

void fill(const std::vector<QCPBars*>& bars, const std::vector<bi::trace::TimingRecord>& records, double offset) {
    for (int phase = 0; phase < kPhases; ++phase) {
        QVector<double> keys;
        QVector<double> values;
        for (std::size_t i = 0; i < records.size(); ++i) {
            keys << static_cast<double>(i + 1) + offset;
            values << phases(records[i])[static_cast<std::size_t>(phase)];
        }
        bars[static_cast<std::size_t>(phase)]->setData(keys, values, true);
    }
}
} // namespace

QStringList PhaseBarsPlot::phaseNames() {
    return {tr("host encode"), tr("copy in"), tr("engine decode"), tr("compute"),
            tr("engine encode"), tr("copy out"), tr("host decode"), tr("other")};
}

PhaseBarsPlot::PhaseBarsPlot(QWidget* parent) : ThemedPlot(parent) {
    native_ = stack(-0.2, false);
    wasm_ = stack(0.2, true);
    xAxis->setLabel(tr("call (left bar: native, right bar: wasm)"));
    yAxis->setLabel(tr("µs per call"));
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    applyTheme();
}

std::vector<QCPBars*> PhaseBarsPlot::stack(double, bool inLegend) {
    std::vector<QCPBars*> bars;
    const QStringList names = phaseNames();
    for (int i = 0; i < kPhases; ++i) {
        auto* b = new QCPBars(xAxis, yAxis);
        b->setWidth(0.36);
        b->setName(names[i]);
        b->setStackingGap(0);
        if (!bars.empty()) {
            b->moveAbove(bars.back());
        }
        if (!inLegend) {
            b->removeFromLegend();
        }
        bars.push_back(b);
    }
    return bars;
}

void PhaseBarsPlot::recolor() {
    for (auto* set : {&native_, &wasm_}) {
        for (std::size_t i = 0; i < set->size(); ++i) {
            QColor c = i + 1 == set->size() ? palette().color(QPalette::Mid) : phaseColor(static_cast<int>(i), palette());
            (*set)[i]->setBrush(c);
            (*set)[i]->setPen(QPen(c.darker(130)));
        }
    }
}

// One slow call (a GC pause, the first call's warm-up) would flatten every other bar:
// the axis stops at 1.3 × the 95th percentile and says how many bars it cuts.
void PhaseBarsPlot::clampOutliers(const std::vector<bi::trace::TimingRecord>& native,
                                  const std::vector<bi::trace::TimingRecord>& wasm) {
    std::vector<double> totals;
    for (const auto* set : {&native, &wasm}) {
        for (const auto& r : *set) {
            totals.push_back(r.total);
        }
    }
    clamped_ = 0;
    yAxis->setLabel(tr("µs per call"));
    if (totals.size() < 10) {
        return;
    }
    std::sort(totals.begin(), totals.end());
    const double limit = 1.3 * totals[totals.size() * 95 / 100];
    if (limit <= 0 || totals.back() <= 2 * limit) {
        return;
    }
    clamped_ = static_cast<int>(totals.end() - std::upper_bound(totals.begin(), totals.end(), limit));
    yAxis->setRange(0, limit);
    yAxis->setLabel(tr("µs per call (cut at 1.3 × p95: %n taller call(s) clipped)", nullptr, clamped_));
}

void PhaseBarsPlot::setRecords(const std::vector<bi::trace::TimingRecord>& native,
                               const std::vector<bi::trace::TimingRecord>& wasm) {
    fill(native_, native, -0.2);
    fill(wasm_, wasm, 0.2);
    rescaleAxes();
    xAxis->setRange(0.4, static_cast<double>(std::max(native.size(), wasm.size())) + 0.6);
    yAxis->setRangeLower(0);
    yAxis->scaleRange(1.1, yAxis->range().lower);
    clampOutliers(native, wasm);
    replot();
}
