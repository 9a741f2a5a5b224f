// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionComparison.h"
#include "ThemedPlot.h"

// Old vs new: for each engine and op, the old and the new median side by side
// with the ratio new/old printed above (green when new is faster).
class ComparisonPlot : public ThemedPlot {
    Q_OBJECT
public:
    explicit ComparisonPlot(QWidget* parent = nullptr);
    void setComparison(const std::vector<SessionComparison::Row>& rows, const QString& oldLabel,
                       const QString& newLabel);
    [[nodiscard]] QStringList ratioTexts() const { return ratios_; }

protected:
    void recolor() override;

private:
    QCPBars* old_;
    QCPBars* new_;
    QStringList ratios_;
};
