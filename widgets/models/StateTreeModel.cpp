// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateTreeModel.h"
#include "JsonPaths.h"

#include <QFont>

using bi::json::Value;
using namespace bi::models;

struct StateTreeModel::Node {
    Node* parent = nullptr;
    int row = 0;
    QString key;
    QString path;
    const Value* value = nullptr;
    bool built = false;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {
int childCount(const Value* v) {
    if (v == nullptr) {
        return 0;
    }
    if (v->isObject()) {
        return static_cast<int>(v->asObject().size());
    }
    if (v->isArray()) {
        return static_cast<int>(v->asArray().size());
    }
    return 0;
}

QString typeName(const Value& v) {
    switch (v.type()) {
    case bi::json::Type::Null: return QStringLiteral("null");
    case bi::json::Type::Bool: return QStringLiteral("boolean");
    case bi::json::Type::Number: return QStringLiteral("number");
    case bi::json::Type::String: return QStringLiteral("string");
    case bi::json::Type::ArrayValue: return QStringLiteral("array");
    case bi::json::Type::ObjectValue: return QStringLiteral("object");
    }
    return {};
}
} // namespace

StateTreeModel::StateTreeModel(QObject* parent) : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {}
StateTreeModel::~StateTreeModel() = default;

void StateTreeModel::setState(std::shared_ptr<const Value> state) {
    beginResetModel();
    state_ = std::move(state);
    root_ = std::make_unique<Node>();
    root_->value = state_.get();
    built_ = 0;
    endResetModel();
}

void StateTreeModel::setChangedPaths(const QSet<QString>& paths) {
    changed_ = paths;
    const int rows = rowCount();
    if (rows > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1), {Qt::FontRole, ChangedRole});
    }
}

bool StateTreeModel::isChanged(const QString& path) const {
    if (changed_.contains(path)) {
        return true;
    }
    // A parent of a changed path is shown as changed too, so collapsed branches lead to it.
    for (const QString& c : changed_) {
        if (c.startsWith(path + QLatin1Char('.'))) {
            return true;
        }
    }
    return false;
}

void StateTreeModel::ensureChildren(Node* node) const {
    if (node->built || node->value == nullptr) {
        return;
    }
    node->built = true;
    const int n = childCount(node->value);
    node->children.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = i;
        if (node->value->isObject()) {
            const auto& member = node->value->asObject()[static_cast<std::size_t>(i)];
            child->key = toQString(member.first);
            child->value = &member.second;
        } else {
            child->key = QString::number(i);
            child->value = &node->value->asArray()[static_cast<std::size_t>(i)];
        }
        child->path = joinPath(node->path, child->key);
        node->children.push_back(std::move(child));
    }
    built_ += static_cast<std::size_t>(n);
}

StateTreeModel::Node* StateTreeModel::nodeFor(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

QModelIndex StateTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    Node* p = nodeFor(parent);
    ensureChildren(p);
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex StateTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    Node* p = nodeFor(child)->parent;
    if (p == nullptr || p == root_.get()) {
        return {};
    }
    return createIndex(p->row, 0, p);
}

int StateTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) {
        return 0;
    }
    return childCount(nodeFor(parent)->value);
}

int StateTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

bool StateTreeModel::hasChildren(const QModelIndex& parent) const { return rowCount(parent) > 0; }

QVariant StateTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const Node* n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn) {
            return n->key;
        }
        return index.column() == ValueColumn ? summarize(*n->value) : typeName(*n->value);
    case Qt::ToolTipRole:
        return n->path;
    case PathRole:
        return n->path;
    case ChangedRole:
        return isChanged(n->path);
    case Qt::FontRole:
        if (!changed_.isEmpty() && isChanged(n->path)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant StateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const names[] = {"Key", "Value", "Type"};
    return tr(names[section]);
}

QModelIndex StateTreeModel::indexForPath(const QString& path) {
    QModelIndex at;
    Node* node = root_.get();
    for (const QString& key : splitPath(path)) {
        ensureChildren(node);
        Node* next = nullptr;
        for (const auto& c : node->children) {
            if (c->key == key) {
                next = c.get();
                break;
            }
        }
        if (next == nullptr) {
            return {};
        }
        at = index(next->row, 0, at);
        node = next;
    }
    return at;
}

QString StateTreeModel::pathForIndex(const QModelIndex& index) const {
    return index.isValid() ? nodeFor(index)->path : QString();
}
