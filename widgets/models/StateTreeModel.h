// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"

#include <QAbstractItemModel>
#include <QSet>

#include <memory>
#include <vector>

// A JSON state as a tree (key, value, type). Lazy: a node's children are
// created the first time a view asks for them, so a 100,000-node state opens
// in the time it takes to show its first level. Paths in the last diff are
// marked (bold) so a step shows what it changed.
class StateTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    static constexpr int PathRole = Qt::UserRole + 1;
    static constexpr int ChangedRole = Qt::UserRole + 2;

    explicit StateTreeModel(QObject* parent = nullptr);
    ~StateTreeModel() override;

    void setState(std::shared_ptr<const bi::json::Value> state);
    [[nodiscard]] const bi::json::Value* state() const { return state_.get(); }
    void setChangedPaths(const QSet<QString>& paths);

    [[nodiscard]] QModelIndex indexForPath(const QString& path);
    [[nodiscard]] QString pathForIndex(const QModelIndex& index) const;
    // Nodes created so far (the lazy part; for tests and the benchmark).
    [[nodiscard]] std::size_t builtNodeCount() const { return built_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node* nodeFor(const QModelIndex& index) const;
    void ensureChildren(Node* node) const;
    bool isChanged(const QString& path) const;

    std::shared_ptr<const bi::json::Value> state_;
    std::unique_ptr<Node> root_;
    QSet<QString> changed_;
    mutable std::size_t built_ = 0;
};
