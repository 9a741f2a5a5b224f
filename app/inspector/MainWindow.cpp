// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ComparisonRun.h"
#include "EmbeddedResources.h"
#include "OverheadPlot.h"
#include "WasmHost.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), host_(new WasmHost(this)), comparison_(new ComparisonRun(host_, this)),
      plot_(new OverheadPlot(this)), statusLabel_(new QLabel(this)) {
    registerEmbeddedResources();
    setWindowTitle(tr("Boundary Inspector"));
    setCentralWidget(plot_);
    statusBar()->addPermanentWidget(statusLabel_, 1);
    createActions();
    resize(1100, 700);

    connect(comparison_, &ComparisonRun::nativeFinished, this, [this] {
        plot_->setSeries(QStringLiteral("native"), comparison_->nativeRecords());
        updateStatus();
    });
    connect(comparison_, &ComparisonRun::wasmFinished, this, [this] {
        plot_->setSeries(QStringLiteral("wasm"), comparison_->wasmRecords());
        updateStatus();
    });
    connect(comparison_, &ComparisonRun::wasmFailed, this, [this](const QString& reason) {
        showWasmProblem(reason);
        updateStatus();
    });
    host_->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open scenario…"), this, [this] {
        const QString name = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                          tr("Scenarios (*.json);;All files (*)"));
        if (!name.isEmpty()) {
            openScenarioFile(name);
        }
    });
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Load &demo"), this, &MainWindow::loadDemo)->setShortcut(QKeySequence(tr("Ctrl+D")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&Run again"), this, &MainWindow::rerun)->setShortcut(QKeySequence(Qt::Key_F5));
    run->addAction(tr("Restart wasm &host"), this, [this] { host_->start(); rerun(); })
        ->setShortcut(QKeySequence(tr("Ctrl+R")));
}

void MainWindow::loadDemo() {
    QFile demo(QStringLiteral(":/demo/checkout.scenario.json"));
    if (demo.open(QIODevice::ReadOnly)) {
        loadScenario(demo.readAll(), tr("demo: checkout"));
    }
}

bool MainWindow::openScenarioFile(const QString& fileName) {
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Open scenario"), tr("Cannot open %1: %2").arg(fileName, f.errorString()));
        return false;
    }
    loadScenario(f.readAll(), QFileInfo(fileName).fileName());
    return true;
}

void MainWindow::loadScenario(const QByteArray& scenario, const QString& displayName) {
    scenario_ = scenario;
    scenarioName_ = displayName;
    setWindowTitle(tr("Boundary Inspector — %1").arg(displayName));
    rerun();
}

void MainWindow::rerun() {
    if (scenario_.isEmpty()) {
        return;
    }
    plot_->clearSeries(QStringLiteral("native"));
    plot_->clearSeries(QStringLiteral("wasm"));
    comparison_->start(scenario_, kCallsPerRun);
}

void MainWindow::showWasmProblem(const QString& reason) {
    statusBar()->showMessage(tr("wasm engine unavailable: %1").arg(reason));
    if (isVisible() && QGuiApplication::platformName() != QLatin1String("offscreen")) {
        QMessageBox::warning(this, tr("wasm engine unavailable"),
                             tr("%1\n\nThe native engine's results are still shown. "
                                "Use Run → Restart wasm host (Ctrl+R) to try again.")
                                 .arg(reason));
    }
}

void MainWindow::updateStatus() {
    QString text = tr("%1 · native: %2 calls").arg(scenarioName_).arg(comparison_->nativeRecords().size());
    if (!comparison_->nativeError().isEmpty()) {
        text = tr("%1 · native error: %2").arg(scenarioName_, comparison_->nativeError());
    }
    if (!comparison_->wasmRecords().empty()) {
        text += tr(" · wasm: %1 calls · results %2")
                    .arg(comparison_->wasmRecords().size())
                    .arg(comparison_->resultsIdentical() ? tr("identical") : tr("DIFFER"));
    } else if (!comparison_->wasmError().isEmpty()) {
        text += tr(" · wasm unavailable");
    }
    statusLabel_->setText(text);
}
