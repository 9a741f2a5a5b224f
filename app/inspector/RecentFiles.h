// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

// The File → Open recent menu, kept in QSettings (most recent first).
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 8;
    RecentFiles(QMenu* menu, QObject* parent = nullptr);
    void add(const QString& fileName);
    [[nodiscard]] QStringList files() const;

signals:
    void openRequested(const QString& fileName);

private:
    void rebuild();
    QMenu* menu_;
};
