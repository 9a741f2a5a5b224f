// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"
#include "MainWindow.h"
#include "OverheadPlot.h"
#include "WasmHost.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
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

        const QString dir = qEnvironmentVariable("BI_SCREENSHOT_DIR", QDir::tempPath());
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QStringLiteral("/main-window.png")));
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

    void missingNodeIsReportedPlainly() {
        qputenv("BI_NODE", "/nonexistent/node");
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
