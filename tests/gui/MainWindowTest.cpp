// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"
#include "MainWindow.h"
#include "OverheadPlot.h"
#include "ScenarioGenerator.h"
#include "SweepRunner.h"
#include "WasmHost.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTest>

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // The warm-up setting persists; tests start from the default (on) whatever an earlier run left.
        QCoreApplication::setOrganizationName(QStringLiteral("boundary-inspector-tests"));
        QSettings().remove(QStringLiteral("timing/warmup"));
    }

    void demoRunsOnBothEnginesAndPlotsBothSeries() {
        MainWindow window;
        window.show();
        QSignalSpy finished(window.comparison(), &ComparisonRun::finished);
        window.loadDemo();
        if (finished.isEmpty()) {
            QVERIFY(finished.wait(60000));
        }
        QVERIFY2(window.comparison()->wasmError().isEmpty(), qPrintable(window.comparison()->wasmError()));
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("native")), MainWindow::kCallsPerRun);
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), MainWindow::kCallsPerRun);
        QVERIFY(window.comparison()->resultsIdentical());
        // Timed warm by default: both engines ran untimed first, and the status bar says so.
        QCOMPARE(window.warmupMs(), MainWindow::kWarmupMs);
        QVERIFY(window.comparison()->nativeWarmupRuns() > 0);
        QVERIFY(window.comparison()->wasmWarmupRuns() > 0);
        QVERIFY2(window.statusText().contains(QStringLiteral("wasm: 50 warm calls")), qPrintable(window.statusText()));
        QVERIFY2(window.statusToolTip().contains(QStringLiteral("wasm %1").arg(window.comparison()->wasmWarmupRuns())),
                 qPrintable(window.statusToolTip()));

        const QString dir = qEnvironmentVariable("BI_SCREENSHOT_DIR", QDir::tempPath());
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QStringLiteral("/main-window.png")));
    }

    void warmupActionTurnsTheWarmupOffAndKeepsTheChoice() {
        {
            MainWindow window;
            QAction* warmup = window.action(QStringLiteral("warmup"));
            QVERIFY(warmup != nullptr && warmup->isCheckable() && warmup->isChecked());
            QCOMPARE(warmup->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+W")));
            warmup->trigger();
            QVERIFY(!warmup->isChecked());
            QCOMPARE(window.warmupMs(), 0);
            QSignalSpy finished(window.comparison(), &ComparisonRun::finished);
            window.loadDemo();
            if (finished.isEmpty()) {
                QVERIFY(finished.wait(60000));
            }
            QCOMPARE(window.comparison()->nativeWarmupRuns(), 0);
            QCOMPARE(window.comparison()->wasmWarmupRuns(), 0);
            QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), MainWindow::kCallsPerRun);
            QVERIFY2(!window.statusText().contains(QStringLiteral("warm")), qPrintable(window.statusText()));
            QVERIFY(window.statusToolTip().contains(QStringLiteral("Timed cold")));
        }
        MainWindow reopened; // the choice is kept
        QCOMPARE(reopened.warmupMs(), 0);
        QVERIFY(!reopened.action(QStringLiteral("warmup"))->isChecked());
        reopened.setWarmup(true);
        QCOMPARE(reopened.warmupMs(), MainWindow::kWarmupMs);
    }

    void cancelStopsTheNativeWarmup() {
        WasmHost host; // never started: the wasm half fails at once
        ComparisonRun run(&host);
        QElapsedTimer clock;
        clock.start();
        run.start(ScenarioGenerator::scenario(2000, 10), 5, QStringLiteral("plan"), 10000);
        QTest::qWait(100);
        run.cancel();
        QFuture<NativeEngine::RunOutcome> future = run.nativeFuture();
        future.waitForFinished();
        // Stopped within a run of the cancel, not at the end of the 10 s budget.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(run.nativeRecords().empty());
    }

    void missingModuleKeepsNativeSeriesAndSaysWhy() {
        qputenv("BI_WASM_DIR", "/nonexistent-wasm-dir");
        MainWindow window;
        QSignalSpy finished(window.comparison(), &ComparisonRun::finished);
        window.loadDemo();
        if (finished.isEmpty()) {
            QVERIFY(finished.wait(60000));
        }
        qunsetenv("BI_WASM_DIR");
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("native")), MainWindow::kCallsPerRun);
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), 0);
        QVERIFY2(window.comparison()->wasmError().contains(QStringLiteral("wasm module missing")),
                 qPrintable(window.comparison()->wasmError()));
    }

    void anyOpGoesThroughTheGenericRequest() {
        WasmHost host;
        QSignalSpy answered(&host, &WasmHost::answered);
        QSignalSpy failed(&host, &WasmHost::requestFailed);
        host.start();
        const int bad = host.request(QStringLiteral("no-such-op"), bi::json::Value::object());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QCOMPARE(failed.first().at(0).toInt(), bad);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QFile demo(QStringLiteral(BI_SOURCE_DIR "/resources/demo/checkout.scenario.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const int run = host.runScenario(demo.readAll(), QStringLiteral("plan"), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30000);
        QCOMPARE(answered.first().at(0).toInt(), run);
        QCOMPARE(answered.first().at(1).toString(), QStringLiteral("run"));
        QCOMPARE(host.pendingCount(), 0);
    }

    void hostDyingMidSessionIsShownAndRestartBringsWasmBack() {
        // A "node" that relays the real host's hello and first answer, then exits with code 3.
        qputenv("BI_NODE", BI_FIXTURE_DIR "/node-dies-after-one-answer.sh");
        // Unset on every exit: a failed check here must not hand later tests a dying node.
        const auto restoreNode = qScopeGuard([] { qunsetenv("BI_NODE"); });
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.comparison(), &ComparisonRun::finished);
        window.loadDemo();
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), MainWindow::kCallsPerRun);
        QTRY_VERIFY_WITH_TIMEOUT(!window.hostProblem().isEmpty(), 20000);
        // The records of the answered run stay, and the status says the host exited.
        QVERIFY2(window.hostStatusText().contains(QStringLiteral("exited (exit code 3")), qPrintable(window.hostStatusText()));
        QVERIFY2(window.hostProblem().contains(QStringLiteral("simulated crash")), qPrintable(window.hostProblem()));
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("native")), MainWindow::kCallsPerRun);
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), MainWindow::kCallsPerRun);
        QCOMPARE(window.hostReports(), 1);
        // The status message (left) is not covered by the permanent labels (right).
        const QString message = window.statusBar()->currentMessage();
        QVERIFY(message.contains(QStringLiteral("wasm engine unavailable")));
        auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("hostLabel"));
        QVERIFY(label != nullptr);
        const int messageWidth = window.statusBar()->fontMetrics().horizontalAdvance(message);
        QTRY_VERIFY2_WITH_TIMEOUT(label->geometry().left() > messageWidth,
                                  qPrintable(QStringLiteral("label at %1, message %2 px wide")
                                                 .arg(label->geometry().left())
                                                 .arg(messageWidth)),
                                  5000);

        // A run with the host gone: native results shown, the same failure not reported twice.
        finished.clear();
        window.action(QStringLiteral("rerun"))->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("native")), MainWindow::kCallsPerRun);
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), 0);
        QVERIFY2(window.hostStatusText().contains(QStringLiteral("exited")), qPrintable(window.hostStatusText()));
        QCOMPARE(window.hostReports(), 1);


        qunsetenv("BI_NODE");
        finished.clear();
        window.action(QStringLiteral("restartHost"))->trigger();
        QVERIFY(finished.wait(60000));
        QVERIFY2(window.comparison()->wasmError().isEmpty(), qPrintable(window.comparison()->wasmError()));
        QCOMPARE(window.overheadPlot()->pointCount(QStringLiteral("wasm")), MainWindow::kCallsPerRun);
        QVERIFY(window.hostProblem().isEmpty());
        QVERIFY(window.hostStatusText().isEmpty());
        QVERIFY(window.statusText().contains(QStringLiteral("results identical")));
    }

    void depthSweepRunsPlanAndLegacyOnBothEngines() {
        WasmHost host;
        SweepRunner sweep(&host);
        QSignalSpy finished(&sweep, &SweepRunner::finished);
        host.start();
        sweep.setWarmupMs(100);
        sweep.startDepthSweep({1, 4}, 1);
        QVERIFY(finished.wait(60000));
        // Only the first size of each strategy warms up, on both engines.
        QVERIFY(sweep.nativeWarmupRuns() >= 2);
        QVERIFY(sweep.wasmWarmupRuns() >= 2);
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("listener depth levels"));
        const auto curves = finished.first().at(1).value<QMap<QString, QVector<ScalingPlot::Point>>>();
        QCOMPARE(curves.keys(), (QStringList{"native legacy", "native plan", "wasm legacy", "wasm plan"}));
        for (const auto& points : curves) {
            QCOMPARE(points.size(), 2);
            QCOMPARE(points[0].size, 1.0);
            QCOMPARE(points[1].size, 4.0);
            QVERIFY(points[1].micros > 0);
        }
    }

    void documentSweepExtractsOnBothEngines() {
        WasmHost host;
        SweepRunner sweep(&host);
        QSignalSpy ready(&host, &WasmHost::ready);
        QSignalSpy finished(&sweep, &SweepRunner::finished);
        host.start();
        QVERIFY(ready.wait(30000)); // wasm joins the document curve only when the host runs
        sweep.setWarmupMs(100);
        sweep.startDocumentSweep({1000, 20000}, 2);
        QVERIFY(finished.wait(60000));
        QVERIFY(sweep.nativeWarmupRuns() >= 2);
        QVERIFY(sweep.wasmWarmupRuns() >= 2);
        const auto curves = finished.first().at(1).value<QMap<QString, QVector<ScalingPlot::Point>>>();
        QCOMPARE(curves.keys(), (QStringList{"native extract", "wasm extract"}));
        for (const auto& points : curves) {
            QCOMPARE(points.size(), 2);
            QCOMPARE(points[1].size, 20000.0);
            QVERIFY(points[1].micros > 0);
        }
    }

    void cancelStopsTheNativeRepeatsBetweenRuns() {
        WasmHost host; // never started: the wasm half fails at once
        ComparisonRun run(&host);
        QSignalSpy progress(&run, &ComparisonRun::progress);
        QSignalSpy finished(&run, &ComparisonRun::finished);
        constexpr int kRepeat = 400;
        run.start(ScenarioGenerator::scenario(20000, 10), kRepeat);
        QVERIFY(progress.wait(30000));
        QCOMPARE(progress.last().at(1).toInt(), kRepeat);
        run.cancel();
        QVERIFY(!run.isRunning());
        QFuture<NativeEngine::RunOutcome> future = run.nativeFuture();
        future.waitForFinished();
        // Stopped at the next repeat, not after all of them.
        QVERIFY2(future.progressValue() < kRepeat, qPrintable(QString::number(future.progressValue())));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
        QVERIFY(run.nativeRecords().empty());
    }

    void cancelActionStopsTheWindowsRun() {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.loadScenario(ScenarioGenerator::scenario(60000, 10), QStringLiteral("big"));
        auto* cancel = window.statusBar()->findChild<QPushButton*>();
        QVERIFY(cancel != nullptr);
        QVERIFY(cancel->isVisible());
        QTest::keyClick(&window, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!window.comparison()->isRunning());
        QVERIFY(!cancel->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void missingNodeIsReportedPlainly() {
        qputenv("BI_NODE", "/nonexistent/node");
        const auto restoreNode = qScopeGuard([] { qunsetenv("BI_NODE"); });
        WasmHost host;
        QSignalSpy unavailable(&host, &WasmHost::unavailable);
        host.start();
        if (unavailable.isEmpty()) {
            QVERIFY(unavailable.wait(10000));
        }
        qunsetenv("BI_NODE");
        QVERIFY2(host.lastError().contains(QStringLiteral("Node.js")), qPrintable(host.lastError()));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
