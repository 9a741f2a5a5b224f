// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ThemedPlot.h"
#include "trace/TimingRecord.h"

#include <vector>

// Where each call's time goes: per call, one stacked bar per engine (native
// left, wasm right) split into host encode, copy in, engine decode, compute,
// engine encode, copy out, host decode; what is left of the total is "other".
class PhaseBarsPlot : public ThemedPlot {
    Q_OBJECT
public:
    explicit PhaseBarsPlot(QWidget* parent = nullptr);
    void setRecords(const std::vector<bi::trace::TimingRecord>& native,
                    const std::vector<bi::trace::TimingRecord>& wasm);
    static QStringList phaseNames();
    // Bars taller than the axis (outliers cut off so the rest stay readable).
    [[nodiscard]] int clampedCount() const { return clamped_; }

protected:
    void recolor() override;

private:
    std::vector<QCPBars*> stack(double offset, bool inLegend);
    void clampOutliers(const std::vector<bi::trace::TimingRecord>& native,
                       const std::vector<bi::trace::TimingRecord>& wasm);
    int clamped_ = 0;
    std::vector<QCPBars*> native_;
    std::vector<QCPBars*> wasm_;
};
