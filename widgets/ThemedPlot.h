// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

// A QCustomPlot that takes its colours from the widget palette and recolours
// itself when the palette changes (light/dark), so no plot hard-codes a
// background. Subclasses recolour their series in recolor().
class ThemedPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit ThemedPlot(QWidget* parent = nullptr);

    static bool isDark(const QPalette& palette);
    static QColor engineColor(const QString& engine, const QPalette& palette);
    // Colours of the seven phases of a call, in TimingRecord order.
    static QColor phaseColor(int phase, const QPalette& palette);
    void applyTheme();

protected:
    void changeEvent(QEvent* event) override;
    virtual void recolor() {}
};
