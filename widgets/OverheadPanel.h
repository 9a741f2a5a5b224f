// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScalingPlot.h"
#include "SessionComparison.h"
#include "trace/TimingRecord.h"

#include <QWidget>

#include <vector>

class BoxPlot;
class ComparisonPlot;
class OverheadPlot;
class PhaseBarsPlot;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class RecordRangeProxy;
class RecordTableModel;

// The Overhead dock: the per-call timeline over the records table (a range
// selected on the timeline filters the table), stacked phase bars, box plots
// per strategy, scaling curves and the old-vs-new comparison.
class OverheadPanel : public QWidget {
    Q_OBJECT
public:
    explicit OverheadPanel(QWidget* parent = nullptr);

    void setRecords(const std::vector<bi::trace::TimingRecord>& native,
                    const std::vector<bi::trace::TimingRecord>& wasm);
    // Records of the other strategy's run (legacy beside plan) for the box plots; empty clears them.
    void setOtherStrategyRecords(const std::vector<bi::trace::TimingRecord>& records);
    void setScaling(const QString& sizeLabel, const QMap<QString, QVector<ScalingPlot::Point>>& curves);
    void setComparison(const std::vector<SessionComparison::Row>& rows, const QString& oldLabel,
                       const QString& newLabel);
    void setSweepProgress(int done, int total); // total 0: idle

    [[nodiscard]] OverheadPlot* timeline() const { return timeline_; }
    [[nodiscard]] PhaseBarsPlot* phases() const { return phases_; }
    [[nodiscard]] BoxPlot* boxes() const { return boxes_; }
    [[nodiscard]] ScalingPlot* scaling() const { return scaling_; }
    [[nodiscard]] ComparisonPlot* comparison() const { return comparison_; }
    [[nodiscard]] RecordTableModel* recordModel() const { return records_; }
    [[nodiscard]] RecordRangeProxy* recordProxy() const { return proxy_; }
    [[nodiscard]] QCustomPlot* currentPlot() const;
    [[nodiscard]] QString currentPlotName() const;
    [[nodiscard]] QString comparisonText() const;
    void showTab(int index);

signals:
    void sweepRequested();
    void depthSweepRequested();
    void sweepCancelled();
    void comparisonRequested();

private:
    void updateSelectionLabel();
    void updateBoxes();

    std::vector<bi::trace::TimingRecord> current_;
    std::vector<bi::trace::TimingRecord> other_;

    QTabWidget* tabs_;
    OverheadPlot* timeline_;
    PhaseBarsPlot* phases_;
    BoxPlot* boxes_;
    ScalingPlot* scaling_;
    ComparisonPlot* comparison_;
    RecordTableModel* records_;
    RecordRangeProxy* proxy_;
    QTableView* table_;
    QLabel* selectionLabel_;
    QLabel* comparisonLabel_;
    QProgressBar* sweepProgress_;
    QPushButton* sweepCancel_;
};
