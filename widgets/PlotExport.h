// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCustomPlot;

// Saves a plot as PNG, PDF, SVG or JPEG, chosen by the file name's suffix.
// Works without a visible window (headless report).
class PlotExport {
public:
    static bool save(QCustomPlot* plot, const QString& fileName, int width = 1000, int height = 600);
    static QString fileFilter();
};
