// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScenarioPanel.h"
#include "BatchModel.h"
#include "ChangeLogModel.h"
#include "RegistrationModel.h"
#include "StateTreeView.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QTreeView* outlineView(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    view->header()->resizeSection(0, 170);
    view->header()->resizeSection(1, 300);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
        view->expandAll();
        // Names and wiring at their full width (the view scrolls sideways); the definition takes the rest.
        view->resizeColumnToContents(0);
        view->resizeColumnToContents(1);
    });
    return view;
}
} // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent), tabs_(new QTabWidget(this)), state_(new StateTreeView(this)),
      touched_(new ChangeLogModel(this)), registrations_(new RegistrationModel(this)), batches_(new BatchModel(this)),
      touchedLabel_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(tabs_);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(state_);
    auto* touchedBox = new QWidget(split);
    auto* touchedLayout = new QVBoxLayout(touchedBox);
    touchedLayout->setContentsMargins(0, 0, 0, 0);
    touchedLayout->addWidget(touchedLabel_);
    auto* touchedView = new QTreeView(touchedBox);
    touchedView->setModel(touched_);
    touchedView->setRootIsDecorated(false);
    touchedView->setAlternatingRowColors(true);
    touchedView->header()->resizeSection(0, 160);
    touchedView->header()->resizeSection(1, 160);
    touchedLayout->addWidget(touchedView);
    split->addWidget(touchedBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    tabs_->addTab(split, tr("State"));
    tabs_->addTab(outlineView(registrations_, this), tr("Wiring"));
    tabs_->addTab(outlineView(batches_, this), tr("Batches"));

    connect(state_, &StateTreeView::pathSelected, this, &ScenarioPanel::showTouching);
    showTouching({});
}

void ScenarioPanel::setScenario(const bi::json::Value& scenario, std::vector<ChangeEntry> changes,
                                const bi::json::Value& registrations) {
    const bi::json::Value* state = scenario.find("state");
    state_->setState(std::make_shared<const bi::json::Value>(state != nullptr ? *state : bi::json::Value::object()));
    batches_->setScenario(scenario);
    const bi::json::Value* declared = scenario.find("registrations");
    registrations_->setRegistrations(registrations.isNull() && declared != nullptr ? *declared : registrations, scenario);
    touched_->setChanges(std::move(changes));
    showTouching(state_->selectedPath());
}

void ScenarioPanel::showTouching(const QString& path) {
    touched_->setFilterPath(path);
    touchedLabel_->setText(path.isEmpty()
                               ? tr("All changes (select a path to see which changes touched it): %1")
                                     .arg(touched_->rowCount())
                               : tr("Changes that touched <b>%1</b>: %2").arg(path.toHtmlEscaped()).arg(touched_->rowCount()));
}

void ScenarioPanel::focusSearch() {
    tabs_->setCurrentIndex(0);
    if (auto* line = state_->findChild<QLineEdit*>()) {
        line->setFocus();
        line->selectAll();
    }
}

void ScenarioPanel::showTab(int index) { tabs_->setCurrentIndex(index); }
