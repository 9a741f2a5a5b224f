// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeLogModel.h"
#include "JsonPaths.h"

ChangeLogModel::ChangeLogModel(QObject* parent) : OutlineModel({tr("Origin"), tr("Path"), tr("Value")}, parent) {}

void ChangeLogModel::setChanges(std::vector<ChangeEntry> changes) {
    changes_ = std::move(changes);
    rebuild();
}

void ChangeLogModel::setFilterPath(const QString& path) {
    filter_ = path;
    rebuild();
}

void ChangeLogModel::rebuild() {
    reset([this](Row& root) {
        for (const auto& c : changes_) {
            if (filter_.isEmpty() || bi::models::touches(c.path, filter_)) {
                auto& row = root.add({c.origin, c.path, c.value}, c.path);
                row.marked = !filter_.isEmpty() && c.path == filter_;
            }
        }
    });
}
