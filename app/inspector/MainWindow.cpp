// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "AppTheme.h"
#include "ChangeEntry.h"
#include "CommandPalette.h"
#include "ComparisonRun.h"
#include "DemoTour.h"
#include "DocumentExtractor.h"
#include "DocumentPanel.h"
#include "EmbeddedResources.h"
#include "GroupStepper.h"
#include "JsonFields.h"
#include "NativeEngine.h"
#include "OverheadPanel.h"
#include "OverheadPlot.h"
#include "PlotExport.h"
#include "RecentFiles.h"
#include "RecordExport.h"
#include "RunPanel.h"
#include "ScenarioPanel.h"
#include "SessionComparison.h"
#include "ShortcutOverlay.h"
#include "StateTreeView.h"
#include "SweepRunner.h"
#include "WasmHost.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>

using bi::json::Value;

namespace {
bool interactive(const QWidget* w) {
    return w->isVisible() && QGuiApplication::platformName() != QLatin1String("offscreen") &&
           QGuiApplication::platformName() != QLatin1String("minimal");
}

QByteArray readFile(const QString& fileName, QString* error) {
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    return f.readAll();
}

bool isSessionBytes(const QByteArray& bytes) {
    return bytes.left(200).contains("boundary-inspector/session@");
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), host_(new WasmHost(this)), comparison_(new ComparisonRun(host_, this)),
      legacyRun_(new ComparisonRun(host_, this)), sweep_(new SweepRunner(host_, this)),
      scenarioPanel_(new ScenarioPanel(this)), runPanel_(new RunPanel(this)), documentPanel_(new DocumentPanel(this)),
      overheadPanel_(new OverheadPanel(this)), overlay_(nullptr), palette_(new CommandPalette(this)),
      statusLabel_(new QLabel(this)), hostLabel_(new QLabel(this)), runProgress_(new QProgressBar(this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)) {
    registerEmbeddedResources();
    warmup_ = QSettings().value(QStringLiteral("timing/warmup"), true).toBool();
    sweep_->setWarmupMs(warmupMs());
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Boundary Inspector"));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // No stretch: showMessage() texts (errors, "Session saved…") use the space on the left.
    runProgress_->setMaximumWidth(140);
    runProgress_->setFormat(tr("native %v/%m"));
    runProgress_->hide();
    cancelButton_->setToolTip(tr("Cancel the comparison run (Ctrl+Shift+X)"));
    cancelButton_->hide();
    statusBar()->addPermanentWidget(runProgress_);
    statusBar()->addPermanentWidget(cancelButton_);
    statusBar()->addPermanentWidget(hostLabel_);
    statusBar()->addPermanentWidget(statusLabel_);
    statusLabel_->setObjectName(QStringLiteral("statusLabel"));
    hostLabel_->setObjectName(QStringLiteral("hostLabel"));
    hostLabel_->setStyleSheet(QStringLiteral("color:#d9534f"));
    hostLabel_->hide();

    auto* hint = new QLabel(tr("Drop scenarios (*.json) or documents (HTML, Markdown, text) here, or press Ctrl+O"), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    setCentralWidget(hint);
    centralWidget()->hide(); // the docks fill the window; the hint shows when all are closed

    addPanel(QStringLiteral("scenario"), tr("Scenario"), scenarioPanel_, Qt::LeftDockWidgetArea);
    addPanel(QStringLiteral("run"), tr("Run"), runPanel_, Qt::RightDockWidgetArea);
    addPanel(QStringLiteral("document"), tr("Document"), documentPanel_, Qt::RightDockWidgetArea);
    addPanel(QStringLiteral("overhead"), tr("Overhead"), overheadPanel_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(docks_[QStringLiteral("run")], docks_[QStringLiteral("document")]);
    docks_[QStringLiteral("run")]->raise();
    resizeDocks({docks_[QStringLiteral("scenario")], docks_[QStringLiteral("run")]}, {420, 700}, Qt::Horizontal);
    resizeDocks({docks_[QStringLiteral("run")], docks_[QStringLiteral("overhead")]}, {430, 360}, Qt::Vertical);

    overlay_ = new ShortcutOverlay(this);
    tour_ = new DemoTour(this);
    createActions();
    connectEngine();
    resize(1400, 900);
    defaultLayout_ = saveState();
    // Dock sizes only stick once the window has its geometry.
    QTimer::singleShot(0, this, [this] {
        resizeDocks({docks_[QStringLiteral("scenario")], docks_[QStringLiteral("run")]}, {width() / 3, width() * 2 / 3},
                    Qt::Horizontal);
        defaultLayout_ = saveState();
    });
    updateStatus();
    host_->start();
}

MainWindow::~MainWindow() {
    // The host is the first child deleted; stopping it fails its open requests, and those
    // signals would reach this window after its members are gone. Silence it first.
    host_->blockSignals(true);
    host_->stop();
    comparison_->cancel();
    legacyRun_->cancel();
    sweep_->cancel();
}

QDockWidget* MainWindow::addPanel(const QString& name, const QString& title, QWidget* panel, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name + QStringLiteral("Dock"));
    dock->setWidget(panel);
    addDockWidget(area, dock);
    docks_.insert(name, dock);
    return dock;
}

QDockWidget* MainWindow::dock(const QString& name) const { return docks_.value(name); }

void MainWindow::raiseDock(const QString& name) {
    if (QDockWidget* d = docks_.value(name)) {
        d->show();
        d->raise();
    }
}

OverheadPlot* MainWindow::overheadPlot() const { return overheadPanel_->timeline(); }

QAction* MainWindow::addAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                               const std::function<void()>& slot) {
    QAction* a = menu->addAction(text);
    a->setObjectName(name);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    connect(a, &QAction::triggered, this, [slot] { slot(); });
    QMainWindow::addAction(a); // shortcuts work while the menu bar is hidden
    actions_.insert(name, a);
    if (menuActions_.isEmpty() || menuActions_.back().first != menu->title().remove(QLatin1Char('&'))) {
        menuActions_.append({menu->title().remove(QLatin1Char('&')), {}});
    }
    menuActions_.back().second.append(a);
    return a;
}

QList<QAction*> MainWindow::allActions() const {
    QList<QAction*> out;
    for (const auto& group : menuActions_) {
        out += group.second;
    }
    return out;
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addAction(file, QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, [this] {
        const QStringList names = QFileDialog::getOpenFileNames(
            this, tr("Open scenarios, sessions or documents"), QString(),
            tr("All supported (*.json *.html *.htm *.md *.markdown *.txt *.csv *.xml);;Scenarios and sessions "
               "(*.json);;Documents (*.html *.htm *.md *.markdown *.txt *.csv *.xml);;All files (*)"));
        for (const QString& n : names) {
            openFile(n);
        }
    });
    QMenu* recentMenu = file->addMenu(tr("Open &recent"));
    recent_ = new RecentFiles(recentMenu, this);
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString& f) { openFile(f); });
    addAction(file, QStringLiteral("demo"), tr("Load &demo"), QKeySequence(tr("Ctrl+D")), [this] {
        loadDemo();
        loadDemoDocument();
    });
    file->addSeparator();
    addAction(file, QStringLiteral("saveSession"), tr("&Save session…"), QKeySequence::Save, [this] {
        const QString n = QFileDialog::getSaveFileName(this, tr("Save session"), QStringLiteral("run.session.json"),
                                                       tr("Sessions (*.session.json)"));
        if (!n.isEmpty()) {
            saveSession(n);
        }
    });
    addAction(file, QStringLiteral("openSession"), tr("Open s&ession…"), QKeySequence(tr("Ctrl+Shift+O")), [this] {
        const QString n = QFileDialog::getOpenFileName(this, tr("Open session"), QString(), tr("Sessions (*.json)"));
        if (!n.isEmpty()) {
            openSession(n);
        }
    });
    addAction(file, QStringLiteral("compareSession"), tr("&Compare with session…"), QKeySequence(tr("Ctrl+Shift+C")),
              [this] {
                  const QString n = QFileDialog::getOpenFileName(this, tr("Compare with an older session"), QString(),
                                                                 tr("Sessions (*.json)"));
                  if (!n.isEmpty()) {
                      compareWithSession(n);
                  }
              });
    file->addSeparator();
    addAction(file, QStringLiteral("exportPlot"), tr("Export &plot…"), QKeySequence(tr("Ctrl+E")), [this] { exportPlot(); });
    addAction(file, QStringLiteral("exportRecords"), tr("Export &records…"), QKeySequence(tr("Ctrl+Shift+E")),
              [this] { exportRecords(); });
    file->addSeparator();
    addAction(file, QStringLiteral("quit"), tr("&Quit"), QKeySequence(tr("Ctrl+Q")), [] { QApplication::closeAllWindows(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    addAction(view, QStringLiteral("find"), tr("&Find in state"), QKeySequence::Find, [this] {
        raiseDock(QStringLiteral("scenario"));
        scenarioPanel_->focusSearch();
    });
    addAction(view, QStringLiteral("palette"), tr("Command &palette"), QKeySequence(tr("Ctrl+Shift+P")), [this] {
        palette_->setActions(allActions());
        palette_->open();
    });
    addAction(view, QStringLiteral("shortcuts"), tr("Keyboard &shortcuts"), QKeySequence(QStringLiteral("?")), [this] {
        overlay_->setActions(menuActions_);
        overlay_->toggle();
    });
    QAction* darkAction = addAction(view, QStringLiteral("dark"), tr("&Dark theme"), QKeySequence(tr("Ctrl+Shift+D")),
                                    [this] { setDarkTheme(!dark_); });
    darkAction->setCheckable(true);
    view->addSeparator();
    const QStringList names = {QStringLiteral("scenario"), QStringLiteral("run"), QStringLiteral("document"),
                               QStringLiteral("overhead")};
    const QStringList titles = {tr("Show &Scenario"), tr("Show &Run"), tr("Show &Document"), tr("Show &Overhead")};
    for (int i = 0; i < names.size(); ++i) {
        const QString n = names[i];
        addAction(view, QStringLiteral("show-") + n, titles[i], QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)),
                  [this, n] { raiseDock(n); });
    }

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    addAction(run, QStringLiteral("rerun"), tr("&Run again"), QKeySequence(Qt::Key_F5), [this] { rerun(); });
    addAction(run, QStringLiteral("cancelRun"), tr("&Cancel run"), QKeySequence(tr("Ctrl+Shift+X")),
              [this] { cancelRuns(); });
    addAction(run, QStringLiteral("restartHost"), tr("Restart wasm &host"), QKeySequence(tr("Ctrl+R")), [this] {
        host_->start();
        rerun();
    });
    QAction* warmupAction = addAction(run, QStringLiteral("warmup"), tr("&Warm up before timing"),
                                      QKeySequence(tr("Ctrl+Shift+W")), [this] { setWarmup(!warmup_); });
    warmupAction->setCheckable(true);
    warmupAction->setChecked(warmup_);
    run->addSeparator();
    GroupStepper* stepper = runPanel_->stepper();
    addAction(run, QStringLiteral("first"), tr("&First step"), QKeySequence(Qt::Key_Home), [stepper] { stepper->first(); });
    addAction(run, QStringLiteral("back"), tr("Step &back"), QKeySequence(Qt::Key_Comma), [stepper] { stepper->back(); });
    addAction(run, QStringLiteral("next"), tr("Step &next"), QKeySequence(Qt::Key_Period), [stepper] { stepper->next(); });
    addAction(run, QStringLiteral("play"), tr("&Play / pause"), QKeySequence(Qt::Key_Space),
              [stepper] { stepper->togglePlaying(); });
    addAction(run, QStringLiteral("last"), tr("&Last step"), QKeySequence(Qt::Key_End), [stepper] { stepper->last(); });
    addAction(run, QStringLiteral("legacy"), tr("Toggle le&gacy strategy"), QKeySequence(tr("Ctrl+L")), [this] {
        const QString next = runPanel_->strategy() == QLatin1String("legacy") ? QStringLiteral("plan")
                                                                              : QStringLiteral("legacy");
        runPanel_->setStrategy(next);
        runTracedWith(next);
    });
    run->addSeparator();
    addAction(run, QStringLiteral("nextChunk"), tr("Next &chunk"), QKeySequence(Qt::Key_N), [this] {
        raiseDock(QStringLiteral("document"));
        documentPanel_->pullNext();
    });
    addAction(run, QStringLiteral("allChunks"), tr("&All chunks"), QKeySequence(tr("Shift+N")),
              [this] { documentPanel_->pullAll(); });
    run->addSeparator();
    addAction(run, QStringLiteral("sweep"), tr("Batch-size s&weep"), QKeySequence(tr("Ctrl+B")), [this] {
        raiseDock(QStringLiteral("overhead"));
        overheadPanel_->showTab(3);
        sweep_->start({1, 4, 16, 64, 256, 1024});
    });
    addAction(run, QStringLiteral("depthSweep"), tr("Listener-&depth sweep (plan vs legacy)"),
              QKeySequence(tr("Ctrl+Alt+L")), [this] {
                  raiseDock(QStringLiteral("overhead"));
                  overheadPanel_->showTab(3);
                  sweep_->startDepthSweep({1, 2, 4, 8, 16, 32});
              });
    addAction(run, QStringLiteral("documentSweep"), tr("&Document-size sweep"), QKeySequence(tr("Ctrl+Alt+B")), [this] {
        raiseDock(QStringLiteral("overhead"));
        overheadPanel_->showTab(3);
        sweep_->startDocumentSweep({1000, 10000, 100000, 1000000});
    });
    addAction(run, QStringLiteral("cancelSweep"), tr("Cancel s&weep"), QKeySequence(tr("Ctrl+Shift+B")),
              [this] { sweep_->cancel(); });
    addAction(run, QStringLiteral("compareStrategies"), tr("Compare legacy vs plan"), QKeySequence(tr("Ctrl+K")),
              [this] { compareStrategies(); });
    addAction(run, QStringLiteral("tour"), tr("Demo &tour"), QKeySequence(Qt::Key_F9), [this] { startDemoTour(); });

    QMenu* window = menuBar()->addMenu(tr("&Window"));
    addAction(window, QStringLiteral("resetLayout"), tr("&Reset layout"), QKeySequence(tr("Ctrl+Shift+R")),
              [this] { resetLayout(); });
    for (auto* d : docks_) {
        window->addAction(d->toggleViewAction());
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    addAction(help, QStringLiteral("help"), tr("&Shortcuts overlay"), QKeySequence::HelpContents, [this] {
        overlay_->setActions(menuActions_);
        overlay_->toggle();
    });
    addAction(help, QStringLiteral("about"), tr("&About"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("Boundary Inspector"),
                           tr("Inspects listener cascades and per-call JS↔wasm boundary overhead, native beside "
                              "wasm.\nGPL-3.0-or-later."));
    });
}

void MainWindow::connectEngine() {
    connect(comparison_, &ComparisonRun::nativeFinished, this, [this] {
        showRecords();
        updateStatus();
    });
    connect(comparison_, &ComparisonRun::wasmFinished, this, [this] { showRecords(); });
    connect(comparison_, &ComparisonRun::finished, this, &MainWindow::onComparisonFinished);
    for (ComparisonRun* run : {comparison_, legacyRun_}) {
        connect(run, &ComparisonRun::progress, this, [this](int done, int total) {
            runProgress_->setRange(0, total);
            runProgress_->setValue(done);
            updateRunControls();
        });
        connect(run, &ComparisonRun::finished, this, &MainWindow::updateRunControls);
        connect(run, &ComparisonRun::nativeFinished, this, &MainWindow::updateRunControls);
    }
    connect(cancelButton_, &QPushButton::clicked, this, &MainWindow::cancelRuns);
    connect(host_, &WasmHost::unavailable, this, &MainWindow::showHostProblem);
    connect(host_, &WasmHost::ready, this, [this] {
        hostProblem_.clear();
        updateStatus();
    });
    connect(host_, &WasmHost::starting, this, [this] { hostProblem_.clear(); });
    connect(runPanel_, &RunPanel::strategyChanged, this, [this](const QString& s) { runTracedWith(s); });
    connect(legacyRun_, &ComparisonRun::finished, this, [this] {
        auto legacy = legacyRun_->nativeRecords();
        legacy.insert(legacy.end(), legacyRun_->wasmRecords().begin(), legacyRun_->wasmRecords().end());
        auto plan = comparison_->nativeRecords();
        plan.insert(plan.end(), comparison_->wasmRecords().begin(), comparison_->wasmRecords().end());
        overheadPanel_->setComparison(SessionComparison::compare(legacy, plan), tr("legacy"), tr("plan"));
        overheadPanel_->setOtherStrategyRecords(legacy);
        overheadPanel_->showTab(4);
    });
    connect(sweep_, &SweepRunner::progress, overheadPanel_, &OverheadPanel::setSweepProgress);
    connect(sweep_, &SweepRunner::finished, this,
            [this](const QString& sizeLabel, const QMap<QString, QVector<ScalingPlot::Point>>& curves) {
                overheadPanel_->setScaling(sizeLabel, curves);
            });
    connect(overheadPanel_, &OverheadPanel::sweepRequested, action(QStringLiteral("sweep")), &QAction::trigger);
    connect(overheadPanel_, &OverheadPanel::depthSweepRequested, action(QStringLiteral("depthSweep")),
            &QAction::trigger);
    connect(overheadPanel_, &OverheadPanel::sweepCancelled, sweep_, &SweepRunner::cancel);
    connect(overheadPanel_, &OverheadPanel::comparisonRequested, this, &MainWindow::compareStrategies);
    connect(documentPanel_, &DocumentPanel::extractionFailed, this, [this](const QString& reason) {
        statusBar()->showMessage(tr("Extraction failed: %1").arg(reason));
    });
}

void MainWindow::loadDemo() {
    QFile demo(QStringLiteral(":/demo/checkout.scenario.json"));
    if (demo.open(QIODevice::ReadOnly)) {
        loadScenario(demo.readAll(), tr("demo: checkout"));
    }
}

void MainWindow::loadDemoDocument() {
    const QStringList entries = QDir(QStringLiteral(":/demo")).entryList(QDir::Files, QDir::Name);
    QString chosen;
    for (const QString& e : entries) {
        if (DocumentExtractor::isDocumentFile(e) && (chosen.isEmpty() || e.endsWith(QLatin1String(".html")))) {
            chosen = e;
        }
    }
    if (chosen.isEmpty()) {
        return;
    }
    QFile f(QStringLiteral(":/demo/") + chosen);
    if (f.open(QIODevice::ReadOnly)) {
        openDocument(tr("demo: %1").arg(chosen), f.readAll());
    }
}

bool MainWindow::openFile(const QString& fileName) {
    QString error;
    const QByteArray bytes = readFile(fileName, &error);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(fileName, error));
        if (interactive(this)) {
            QMessageBox::warning(this, tr("Open"), tr("Cannot open %1:\n%2").arg(fileName, error));
        }
        return false;
    }
    recent_->add(fileName);
    if (DocumentExtractor::isDocumentFile(fileName)) {
        openDocument(QFileInfo(fileName).fileName(), bytes);
        return true;
    }
    if (isSessionBytes(bytes)) {
        return openSession(fileName);
    }
    loadScenario(bytes, QFileInfo(fileName).fileName());
    return true;
}

bool MainWindow::openScenarioFile(const QString& fileName) { return openFile(fileName); }

void MainWindow::openDocument(const QString& name, const QByteArray& bytes) {
    raiseDock(QStringLiteral("document"));
    documentPanel_->setDocument(name, bytes, DocumentExtractor::mimeForFileName(name));
}

void MainWindow::loadScenario(const QByteArray& scenario, const QString& displayName) {
    try {
        scenarioJson_ = bi::json::parse(std::string_view(scenario.constData(), static_cast<std::size_t>(scenario.size())));
    } catch (const bi::json::ParseError& e) {
        const QString why = tr("%1 is not valid JSON: %2").arg(displayName, QString::fromStdString(e.describe()));
        statusBar()->showMessage(why);
        if (interactive(this)) {
            QMessageBox::warning(this, tr("Open scenario"), why);
        }
        return;
    }
    scenario_ = scenario;
    scenarioName_ = displayName;
    setWindowTitle(tr("Boundary Inspector — %1").arg(displayName));
    runTracedWith(runPanel_->strategy());
    rerun();
}

void MainWindow::runTracedWith(const QString& strategy) {
    if (scenario_.isEmpty()) {
        return;
    }
    // On a worker: a 100k-node scenario takes seconds. A newer load or toggle makes this one stale.
    const int job = ++tracedJob_;
    const QByteArray scenario = scenario_;
    auto* watcher = new QFutureWatcher<NativeEngine::TracedOutcome>(this);
    connect(watcher, &QFutureWatcher<NativeEngine::TracedOutcome>::finished, this, [this, watcher, job, strategy] {
        watcher->deleteLater();
        if (job != tracedJob_) {
            return;
        }
        const NativeEngine::TracedOutcome outcome = watcher->result();
        if (!outcome.ok) {
            statusBar()->showMessage(tr("%1: %2").arg(scenarioName_, outcome.error));
        }
        tracedShownJob_ = job;
        showResult(outcome.result, strategy, outcome.planResult.isNull() ? nullptr : &outcome.planResult);
        emit traceShown();
    });
    watcher->setFuture(
        QtConcurrent::run([scenario, strategy] { return NativeEngine::runTracedWithPlan(scenario, strategy); }));
}

bool MainWindow::isTracing() const { return tracedShownJob_ != tracedJob_; }

void MainWindow::showResult(const Value& result, const QString& strategy, const Value* planResult) {
    const Value* state = scenarioJson_.find("state");
    const Value initial = state != nullptr ? *state : Value::object();
    runPanel_->setRun(initial, result, strategy, planResult);
    std::vector<ChangeEntry> changes;
    if (const Value* batches = bi::models::arrayField(scenarioJson_, "batches")) {
        for (std::size_t b = 0; b < batches->asArray().size(); ++b) {
            const auto input = ChangeEntry::fromJson(batches->asArray()[b], tr("batch %1 (input)").arg(b));
            changes.insert(changes.end(), input.begin(), input.end());
        }
    }
    const auto produced = runPanel_->timeline().allChanges();
    changes.insert(changes.end(), produced.begin(), produced.end());
    const Value* registrations = result.isObject() ? result.find("registrations") : nullptr;
    scenarioPanel_->setScenario(scenarioJson_, std::move(changes), registrations != nullptr ? *registrations : Value());
}

void MainWindow::rerun() {
    if (scenario_.isEmpty()) {
        return;
    }
    overheadPanel_->setRecords({}, {});
    overheadPanel_->setOtherStrategyRecords({});
    comparison_->start(scenario_, kCallsPerRun, QStringLiteral("plan"), warmupMs());
    runProgress_->setRange(0, kCallsPerRun);
    runProgress_->setValue(0);
    updateRunControls();
    updateStatus();
}

void MainWindow::cancelRuns() {
    const bool any = comparison_->isRunning() || legacyRun_->isRunning();
    comparison_->cancel();
    legacyRun_->cancel();
    if (any) {
        statusBar()->showMessage(tr("Run cancelled; the results shown are the ones that had finished"), 5000);
    }
    updateRunControls();
    updateStatus();
}

void MainWindow::updateRunControls() {
    const bool running = comparison_->isRunning() || legacyRun_->isRunning();
    cancelButton_->setVisible(running);
    // The bar counts native repeats; once they are done only the wasm answer is awaited.
    runProgress_->setVisible(running && runProgress_->value() < runProgress_->maximum());
}

void MainWindow::showRecords() {
    overheadPanel_->setRecords(comparison_->nativeRecords(), comparison_->wasmRecords());
}

void MainWindow::onComparisonFinished() {
    showRecords();
    session_ = Session();
    session_.scenarioName = scenarioName_;
    session_.scenarioText = scenario_;
    session_.strategy = comparison_->strategy();
    session_.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    session_.native = comparison_->nativeRecords();
    session_.wasm = comparison_->wasmRecords();
    session_.resultJson = comparison_->nativeResult();
    session_.identical = comparison_->resultsIdentical();
    session_.wasmError = comparison_->wasmError();
    // Host failures get their one dialog from unavailable(); a failed request only shows in the status bar.
    updateStatus();
}

void MainWindow::compareStrategies() {
    if (scenario_.isEmpty()) {
        return;
    }
    statusBar()->showMessage(tr("Running the legacy strategy for comparison…"), 3000);
    legacyRun_->start(scenario_, kCallsPerRun, QStringLiteral("legacy"), warmupMs());
    runProgress_->setRange(0, kCallsPerRun);
    runProgress_->setValue(0);
    updateRunControls();
}

bool MainWindow::saveSession(const QString& fileName) {
    QFile f(fileName);
    if (session_.scenarioText.isEmpty() || !f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        statusBar()->showMessage(tr("Nothing recorded yet, or cannot write %1").arg(fileName));
        return false;
    }
    f.write(session_.toJson());
    recent_->add(fileName);
    statusBar()->showMessage(tr("Session saved to %1").arg(fileName), 4000);
    return true;
}

bool MainWindow::openSession(const QString& fileName) {
    QString error;
    const QByteArray bytes = readFile(fileName, &error);
    try {
        if (!error.isEmpty()) {
            throw std::runtime_error(error.toStdString());
        }
        Session s = Session::fromJson(bytes);
        scenarioJson_ = bi::json::parse(std::string_view(s.scenarioText.constData(),
                                                         static_cast<std::size_t>(s.scenarioText.size())));
        session_ = std::move(s);
    } catch (const std::exception& e) {
        const QString why = tr("Cannot open the session %1: %2").arg(fileName, QString::fromUtf8(e.what()));
        statusBar()->showMessage(why);
        if (interactive(this)) {
            QMessageBox::warning(this, tr("Open session"), why);
        }
        return false;
    }
    scenario_ = session_.scenarioText;
    scenarioName_ = session_.scenarioName;
    setWindowTitle(tr("Boundary Inspector — %1 (session of %2)").arg(scenarioName_, session_.createdAt));
    runTracedWith(session_.strategy); // the stepper needs the trace; the records are the session's own
    overheadPanel_->setRecords(session_.native, session_.wasm);
    overheadPanel_->setOtherStrategyRecords({});
    updateStatus();
    return true;
}

bool MainWindow::compareWithSession(const QString& fileName) {
    QString error;
    const QByteArray bytes = readFile(fileName, &error);
    try {
        const Session old = Session::fromJson(bytes);
        const auto rows = SessionComparison::compare(old.allRecords(), session_.allRecords());
        overheadPanel_->setComparison(rows, tr("%1 (%2)").arg(QFileInfo(fileName).fileName(), old.createdAt.left(16)),
                                      tr("current"));
        raiseDock(QStringLiteral("overhead"));
        overheadPanel_->showTab(4);
        return true;
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Cannot compare with %1: %2").arg(fileName, QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::showHostProblem(const QString& reason) {
    if (reason == hostProblem_) {
        return; // one failure, one report: a failed request repeats the host's reason
    }
    hostProblem_ = reason;
    ++hostReports_;
    // The cause itself stays in the red label on the right; the message only flags the moment.
    statusBar()->showMessage(tr("wasm engine unavailable"), 10000);
    updateStatus();
    if (!interactive(this)) {
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("wasm engine unavailable"),
                    tr("%1\n\nEverything already shown is kept, and the native engine still runs.").arg(reason),
                    QMessageBox::Close, this);
    QPushButton* restart = box.addButton(tr("Restart host"), QMessageBox::AcceptRole);
    box.exec();
    if (box.clickedButton() == restart) {
        host_->start();
        rerun();
    }
}

QString MainWindow::statusText() const { return statusLabel_->text(); }

QString MainWindow::statusToolTip() const { return statusLabel_->toolTip(); }

QString MainWindow::hostStatusText() const { return hostLabel_->isVisibleTo(this) ? hostLabel_->text() : QString(); }

void MainWindow::updateStatus() {
    QString text = scenarioName_.isEmpty() ? tr("no scenario") : scenarioName_;
    // "warm" keeps the label short; the counts go to its tooltip.
    const QString warm = tr(" warm");
    const int nativeWarmup = comparison_->nativeWarmupRuns();
    const int wasmWarmup = comparison_->wasmWarmupRuns();
    text += tr(" · native: %1%2 calls").arg(comparison_->nativeRecords().size()).arg(nativeWarmup > 0 ? warm : QString());
    if (!comparison_->nativeError().isEmpty()) {
        text = tr("%1 · native error: %2").arg(scenarioName_, comparison_->nativeError());
    }
    if (!comparison_->wasmRecords().empty()) {
        text += tr(" · wasm: %1%2 calls").arg(comparison_->wasmRecords().size()).arg(wasmWarmup > 0 ? warm : QString());
        text += tr(" · results %1").arg(comparison_->resultsIdentical() ? tr("identical") : tr("DIFFER"));
    } else if (comparison_->isRunning() && hostProblem_.isEmpty()) {
        text += tr(" · wasm: running…");
    }
    statusLabel_->setToolTip(nativeWarmup + wasmWarmup > 0
                                 ? tr("Timed after untimed warm-up runs: native %1, wasm %2 (Run → Warm up before timing)")
                                       .arg(nativeWarmup)
                                       .arg(wasmWarmup)
                                 : tr("Timed cold, without warm-up runs (Run → Warm up before timing)"));
    statusLabel_->setText(text);
    // The host's problem stays in view even when older wasm records are still shown.
    const QString problem = !hostProblem_.isEmpty() ? hostProblem_ : comparison_->wasmError();
    hostLabel_->setVisible(!problem.isEmpty());
    hostLabel_->setToolTip(problem);
    const QString firstLine = problem.section(QLatin1Char('\n'), 0, 0);
    hostLabel_->setText(tr("wasm: %1 — Ctrl+R restarts the host")
                            .arg(firstLine.size() > 90 ? firstLine.left(89) + QStringLiteral("…") : firstLine));
}

void MainWindow::setWarmup(bool on) {
    warmup_ = on;
    QSettings().setValue(QStringLiteral("timing/warmup"), on);
    sweep_->setWarmupMs(warmupMs());
    if (QAction* a = action(QStringLiteral("warmup"))) {
        a->setChecked(on);
    }
    statusBar()->showMessage(on ? tr("Runs are timed after %1 ms of untimed warm-up on each engine").arg(kWarmupMs)
                                : tr("Runs are timed cold: wasm's first calls run before V8's tier-up"),
                             5000);
}

void MainWindow::setDarkTheme(bool dark) {
    dark_ = AppTheme::apply(dark);
    if (QAction* a = action(QStringLiteral("dark"))) {
        a->setChecked(dark_);
    }
}

void MainWindow::resetLayout() {
    for (auto* d : docks_) {
        d->setFloating(false);
        d->show();
    }
    restoreState(defaultLayout_);
    docks_[QStringLiteral("run")]->raise();
}

void MainWindow::startDemoTour() { tour_->start(); }

void MainWindow::stepAndPullForScreenshot() {
    for (int i = 0; i < 3; ++i) {
        runPanel_->stepper()->next();
    }
    documentPanel_->pullNext();
    documentPanel_->pullNext();
    raiseDock(QStringLiteral("run"));
}

void MainWindow::exportPlot() {
    const QString name = QFileDialog::getSaveFileName(this, tr("Export plot"),
                                                      overheadPanel_->currentPlotName() + QStringLiteral(".png"),
                                                      PlotExport::fileFilter());
    if (!name.isEmpty() && !PlotExport::save(overheadPanel_->currentPlot(), name)) {
        statusBar()->showMessage(tr("Cannot write %1").arg(name));
    }
}

void MainWindow::exportRecords() {
    QString filter;
    QString name = QFileDialog::getSaveFileName(
        this, tr("Export records"), QStringLiteral("records.csv"),
        tr("CSV (*.csv);;JSON (*.json);;Chrome trace events (*.trace.json)"), &filter);
    if (name.isEmpty()) {
        return;
    }
    if (filter.contains(QLatin1String("trace")) && !name.endsWith(QLatin1String(".trace.json"))) {
        name = QFileInfo(name).path() + QLatin1Char('/') + QFileInfo(name).completeBaseName() +
               QStringLiteral(".trace.json");
    }
    QFile f(name);
    const auto records = session_.allRecords().empty() ? comparison_->nativeRecords() : session_.allRecords();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(RecordExport::forFileName(name, records)) < 0) {
        statusBar()->showMessage(tr("Cannot write %1").arg(name));
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            openFile(url.toLocalFile());
        }
    }
    event->acceptProposedAction();
}
