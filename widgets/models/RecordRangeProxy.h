// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

class TimelineSelection;

// Shows only the records whose call number lies in the timeline's selection
// (all of them without one), sortable by the raw numbers.
class RecordRangeProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    RecordRangeProxy(TimelineSelection* selection, QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    TimelineSelection* selection_;
};
