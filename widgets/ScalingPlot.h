// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ThemedPlot.h"

#include <QMap>
#include <QVector>

// Scaling curves on log-log axes: median time per call against a size
// (depth levels, batch size, document bytes), one curve per engine/strategy.
class ScalingPlot : public ThemedPlot {
    Q_OBJECT
public:
    struct Point {
        double size = 0;
        double micros = 0;
    };
    explicit ScalingPlot(QWidget* parent = nullptr);
    void setCurves(const QString& sizeLabel, const QMap<QString, QVector<Point>>& curves);

protected:
    void recolor() override;
};
