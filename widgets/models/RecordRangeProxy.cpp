// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordRangeProxy.h"
#include "RecordTableModel.h"
#include "TimelineSelection.h"

RecordRangeProxy::RecordRangeProxy(TimelineSelection* selection, QObject* parent)
    : QSortFilterProxyModel(parent), selection_(selection) {
    setSortRole(RecordTableModel::SortRole);
    connect(selection_, &TimelineSelection::selectionChanged, this, [this] { invalidateFilter(); });
}

bool RecordRangeProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return selection_->accepts(i.data(RecordTableModel::CallRole).toDouble());
}
