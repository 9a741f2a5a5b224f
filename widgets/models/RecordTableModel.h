// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QAbstractTableModel>

#include <vector>

// The timing records as a table, one row per call and engine; CallRole holds
// the call number the timeline uses, SortRole the raw number of a cell.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        CallColumn, EngineColumn, OpColumn, StrategyColumn, BytesInColumn, BytesOutColumn, CrossingsColumn,
        HostEncodeColumn, CopyInColumn, DecodeColumn, ComputeColumn, EncodeColumn, CopyOutColumn,
        HostDecodeColumn, TotalColumn, OverheadColumn, ColumnCount
    };
    static constexpr int CallRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit RecordTableModel(QObject* parent = nullptr);

    // Records of one engine replace that engine's rows; call numbers start at 1.
    void setRecords(const QString& engine, const std::vector<bi::trace::TimingRecord>& records);
    void clear();
    [[nodiscard]] std::vector<bi::trace::TimingRecord> records() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int call = 0;
        bi::trace::TimingRecord record;
    };
    static double number(const Row& row, int column);
    std::vector<Row> rows_;
};
