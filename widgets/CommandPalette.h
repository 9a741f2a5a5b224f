// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QListWidget;

// Ctrl+Shift+P: type a few letters of any action, Enter runs it (Perfetto's
// command palette). Matches every word typed, in any order.
class CommandPalette : public QDialog {
    Q_OBJECT
public:
    explicit CommandPalette(QWidget* parent = nullptr);
    void setActions(const QList<QAction*>& actions);
    void open(); // shows it empty, focused
    void setFilter(const QString& text);
    [[nodiscard]] QStringList visibleCommands() const;
    // Runs the selected (or first) command and closes.
    void runSelected();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineEdit* input_;
    QListWidget* list_;
    QList<QAction*> actions_;
};
