// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutlineModel.h"

#include <QFont>

OutlineModel::Row& OutlineModel::Row::add(QStringList rowCells, QString rowKey) {
    auto row = std::make_unique<Row>();
    row->cells = std::move(rowCells);
    row->key = std::move(rowKey);
    row->parent = this;
    children.push_back(std::move(row));
    return *children.back();
}

OutlineModel::OutlineModel(QStringList headers, QObject* parent)
    : QAbstractItemModel(parent), headers_(std::move(headers)), root_(std::make_unique<Row>()) {}

OutlineModel::~OutlineModel() = default;

void OutlineModel::clear() {
    reset([](Row&) {});
}

void OutlineModel::appendRow(std::unique_ptr<Row> row) {
    const int at = static_cast<int>(root_->children.size());
    beginInsertRows({}, at, at);
    row->parent = root_.get();
    root_->children.push_back(std::move(row));
    endInsertRows();
}

OutlineModel::Row* OutlineModel::rowFor(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Row*>(index.internalPointer()) : root_.get();
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    return createIndex(row, column, rowFor(parent)->children[static_cast<std::size_t>(row)].get());
}

QModelIndex OutlineModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    Row* p = rowFor(child)->parent;
    if (p == nullptr || p == root_.get()) {
        return {};
    }
    const auto& siblings = p->parent->children;
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == p) {
            return createIndex(static_cast<int>(i), 0, p);
        }
    }
    return {};
}

int OutlineModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) {
        return 0;
    }
    return static_cast<int>(rowFor(parent)->children.size());
}

int OutlineModel::columnCount(const QModelIndex&) const { return static_cast<int>(headers_.size()); }

QVariant OutlineModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const Row* r = rowFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() < r->cells.size() ? r->cells[index.column()] : QString();
    case Qt::ToolTipRole:
        return r->toolTip.isEmpty() ? QVariant() : QVariant(r->toolTip);
    case KeyRole:
        return r->key;
    case MarkedRole:
        return r->marked;
    case Qt::FontRole:
        if (r->marked) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant OutlineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < headers_.size()) {
        return headers_[section];
    }
    return {};
}

namespace {
void dumpRows(const OutlineModel::Row& row, int depth, QStringList& out) {
    for (const auto& child : row.children) {
        out << QString(depth * 2, QLatin1Char(' ')) + child->cells.join(QStringLiteral(" | ")) +
                   (child->marked ? QStringLiteral(" *") : QString());
        dumpRows(*child, depth + 1, out);
    }
}
} // namespace

QStringList OutlineModel::dump() const {
    QStringList out;
    dumpRows(*root_, 0, out);
    return out;
}

QModelIndex OutlineModel::findKeyBelow(const Row& row, const QModelIndex& at, const QString& key) const {
    for (std::size_t i = 0; i < row.children.size(); ++i) {
        const QModelIndex child = index(static_cast<int>(i), 0, at);
        if (row.children[i]->key == key) {
            return child;
        }
        if (QModelIndex found = findKeyBelow(*row.children[i], child, key); found.isValid()) {
            return found;
        }
    }
    return {};
}

QModelIndex OutlineModel::findKey(const QString& key) const {
    return findKeyBelow(*root_, {}, key);
}

void OutlineModel::setMarkedKey(const QString& key) {
    for (std::size_t i = 0; i < root_->children.size(); ++i) {
        Row& row = *root_->children[i];
        const bool marked = row.key == key;
        if (row.marked != marked) {
            row.marked = marked;
            const int r = static_cast<int>(i);
            emit dataChanged(index(r, 0), index(r, columnCount() - 1), {Qt::FontRole, MarkedRole});
        }
    }
}
