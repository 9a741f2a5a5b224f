// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class ComparisonRun;
class OverheadPlot;
class QLabel;
class WasmHost;

// The inspector's main window: composes the purpose widgets, owns the actions.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads scenario bytes (from a file or the embedded demo) and runs the comparison.
    void loadScenario(const QByteArray& scenario, const QString& displayName);
    bool openScenarioFile(const QString& fileName);
    void loadDemo();

    [[nodiscard]] OverheadPlot* overheadPlot() const { return plot_; }
    [[nodiscard]] ComparisonRun* comparison() const { return comparison_; }
    [[nodiscard]] WasmHost* wasmHost() const { return host_; }

    static constexpr int kCallsPerRun = 50;

private:
    void createActions();
    void rerun();
    void showWasmProblem(const QString& reason);
    void updateStatus();

    WasmHost* host_;
    ComparisonRun* comparison_;
    OverheadPlot* plot_;
    QLabel* statusLabel_;
    QByteArray scenario_;
    QString scenarioName_;
};
