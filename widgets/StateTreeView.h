// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JsonSearch.h"
#include "core/Json.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTreeView;
class StateTreeModel;

// A state tree with a search line (Enter / F3: next match, Shift+Enter /
// Shift+F3: previous). Keeps the expanded branches and the selected path when
// the state is replaced, so stepping does not collapse what one looks at.
class StateTreeView : public QWidget {
    Q_OBJECT
public:
    explicit StateTreeView(QWidget* parent = nullptr);

    void setState(std::shared_ptr<const bi::json::Value> state);
    // Marks the paths (bold) and opens the branches that lead to the first few.
    void setChangedPaths(const QSet<QString>& paths);
    void selectPath(const QString& path);
    void search(const QString& text);
    [[nodiscard]] QString selectedPath() const;
    [[nodiscard]] StateTreeModel* model() const { return model_; }
    [[nodiscard]] QTreeView* view() const { return view_; }
    [[nodiscard]] const JsonSearch& searchState() const { return search_; }

public slots:
    void findNext();
    void findPrevious();

signals:
    void pathSelected(const QString& path);

private:
    QStringList expandedPaths() const;
    void updateSearchLabel();

    StateTreeModel* model_;
    QTreeView* view_;
    QLineEdit* searchLine_;
    QLabel* searchLabel_;
    JsonSearch search_;
};
