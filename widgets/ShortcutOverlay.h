// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QAction;

// The `?` overlay: a translucent sheet over the window listing every action
// with a shortcut, grouped by menu. Any key or click closes it.
class ShortcutOverlay : public QWidget {
    Q_OBJECT
public:
    explicit ShortcutOverlay(QWidget* parent);
    // Each entry: group name and its actions.
    void setActions(const QList<QPair<QString, QList<QAction*>>>& groups);
    void toggle();
    [[nodiscard]] QStringList lines() const; // "Group: Text — Shortcut", for tests

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QList<QPair<QString, QList<QAction*>>> groups_;
};
