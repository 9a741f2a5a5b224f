// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShortcutOverlay.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QPainter>

namespace {
QString plainText(const QAction* a) { return a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")); }
} // namespace

ShortcutOverlay::ShortcutOverlay(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    hide();
    parent->installEventFilter(this);
}

void ShortcutOverlay::setActions(const QList<QPair<QString, QList<QAction*>>>& groups) { groups_ = groups; }

void ShortcutOverlay::toggle() {
    if (isVisible()) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus();
}

QStringList ShortcutOverlay::lines() const {
    QStringList out;
    for (const auto& [group, actions] : groups_) {
        for (const QAction* a : actions) {
            if (!a->shortcut().isEmpty()) {
                out << QStringLiteral("%1: %2 — %3").arg(group, plainText(a), a->shortcut().toString(QKeySequence::NativeText));
            }
        }
    }
    return out;
}

bool ShortcutOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void ShortcutOverlay::paintEvent(QPaintEvent*) {
    QPainter p(this);
    QColor shade = palette().color(QPalette::Window);
    shade.setAlpha(235);
    p.fillRect(rect(), shade);
    p.setPen(palette().color(QPalette::WindowText));
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRect(0, 16, width(), 40), Qt::AlignHCenter, tr("Keyboard shortcuts  (any key closes)"));
    const QFontMetrics fm(font());
    const int lineHeight = fm.height() + 4;
    const int columnWidth = std::max(320, width() / 3 - 20);
    int x = 30;
    int y = 76;
    QFont bold = font();
    bold.setBold(true);
    for (const auto& [group, actions] : groups_) {
        int count = 0;
        for (const QAction* a : actions) {
            count += a->shortcut().isEmpty() ? 0 : 1;
        }
        if (count == 0) {
            continue;
        }
        if (y + (count + 1) * lineHeight > height() - 10) {
            x += columnWidth;
            y = 76;
        }
        p.setFont(bold);
        p.setPen(palette().color(QPalette::Highlight));
        p.drawText(x, y, group);
        y += lineHeight;
        p.setFont(font());
        for (const QAction* a : actions) {
            if (a->shortcut().isEmpty()) {
                continue;
            }
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(x + 10, y, plainText(a));
            p.setFont(bold);
            p.drawText(x + columnWidth - 140, y, a->shortcut().toString(QKeySequence::NativeText));
            p.setFont(font());
            y += lineHeight;
        }
        y += lineHeight / 2;
    }
}

void ShortcutOverlay::keyPressEvent(QKeyEvent*) { hide(); }
void ShortcutOverlay::mousePressEvent(QMouseEvent*) { hide(); }
