// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"
#include "MainWindow.h"
#include "OverheadPlot.h"
#include "WasmHost.h"

#include <QDir>
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
