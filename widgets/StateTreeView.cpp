// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateTreeView.h"
#include "StateTreeModel.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

StateTreeView::StateTreeView(QWidget* parent)
    : QWidget(parent), model_(new StateTreeModel(this)), view_(new QTreeView(this)),
      searchLine_(new QLineEdit(this)), searchLabel_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    searchLine_->setPlaceholderText(tr("Search keys and values…  (Enter: next, Shift+Enter: previous)"));
    searchLine_->setClearButtonEnabled(true);
    auto* prev = new QToolButton(this);
    prev->setArrowType(Qt::UpArrow);
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    auto* next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    bar->addWidget(searchLine_, 1);
    bar->addWidget(searchLabel_);
    bar->addWidget(prev);
    bar->addWidget(next);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    view_->setModel(model_);
    view_->setUniformRowHeights(true); // keeps huge trees cheap to lay out
    view_->setAlternatingRowColors(true);
    // Keys are dragged wider by hand; values and types take the width they need, no more.
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(QHeaderView::Interactive);
    view_->header()->resizeSection(StateTreeModel::KeyColumn, 200);
    view_->header()->setSectionResizeMode(StateTreeModel::ValueColumn, QHeaderView::ResizeToContents);
    view_->header()->setSectionResizeMode(StateTreeModel::TypeColumn, QHeaderView::ResizeToContents);
    // Measure only the rows on screen: the default (1000 rows) made every step
    // of a 100,000-node state re-measure a thousand rows (bench_gui: 30 ms).
    view_->header()->setResizeContentsPrecision(0);

    connect(searchLine_, &QLineEdit::textChanged, this, &StateTreeView::search);
    connect(searchLine_, &QLineEdit::returnPressed, this, [this] {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) {
            findPrevious();
        } else {
            findNext();
        }
    });
    connect(prev, &QToolButton::clicked, this, &StateTreeView::findPrevious);
    connect(next, &QToolButton::clicked, this, &StateTreeView::findNext);
    auto* f3 = new QShortcut(QKeySequence(Qt::Key_F3), this, this, &StateTreeView::findNext, Qt::WidgetWithChildrenShortcut);
    auto* shiftF3 = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, this, &StateTreeView::findPrevious,
                                  Qt::WidgetWithChildrenShortcut);
    (void)f3;
    (void)shiftF3;
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { emit pathSelected(model_->pathForIndex(current)); });
}

QStringList StateTreeView::expandedPaths() const {
    QStringList out;
    // Only built branches can be expanded: walk what the view has open.
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        const int rows = model_->rowCount(parent);
        for (int r = 0; r < rows && r < 2000; ++r) {
            const QModelIndex i = model_->index(r, 0, parent);
            if (view_->isExpanded(i)) {
                out << model_->pathForIndex(i);
                walk(i);
            }
        }
    };
    if (model_->state() != nullptr) {
        walk({});
    }
    return out;
}

void StateTreeView::setState(std::shared_ptr<const bi::json::Value> state) {
    const QStringList expanded = expandedPaths();
    const QString selected = selectedPath();
    model_->setState(std::move(state));
    for (const QString& path : expanded) {
        const QModelIndex i = model_->indexForPath(path);
        if (i.isValid()) {
            view_->expand(i);
        }
    }
    if (!selected.isEmpty()) {
        const QModelIndex i = model_->indexForPath(selected);
        if (i.isValid()) {
            view_->setCurrentIndex(i);
        }
    }
    if (!searchLine_->text().isEmpty()) {
        search(searchLine_->text());
    }
}

void StateTreeView::setChangedPaths(const QSet<QString>& paths) {
    model_->setChangedPaths(paths);
    int opened = 0;
    QModelIndex first;
    for (const QString& path : paths) {
        if (++opened > 12) {
            break; // a huge diff must not expand half the tree
        }
        const QModelIndex i = model_->indexForPath(path);
        for (QModelIndex p = i.parent(); p.isValid(); p = p.parent()) {
            view_->expand(p);
        }
        if (i.isValid() && (!first.isValid() || path < model_->pathForIndex(first))) {
            first = i;
        }
    }
    if (first.isValid()) {
        view_->scrollTo(first); // the step's change is what one wants to see
    }
}

void StateTreeView::selectPath(const QString& path) {
    const QModelIndex i = model_->indexForPath(path);
    if (!i.isValid()) {
        return;
    }
    for (QModelIndex p = i.parent(); p.isValid(); p = p.parent()) {
        view_->expand(p);
    }
    view_->setCurrentIndex(i);
    view_->scrollTo(i);
}

QString StateTreeView::selectedPath() const { return model_->pathForIndex(view_->currentIndex()); }

void StateTreeView::search(const QString& text) {
    if (searchLine_->text() != text) {
        searchLine_->setText(text); // re-enters through textChanged
        return;
    }
    search_.setMatches(model_->state() != nullptr ? JsonSearch::find(*model_->state(), text) : QStringList());
    updateSearchLabel();
}

void StateTreeView::findNext() {
    const QString path = search_.next();
    if (!path.isEmpty()) {
        selectPath(path);
    }
    updateSearchLabel();
}

void StateTreeView::findPrevious() {
    const QString path = search_.previous();
    if (!path.isEmpty()) {
        selectPath(path);
    }
    updateSearchLabel();
}

void StateTreeView::updateSearchLabel() {
    if (searchLine_->text().isEmpty()) {
        searchLabel_->clear();
        return;
    }
    searchLabel_->setText(search_.matches().isEmpty()
                              ? tr("no match")
                              : tr("%1 of %2").arg(search_.current() + 1).arg(search_.matches().size()));
}
