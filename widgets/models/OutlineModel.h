// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

// A small eager tree of text rows: the base of the run, scenario and document
// models, which are built from the engine's JSON in one go (they are small) and
// only differ in how they fill it. Rows can be marked (bold) and carry a key.
class OutlineModel : public QAbstractItemModel {
    Q_OBJECT
public:
    static constexpr int KeyRole = Qt::UserRole + 1;
    static constexpr int MarkedRole = Qt::UserRole + 2;

    struct Row {
        QStringList cells;
        QString key;     // what the row stands for (a path, a dispatch id, a chunk index)
        QString toolTip;
        bool marked = false;
        std::vector<std::unique_ptr<Row>> children;
        Row* parent = nullptr;
        Row& add(QStringList rowCells, QString rowKey = {});
    };

    explicit OutlineModel(QStringList headers, QObject* parent = nullptr);
    ~OutlineModel() override;

    void clear();
    // Appends a top-level row (with its children) as one insertion, for streams.
    void appendRow(std::unique_ptr<Row> row);
    // The whole tree as indented text, one row a line: the tests' oracle.
    [[nodiscard]] QStringList dump() const;
    [[nodiscard]] QModelIndex findKey(const QString& key) const;
    // Marks the top-level rows whose key is `key` and unmarks the others.
    void setMarkedKey(const QString& key);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    // Subclasses rebuild inside reset(): clear the root, fill it, done.
    template <typename Fill> void reset(Fill fill) {
        beginResetModel();
        root_ = std::make_unique<Row>();
        fill(*root_);
        endResetModel();
    }

private:
    Row* rowFor(const QModelIndex& index) const;
    QModelIndex findKeyBelow(const Row& row, const QModelIndex& at, const QString& key) const;

    QStringList headers_;
    std::unique_ptr<Row> root_;
};
