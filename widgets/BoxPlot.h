// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ThemedPlot.h"
#include "trace/TimingRecord.h"

#include <vector>

// Distributions of the total time per call, one box per engine and strategy
// (whiskers at 1.5 IQR, outliers as dots), with p50/p95/p99 printed above
// each box, on a log axis (Tracy's find-zone view).
class BoxPlot : public ThemedPlot {
    Q_OBJECT
public:
    explicit BoxPlot(QWidget* parent = nullptr);
    void setRecords(const std::vector<bi::trace::TimingRecord>& records);
    [[nodiscard]] QStringList labels() const { return labels_; }

protected:
    void recolor() override;

private:
    QStringList labels_;
    QStringList engines_;
};
