// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"
#include "core/Json.h"

#include <QHash>
#include <QMainWindow>

class CommandPalette;
class ComparisonRun;
class DemoTour;
class DocumentPanel;
class OverheadPanel;
class OverheadPlot;
class QDockWidget;
class QLabel;
class QProgressBar;
class QPushButton;
class RecentFiles;
class RunPanel;
class ScenarioPanel;
class ShortcutOverlay;
class SweepRunner;
class WasmHost;

// The inspector's main window: composes the four docks (Scenario, Run,
// Document, Overhead), owns every action (menus, shortcuts, command palette,
// `?` overlay), opens files, records runs into a session, and keeps what it
// shows when the wasm host fails.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads scenario bytes (from a file or the embedded demo) and runs the comparison.
    void loadScenario(const QByteArray& scenario, const QString& displayName);
    bool openScenarioFile(const QString& fileName);
    // Scenario, session or document, chosen by name and content.
    bool openFile(const QString& fileName);
    void openDocument(const QString& name, const QByteArray& bytes);
    void loadDemo();
    void loadDemoDocument();
    bool saveSession(const QString& fileName);
    bool openSession(const QString& fileName);
    bool compareWithSession(const QString& fileName);
    void setDarkTheme(bool dark);
    // Warm-up before timing (Run menu, kept in QSettings): both engines first run
    // the scenario untimed for kWarmupMs, so that wasm is timed after V8's tier-up.
    void setWarmup(bool on);
    [[nodiscard]] int warmupMs() const { return warmup_ ? kWarmupMs : 0; }
    void resetLayout();
    void startDemoTour();
    // For screenshots: three steps forward, two chunks pulled, the Run dock raised.
    void stepAndPullForScreenshot();

    [[nodiscard]] ScenarioPanel* scenarioPanel() const { return scenarioPanel_; }
    [[nodiscard]] RunPanel* runPanel() const { return runPanel_; }
    [[nodiscard]] DocumentPanel* documentPanel() const { return documentPanel_; }
    [[nodiscard]] OverheadPanel* overheadPanel() const { return overheadPanel_; }
    [[nodiscard]] OverheadPlot* overheadPlot() const;
    [[nodiscard]] ComparisonRun* comparison() const { return comparison_; }
    [[nodiscard]] WasmHost* wasmHost() const { return host_; }
    [[nodiscard]] ShortcutOverlay* shortcutOverlay() const { return overlay_; }
    [[nodiscard]] CommandPalette* commandPalette() const { return palette_; }
    [[nodiscard]] QAction* action(const QString& name) const { return actions_.value(name); }
    [[nodiscard]] QList<QAction*> allActions() const;
    [[nodiscard]] QDockWidget* dock(const QString& name) const;
    [[nodiscard]] const Session& session() const { return session_; }
    [[nodiscard]] QString hostProblem() const { return hostProblem_; }
    // Times a host failure was reported (status message and, on screen, a dialog).
    [[nodiscard]] int hostReports() const { return hostReports_; }
    // The permanent status texts: the run summary, and the wasm host's problem (empty when none).
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString statusToolTip() const;
    [[nodiscard]] QString hostStatusText() const;
    // True while the traced run behind the Run dock is still on its worker.
    [[nodiscard]] bool isTracing() const;
    void raiseDock(const QString& name);

    static constexpr int kCallsPerRun = 50;
    static constexpr int kWarmupMs = 1000;

signals:
    // The Run and Scenario docks show the newest traced run.
    void traceShown();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QDockWidget* addPanel(const QString& name, const QString& title, QWidget* panel, Qt::DockWidgetArea area);
    QAction* addAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                       const std::function<void()>& slot);
    void createActions();
    void connectEngine();
    void rerun();
    void runTracedWith(const QString& strategy);
    void showResult(const bi::json::Value& result, const QString& strategy, const bi::json::Value* planResult);
    void showRecords();
    void onComparisonFinished();
    void compareStrategies();
    void cancelRuns();
    void updateRunControls();
    void showHostProblem(const QString& reason);
    void updateStatus();
    void exportPlot();
    void exportRecords();

    WasmHost* host_;
    ComparisonRun* comparison_;
    ComparisonRun* legacyRun_;
    SweepRunner* sweep_;
    ScenarioPanel* scenarioPanel_;
    RunPanel* runPanel_;
    DocumentPanel* documentPanel_;
    OverheadPanel* overheadPanel_;
    ShortcutOverlay* overlay_;
    CommandPalette* palette_;
    RecentFiles* recent_ = nullptr;
    DemoTour* tour_ = nullptr;
    QLabel* statusLabel_;
    QLabel* hostLabel_;
    QProgressBar* runProgress_;
    QPushButton* cancelButton_;
    int hostReports_ = 0;
    QHash<QString, QAction*> actions_;
    QList<QPair<QString, QList<QAction*>>> menuActions_;
    QHash<QString, QDockWidget*> docks_;
    QByteArray defaultLayout_;
    QByteArray scenario_;
    QString scenarioName_;
    bi::json::Value scenarioJson_;
    Session session_;
    QString hostProblem_;
    bool dark_ = false;
    bool warmup_ = true;
    int tracedJob_ = 0;
    int tracedShownJob_ = 0;
};
