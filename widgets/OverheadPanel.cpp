// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverheadPanel.h"
#include "BoxPlot.h"
#include "ComparisonPlot.h"
#include "OverheadPlot.h"
#include "PhaseBarsPlot.h"
#include "RecordRangeProxy.h"
#include "RecordTableModel.h"
#include "TimelineSelection.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QWidget* withBar(QWidget* content, QLayout* bar, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(content, 1);
    return page;
}
} // namespace

OverheadPanel::OverheadPanel(QWidget* parent)
    : QWidget(parent), tabs_(new QTabWidget(this)), timeline_(new OverheadPlot(this)), phases_(new PhaseBarsPlot(this)),
      boxes_(new BoxPlot(this)), scaling_(new ScalingPlot(this)), comparison_(new ComparisonPlot(this)),
      records_(new RecordTableModel(this)), proxy_(new RecordRangeProxy(timeline_->selection(), this)),
      table_(new QTableView(this)), selectionLabel_(new QLabel(this)), comparisonLabel_(new QLabel(this)),
      sweepProgress_(new QProgressBar(this)), sweepCancel_(new QPushButton(tr("Cancel"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(tabs_);

    proxy_->setSourceModel(records_);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RecordTableModel::CallColumn, Qt::AscendingOrder);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true); // the last column reaches the edge
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(timeline_);
    auto* tableBox = new QWidget(split);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* selBar = new QHBoxLayout;
    selBar->addWidget(selectionLabel_, 1);
    auto* clearSel = new QPushButton(tr("Show all calls"), tableBox);
    selBar->addWidget(clearSel);
    tableLayout->addLayout(selBar);
    tableLayout->addWidget(table_);
    split->addWidget(tableBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({320, 200});
    tabs_->addTab(split, tr("Timeline"));
    tabs_->addTab(phases_, tr("Phases"));
    tabs_->addTab(boxes_, tr("Distributions"));

    auto* sweepBar = new QHBoxLayout;
    auto* sweep = new QPushButton(tr("Run batch-size sweep"), this);
    sweep->setToolTip(tr("Runs generated scenarios of growing batch size on both engines (off the GUI thread)"));
    sweepBar->addWidget(sweep);
    auto* depthSweep = new QPushButton(tr("Run listener-depth sweep"), this);
    depthSweep->setToolTip(tr("Nested scenarios with a listener on every level, plan vs legacy, on both engines"));
    sweepBar->addWidget(depthSweep);
    sweepBar->addWidget(sweepProgress_, 1);
    sweepBar->addWidget(sweepCancel_);
    tabs_->addTab(withBar(scaling_, sweepBar, this), tr("Scaling"));

    auto* compareBar = new QHBoxLayout;
    auto* compare = new QPushButton(tr("Compare legacy vs plan"), this);
    compareBar->addWidget(compare);
    compareBar->addWidget(comparisonLabel_, 1);
    comparisonLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tabs_->addTab(withBar(comparison_, compareBar, this), tr("Old vs new"));

    connect(timeline_->selection(), &TimelineSelection::selectionChanged, this, &OverheadPanel::updateSelectionLabel);
    connect(clearSel, &QPushButton::clicked, timeline_->selection(), &TimelineSelection::clearSelection);
    connect(sweep, &QPushButton::clicked, this, &OverheadPanel::sweepRequested);
    connect(depthSweep, &QPushButton::clicked, this, &OverheadPanel::depthSweepRequested);
    connect(sweepCancel_, &QPushButton::clicked, this, &OverheadPanel::sweepCancelled);
    connect(compare, &QPushButton::clicked, this, &OverheadPanel::comparisonRequested);
    setSweepProgress(0, 0);
    updateSelectionLabel();
}

void OverheadPanel::setRecords(const std::vector<bi::trace::TimingRecord>& native,
                               const std::vector<bi::trace::TimingRecord>& wasm) {
    timeline_->setSeries(QStringLiteral("native"), native);
    timeline_->setSeries(QStringLiteral("wasm"), wasm);
    phases_->setRecords(native, wasm);
    current_ = native;
    current_.insert(current_.end(), wasm.begin(), wasm.end());
    updateBoxes();
    records_->setRecords(QStringLiteral("native"), native);
    records_->setRecords(QStringLiteral("wasm"), wasm);
    updateSelectionLabel();
}

void OverheadPanel::setOtherStrategyRecords(const std::vector<bi::trace::TimingRecord>& records) {
    other_ = records;
    updateBoxes();
}

void OverheadPanel::updateBoxes() {
    // One box per engine and strategy: the shown run's, then the other strategy's.
    auto all = current_;
    all.insert(all.end(), other_.begin(), other_.end());
    boxes_->setRecords(all);
}

void OverheadPanel::setScaling(const QString& sizeLabel, const QMap<QString, QVector<ScalingPlot::Point>>& curves) {
    scaling_->setCurves(sizeLabel, curves);
}

void OverheadPanel::setComparison(const std::vector<SessionComparison::Row>& rows, const QString& oldLabel,
                                  const QString& newLabel) {
    comparison_->setComparison(rows, oldLabel, newLabel);
    QStringList parts;
    for (const auto& r : rows) {
        parts << tr("%1 %2: %3 → %4 µs (%5× new/old)")
                     .arg(r.engine, r.op)
                     .arg(r.oldMedian, 0, 'f', 1)
                     .arg(r.newMedian, 0, 'f', 1)
                     .arg(r.ratio, 0, 'f', 2);
    }
    comparisonLabel_->setText(tr("%1 vs %2 — ").arg(oldLabel, newLabel) + parts.join(QStringLiteral(" · ")));
}

void OverheadPanel::setSweepProgress(int done, int total) {
    sweepProgress_->setVisible(total > 0);
    sweepCancel_->setVisible(total > 0);
    sweepProgress_->setRange(0, std::max(total, 1));
    sweepProgress_->setValue(done);
}

QString OverheadPanel::comparisonText() const { return comparisonLabel_->text(); }

QCustomPlot* OverheadPanel::currentPlot() const {
    switch (tabs_->currentIndex()) {
    case 1: return phases_;
    case 2: return boxes_;
    case 3: return scaling_;
    case 4: return comparison_;
    default: return timeline_->plot();
    }
}

QString OverheadPanel::currentPlotName() const {
    static const char* const names[] = {"timeline", "phases", "boxplots", "scaling", "comparison"};
    return QString::fromLatin1(names[std::clamp(tabs_->currentIndex(), 0, 4)]);
}

void OverheadPanel::showTab(int index) { tabs_->setCurrentIndex(index); }

void OverheadPanel::updateSelectionLabel() {
    const TimelineSelection* s = timeline_->selection();
    selectionLabel_->setText(s->hasSelection()
                                 ? tr("Calls %1–%2 selected on the timeline: %3 of %4 records")
                                       .arg(std::ceil(s->selection().from))
                                       .arg(std::floor(s->selection().to))
                                       .arg(proxy_->rowCount())
                                       .arg(records_->rowCount())
                                 : tr("All %1 records (Shift+drag on the timeline to filter by calls)")
                                       .arg(records_->rowCount()));
}
