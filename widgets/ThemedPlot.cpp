// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThemedPlot.h"

ThemedPlot::ThemedPlot(QWidget* parent) : QCustomPlot(parent) {
    setAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(true);
    applyTheme();
}

bool ThemedPlot::isDark(const QPalette& palette) { return palette.color(QPalette::Base).lightness() < 128; }

QColor ThemedPlot::engineColor(const QString& engine, const QPalette& palette) {
    const bool dark = isDark(palette);
    if (engine == QLatin1String("wasm")) {
        return dark ? QColor(0xff, 0xa6, 0x4d) : QColor(0xd9, 0x5f, 0x02);
    }
    if (engine == QLatin1String("native")) {
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1f, 0x6f, 0xb4);
    }
    return dark ? QColor(0x9c, 0xe0, 0x8a) : QColor(0x2c, 0x8a, 0x3a);
}

QColor ThemedPlot::phaseColor(int phase, const QPalette& palette) {
    static const QColor light[] = {QColor(0x8d, 0xa0, 0xcb), QColor(0xe7, 0x8a, 0xc3), QColor(0xa6, 0xd8, 0x54),
                                   QColor(0x1b, 0x9e, 0x77), QColor(0xff, 0xd9, 0x2f), QColor(0xe5, 0xc4, 0x94),
                                   QColor(0x66, 0xc2, 0xa5)};
    QColor c = light[std::clamp(phase, 0, 6)];
    return isDark(palette) ? c.darker(115) : c;
}

void ThemedPlot::applyTheme() {
    const QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    setBackground(p.color(QPalette::Base));
    for (QCPAxisRect* rect : axisRects()) {
        rect->setBackground(p.color(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setSubGridVisible(false);
        }
    }
    legend->setBrush(p.color(QPalette::Base));
    legend->setBorderPen(QPen(grid));
    legend->setTextColor(text);
    for (int i = 0; i < plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plotLayout()->elementAt(i))) {
            title->setTextColor(text);
        }
    }
    recolor();
    replot(rpQueuedReplot);
}

void ThemedPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
    }
    QCustomPlot::changeEvent(event);
}
