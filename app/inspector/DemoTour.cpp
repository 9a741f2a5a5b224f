// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoTour.h"
#include "DocumentPanel.h"
#include "GroupStepper.h"
#include "MainWindow.h"
#include "OverheadPanel.h"
#include "RunPanel.h"
#include "ScenarioPanel.h"
#include "StateTreeView.h"

#include <QEventLoop>
#include <QStatusBar>

DemoTour::DemoTour(MainWindow* window) : QObject(window), window_(window) {
    MainWindow* w = window_;
    steps_ = {
        {tr("Loading the demo scenario and documents"), [w] { w->loadDemo(); w->loadDemoDocument(); }},
        {tr("Scenario: the state tree; searching for “email”"),
         [w] { w->raiseDock(QStringLiteral("scenario")); w->scenarioPanel()->stateView()->search(QStringLiteral("email")); w->scenarioPanel()->stateView()->findNext(); }},
        {tr("Which changes touched this path"), [w] { w->scenarioPanel()->stateView()->findNext(); }},
        {tr("Run: stepping one dispatch group at a time"), [w] { w->raiseDock(QStringLiteral("run")); w->runPanel()->stepper()->first(); }},
        {tr("Next group: the state after it, changes in bold"), [w] { w->runPanel()->stepper()->next(); }},
        {tr("Next group"), [w] { w->runPanel()->stepper()->next(); }},
        {tr("Next group"), [w] { w->runPanel()->stepper()->next(); }},
        {tr("Document: pulling chunks from the stream one at a time"),
         [w] { w->raiseDock(QStringLiteral("document")); w->documentPanel()->pullNext(); }},
        {tr("Next chunk"), [w] { w->documentPanel()->pullNext(); }},
        {tr("Next chunk"), [w] { w->documentPanel()->pullNext(); }},
        {tr("Overhead: per-call time, native vs wasm"), [w] { w->raiseDock(QStringLiteral("overhead")); w->overheadPanel()->showTab(0); }},
        {tr("Where the time goes: phases per call"), [w] { w->overheadPanel()->showTab(1); }},
        {tr("Distributions with p50/p95/p99"), [w] { w->overheadPanel()->showTab(2); }},
        {tr("Old vs new: legacy vs plan"), [w] { w->overheadPanel()->showTab(4); w->action(QStringLiteral("compareStrategies"))->trigger(); }},
        {tr("End of the tour: press ? for every shortcut"), [] {}},
    };
    connect(&timer_, &QTimer::timeout, this, &DemoTour::advance);
}

void DemoTour::start(int stepMs) {
    next_ = 0;
    timer_.start(stepMs);
    advance();
}

void DemoTour::stop() { timer_.stop(); }

void DemoTour::runAll() {
    stop();
    for (const Step& s : steps_) {
        s.action();
        waitForTrace();
    }
}

void DemoTour::waitForTrace() {
    if (!window_->isTracing()) {
        return;
    }
    QEventLoop loop;
    connect(window_, &MainWindow::traceShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit); // a stuck worker must not hang the tour
    loop.exec();
}

void DemoTour::advance() {
    if (window_->isTracing()) {
        return; // the steps below need the traced run: try again on the next tick
    }
    if (next_ >= static_cast<int>(steps_.size())) {
        stop();
        emit finished();
        return;
    }
    const Step& s = steps_[static_cast<std::size_t>(next_++)];
    window_->statusBar()->showMessage(tr("Demo %1/%2: %3").arg(next_).arg(steps_.size()).arg(s.caption), 5000);
    s.action();
}
