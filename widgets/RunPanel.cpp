// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunPanel.h"
#include "ChangeLogModel.h"
#include "ExecutionPlanModel.h"
#include "GroupStepper.h"
#include "StageModel.h"
#include "StateTreeView.h"
#include "StepperBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QTreeView* treeFor(QAbstractItemModel* model, QWidget* parent, int firstWidth) {
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->header()->resizeSection(0, firstWidth);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, &QTreeView::expandAll);
    return view;
}
} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), stepper_(new GroupStepper(this)), bar_(new StepperBar(stepper_, this)),
      plan_(new ExecutionPlanModel(this)), stages_(new StageModel(this)), diff_(new ChangeLogModel(this)),
      state_(new StateTreeView(this)), planView_(nullptr), strategy_(new QComboBox(this)),
      boundary_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(bar_);
    auto* second = new QHBoxLayout;
    boundary_->setTextFormat(Qt::RichText);
    second->addWidget(boundary_, 1);
    second->addWidget(new QLabel(tr("Strategy"), this));
    strategy_->addItem(tr("plan (new: prepare + finalize)"), QStringLiteral("plan"));
    strategy_->addItem(tr("legacy (old: + plan + a route per level)"), QStringLiteral("legacy"));
    second->addWidget(strategy_);
    layout->addLayout(second);

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QTabWidget(split);
    planView_ = treeFor(plan_, left, 200);
    left->addTab(planView_, tr("Execution plan"));
    left->addTab(treeFor(stages_, left, 200), tr("Stages"));
    auto* right = new QTabWidget(split);
    right->addTab(state_, tr("State after step"));
    auto* diffView = treeFor(diff_, right, 140);
    diffView->setRootIsDecorated(false);
    right->addTab(diffView, tr("Diff"));
    split->addWidget(left);
    split->addWidget(right);
    layout->addWidget(split, 1);

    connect(stepper_, &GroupStepper::currentChanged, this, &RunPanel::showStep);
    connect(strategy_, &QComboBox::currentIndexChanged, this,
            [this] { emit strategyChanged(strategy_->currentData().toString()); });
    connect(planView_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        QModelIndex group = index;
        while (group.parent().isValid()) {
            group = group.parent();
        }
        stepper_->setCurrent(group.data(OutlineModel::KeyRole).toInt());
    });
}

QString RunPanel::strategy() const { return strategy_->currentData().toString(); }

void RunPanel::setRun(const bi::json::Value& initialState, const bi::json::Value& result, const QString& strategy,
                      const bi::json::Value* planResult) {
    setStrategy(strategy);
    timeline_ = RunTimeline::build(initialState, result, strategy, planResult);
    plan_->setResult(result);
    stages_->setResult(result);
    stepper_->setCount(timeline_.size());
    showStep(stepper_->current());
}

void RunPanel::setStrategy(const QString& strategy) {
    const int at = strategy_->findData(strategy);
    if (at >= 0 && at != strategy_->currentIndex()) {
        const QSignalBlocker block(strategy_);
        strategy_->setCurrentIndex(at);
    }
}

void RunPanel::clear() {
    timeline_ = RunTimeline();
    plan_->setResult(bi::json::Value());
    stages_->setResult(bi::json::Value());
    diff_->setChanges({});
    state_->setState(std::make_shared<const bi::json::Value>(bi::json::Value::object()));
    stepper_->setCount(0);
}

QString RunPanel::boundaryText() const { return boundary_->text(); }

void RunPanel::showStep(int index) {
    if (index < 0 || index >= timeline_.size()) {
        bar_->setStepLabel(tr("no run"));
        return;
    }
    const RunTimeline::Step& step = timeline_.at(index);
    QSet<QString> changed;
    for (const auto& c : step.diff) {
        changed.insert(c.path);
    }
    state_->setState(step.state);
    state_->setChangedPaths(changed);
    diff_->setChanges(step.diff);
    plan_->setCurrentStep(index);
    if (const QModelIndex row = plan_->findKey(QString::number(index)); row.isValid()) {
        planView_->setCurrentIndex(row);
        planView_->scrollTo(row);
    }
    bar_->setStepLabel(step.label + (step.dispatchIds.isEmpty()
                                         ? QString()
                                         : tr(" · dispatch ids %1").arg(step.dispatchIds.join(QStringLiteral(", ")))));
    if (step.run < 0) {
        boundary_->setText(step.diff.empty()
                               ? tr("Initial state, before any batch.")
                               : tr("Initial state, before any batch; registration wrote %n change(s) "
                                    "(initial syncs, computations, concerns).",
                                    nullptr, static_cast<int>(step.diff.size())));
    } else {
        QString text = tr("%1 changes · ").arg(step.diff.size());
        text += step.boundaryCalls < 0 ? tr("boundary calls not reported by the engine")
                                       : tr("run %1: ⇄ %2 boundary calls").arg(step.run).arg(step.boundaryCalls);
        if (step.extraCalls > 0) {
            text += tr(" · <b style='color:#d9534f'>+%1 extra vs plan (%2)</b>").arg(step.extraCalls).arg(step.planCalls);
        } else if (step.planCalls >= 0 && strategy() != QLatin1String("plan")) {
            text += tr(" · same as plan");
        }
        boundary_->setText(text);
    }
}
