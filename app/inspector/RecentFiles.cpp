// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) { rebuild(); }

QStringList RecentFiles::files() const { return QSettings().value(kKey).toStringList(); }

void RecentFiles::add(const QString& fileName) {
    QStringList list = files();
    const QString path = QFileInfo(fileName).absoluteFilePath();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMax) {
        list.removeLast();
    }
    QSettings().setValue(kKey, list);
    rebuild();
}

void RecentFiles::rebuild() {
    menu_->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QAction* a = menu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                      this, [this, path] { emit openRequested(path); });
        a->setToolTip(path);
        if (i < 4) {
            a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+%1").arg(i + 1)));
        }
    }
    menu_->setEnabled(!list.isEmpty());
}
