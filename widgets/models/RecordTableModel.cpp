// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordTableModel.h"

#include <algorithm>

RecordTableModel::RecordTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecordTableModel::setRecords(const QString& engine, const std::vector<bi::trace::TimingRecord>& records) {
    beginResetModel();
    const std::string key = engine.toStdString();
    rows_.erase(std::remove_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.record.engine == key; }),
                rows_.end());
    int call = 1;
    for (const auto& r : records) {
        rows_.push_back({call++, r});
        rows_.back().record.engine = key;
    }
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.call < b.call; });
    endResetModel();
}

void RecordTableModel::clear() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

std::vector<bi::trace::TimingRecord> RecordTableModel::records() const {
    std::vector<bi::trace::TimingRecord> out;
    for (const auto& r : rows_) {
        out.push_back(r.record);
    }
    return out;
}

int RecordTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

double RecordTableModel::number(const Row& row, int column) {
    const auto& r = row.record;
    switch (column) {
    case CallColumn: return row.call;
    case BytesInColumn: return r.bytesIn;
    case BytesOutColumn: return r.bytesOut;
    case CrossingsColumn: return r.crossings;
    case HostEncodeColumn: return r.hostEncode;
    case CopyInColumn: return r.copyIn;
    case DecodeColumn: return r.engineDecode;
    case ComputeColumn: return r.compute;
    case EncodeColumn: return r.engineEncode;
    case CopyOutColumn: return r.copyOut;
    case HostDecodeColumn: return r.hostDecode;
    case TotalColumn: return r.total;
    case OverheadColumn: return r.overhead();
    default: return 0;
    }
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    if (role == CallRole) {
        return row.call;
    }
    const bool text = c == EngineColumn || c == OpColumn || c == StrategyColumn;
    if (role == SortRole) {
        return text ? QVariant(data(index).toString()) : QVariant(number(row, c));
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (c) {
    case EngineColumn: return QString::fromStdString(row.record.engine);
    case OpColumn: return QString::fromStdString(row.record.op);
    case StrategyColumn: return QString::fromStdString(row.record.strategy);
    case CallColumn:
    case BytesInColumn:
    case BytesOutColumn:
    case CrossingsColumn: return QString::number(number(row, c), 'f', 0);
    default: return QString::number(number(row, c), 'f', 2);
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const names[] = {"Call", "Engine", "Op", "Strategy", "Bytes in", "Bytes out", "Crossings",
                                        "Host enc µs", "Copy in µs", "Decode µs", "Compute µs", "Encode µs",
                                        "Copy out µs", "Host dec µs", "Total µs", "Overhead µs"};
    return tr(names[section]);
}
