// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlotExport.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QSvgGenerator>

bool PlotExport::save(QCustomPlot* plot, const QString& fileName, int width, int height) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("pdf")) {
        return plot->savePdf(fileName, width, height);
    }
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg")) {
        return plot->saveJpg(fileName, width, height);
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(fileName);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(QStringLiteral("Boundary Inspector plot"));
        QCPPainter painter;
        if (!painter.begin(&svg)) {
            return false;
        }
        plot->toPainter(&painter, width, height);
        painter.end();
        return QFileInfo(fileName).size() > 0;
    }
    return plot->savePng(fileName, width, height);
}

QString PlotExport::fileFilter() {
    return QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg);;JPEG image (*.jpg)");
}
