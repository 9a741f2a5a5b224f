// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChangeEntry.h"
#include "OutlineModel.h"

// "Which changes touched this path": every change of the scenario and its
// runs, filtered to those that wrote to, into or above one path.
class ChangeLogModel : public OutlineModel {
    Q_OBJECT
public:
    explicit ChangeLogModel(QObject* parent = nullptr);
    void setChanges(std::vector<ChangeEntry> changes);
    void setFilterPath(const QString& path); // empty: everything
    [[nodiscard]] QString filterPath() const { return filter_; }

private:
    void rebuild();
    std::vector<ChangeEntry> changes_;
    QString filter_;
};
