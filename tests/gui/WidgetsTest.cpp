// SPDX-License-Identifier: GPL-3.0-or-later
// The docks driven with QTest input in the offscreen platform: stepping the
// demo scenario's groups with the keys, pulling chunks, the overlay, the
// palette, the timeline filter, themes, sessions; screenshots of each view.
#include "BoxPlot.h"
#include "ChunkListModel.h"
#include "CommandPalette.h"
#include <QDockWidget>
#include "ComparisonRun.h"
#include "DemoTour.h"
#include "DocumentPanel.h"
#include "GroupStepper.h"
#include "MainWindow.h"
#include "OverheadPanel.h"
#include "OverheadPlot.h"
#include "PhaseBarsPlot.h"
#include "PlotExport.h"
#include "RecordRangeProxy.h"
#include "RunPanel.h"
#include "ScenarioPanel.h"
#include "ShortcutOverlay.h"
#include "StateTreeModel.h"
#include "StateTreeView.h"
#include "ThemedPlot.h"
#include "TimelineSelection.h"
#include "WasmHost.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

namespace {
const char* const kMarkdown =
    "# Field guide\n\nThis guide explains the boundary between the host and the engine, and why every "
    "crossing costs time.\n\n## Encoding\n\nValues are encoded as JSON or as a compact binary layout before "
    "they cross. Each encoding has a price.\n\n## Copying\n\nBytes are copied into wasm memory unless the "
    "host writes them in place.\n\n## Streaming\n\nChunks come out one at a time so the first one is "
    "available early.\n\n## Arenas\n\nA batch of documents reuses one arena instead of allocating for each "
    "document, which keeps the allocator out of the measurements.\n\n## Reports\n\nThe headless report writes "
    "plots, records and a summary for people without a display.\n";

QString screenshotDir() {
    const QString dir = qEnvironmentVariable("BI_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    return dir;
}

QString stateText(StateTreeView* view, const QString& path) {
    return view->model()->indexForPath(path).siblingAtColumn(StateTreeModel::ValueColumn).data().toString();
}

bi::trace::TimingRecord record(const char* engine, double total) {
    bi::trace::TimingRecord r;
    r.op = "run";
    r.strategy = "plan";
    r.engine = engine;
    r.total = total;
    r.compute = total / 4;
    r.hostEncode = total / 8;
    r.copyIn = total / 8;
    return r;
}

void showActive(MainWindow& w) {
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowExposed(&w));
}

// The traced run behind the Run dock comes from a worker.
void waitForTrace(MainWindow& w) { QTRY_VERIFY_WITH_TIMEOUT(!w.isTracing(), 30000); }
} // namespace

class WidgetsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test settings file
        QSettings().clear();
    }

    void stepsForwardAndBackThroughTheDemoGroupsWithTheKeys() {
        MainWindow w;
        showActive(w);
        w.loadDemo();
        waitForTrace(w);
        RunPanel* run = w.runPanel();
        const RunTimeline& t = run->timeline();
        QVERIFY2(t.size() > 3, "the demo has several dispatch groups");
        QCOMPARE(run->stepper()->current(), 0);
        QCOMPARE(stateText(run->stateView(), QStringLiteral("billing.email")), QStringLiteral("\"ada@example.org\""));
        w.setFocus();
        for (int i = 1; i < t.size(); ++i) {
            QTest::keyClick(&w, Qt::Key_Period);
            QCOMPARE(run->stepper()->current(), i);
            // The tree shows exactly the state after this group.
            QCOMPARE(*run->stateView()->model()->state(), *t.at(i).state);
        }
        QTest::keyClick(&w, Qt::Key_Period); // past the end: stays on the last step
        QCOMPARE(run->stepper()->current(), t.size() - 1);
        for (int i = t.size() - 2; i >= 0; --i) {
            QTest::keyClick(&w, Qt::Key_Comma);
            QCOMPARE(run->stepper()->current(), i);
            QCOMPARE(*run->stateView()->model()->state(), *t.at(i).state);
        }
        QCOMPARE(stateText(run->stateView(), QStringLiteral("billing.email")), QStringLiteral("\"ada@example.org\""));
        // Step 1 marks what the batch and its first group changed.
        QTest::keyClick(&w, Qt::Key_Period);
        const QModelIndex email = run->stateView()->model()->indexForPath(QStringLiteral("billing.email"));
        QVERIFY(email.data(StateTreeModel::ChangedRole).toBool());
        QVERIFY(run->boundaryText().contains(QStringLiteral("⇄ 2 boundary calls")));
        // Plan is what "extra" is counted against: never extra against itself.
        QVERIFY2(!run->boundaryText().contains(QStringLiteral("extra")), qPrintable(run->boundaryText()));
        QTest::keyClick(&w, Qt::Key_End);
        QCOMPARE(run->stepper()->current(), t.size() - 1);
        QTest::keyClick(&w, Qt::Key_Home);
        QCOMPARE(run->stepper()->current(), 0);
    }

    void spacePlaysTheStepperAndPausesIt() {
        MainWindow w;
        showActive(w);
        w.loadDemo();
        waitForTrace(w);
        GroupStepper* stepper = w.runPanel()->stepper();
        stepper->setIntervalMs(20);
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(stepper->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(stepper->current() >= 2, 10000);
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(!stepper->isPlaying());
        const int at = stepper->current();
        QTest::qWait(100);
        QCOMPARE(stepper->current(), at);
    }

    void typingInTheStateSearchWalksTheMatches() {
        MainWindow w;
        showActive(w);
        w.loadDemo();
        waitForTrace(w);
        StateTreeView* tree = w.scenarioPanel()->stateView();
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier); // View → Find focuses the search line
        auto* line = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(line != nullptr);
        QVERIFY(tree->isAncestorOf(line));
        QTest::keyClicks(line, QStringLiteral("email"));
        const QStringList matches = tree->searchState().matches();
        QVERIFY2(matches.size() >= 3, qPrintable(matches.join(QLatin1Char(','))));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(tree->selectedPath(), matches[0]);
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(tree->selectedPath(), matches[1]);
        QTest::keyClick(line, Qt::Key_F3);
        QCOMPARE(tree->selectedPath(), matches[2]);
        QTest::keyClick(line, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(tree->selectedPath(), matches[1]);
    }

    void droppingAFileOpensItAndRecentFilesReopenIt() {
        MainWindow w;
        showActive(w);
        const QString file = QStringLiteral(BI_FIXTURE_DIR "/small.scenario.json");
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY2(w.windowTitle().endsWith(QStringLiteral("small.scenario.json")), qPrintable(w.windowTitle()));
        waitForTrace(w);
        QVERIFY(w.runPanel()->timeline().size() > 1);

        // File → Open recent lists it first; choosing it opens it again.
        QMenu* recent = nullptr;
        for (QMenu* m : w.menuBar()->findChildren<QMenu*>()) {
            if (m->title().remove(QLatin1Char('&')) == QLatin1String("Open recent")) {
                recent = m;
            }
        }
        QVERIFY(recent != nullptr);
        QVERIFY(!recent->actions().isEmpty());
        QAction* first = recent->actions().first();
        QVERIFY2(first->text().contains(QStringLiteral("small.scenario.json")), qPrintable(first->text()));
        w.loadDemo();
        QVERIFY(w.windowTitle().endsWith(QStringLiteral("demo: checkout")));
        first->trigger();
        QVERIFY2(w.windowTitle().endsWith(QStringLiteral("small.scenario.json")), qPrintable(w.windowTitle()));
    }

    void emptyTimelineSaysSoAndPhasesCutOutliers() {
        OverheadPanel panel;
        QVERIFY(panel.timeline()->showsPlaceholder());
        QVERIFY(!panel.timeline()->plot()->yAxis->visible());
        std::vector<bi::trace::TimingRecord> native;
        for (int i = 0; i < 40; ++i) {
            native.push_back(record("native", 10 + i % 5));
        }
        native[7].total = 5000; // one pause that would flatten every other bar
        panel.setRecords(native, {});
        QVERIFY(!panel.timeline()->showsPlaceholder());
        QVERIFY(panel.timeline()->plot()->yAxis->visible());
        QCOMPARE(panel.phases()->clampedCount(), 1);
        QVERIFY(panel.phases()->yAxis->range().upper < 100);
        QVERIFY(panel.phases()->yAxis->label().contains(QStringLiteral("1 taller call")));
        native[7].total = 12;
        panel.setRecords(native, {});
        QCOMPARE(panel.phases()->clampedCount(), 0);
        panel.setRecords({}, {});
        QVERIFY(panel.timeline()->showsPlaceholder());
    }

    void stateColumnsFitTheirContents() {
        StateTreeView view;
        const QHeaderView* h = view.view()->header();
        QCOMPARE(h->sectionResizeMode(StateTreeModel::ValueColumn), QHeaderView::ResizeToContents);
        QCOMPARE(h->sectionResizeMode(StateTreeModel::TypeColumn), QHeaderView::ResizeToContents);
        QVERIFY(!h->stretchLastSection());
    }

    void plotsExportToPdfAndSvg() {
        OverheadPanel panel;
        std::vector<bi::trace::TimingRecord> native;
        for (int i = 0; i < 20; ++i) {
            native.push_back(record("native", 5 + i % 7));
        }
        panel.setRecords(native, {});
        const QDir dir(QDir::temp().filePath(QStringLiteral("bi-export-test")));
        QDir().mkpath(dir.path());
        for (const QString& name : {QStringLiteral("plot.pdf"), QStringLiteral("plot.svg")}) {
            QFile::remove(dir.filePath(name));
            QVERIFY(PlotExport::save(panel.timeline()->plot(), dir.filePath(name), 800, 500));
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(bytes.size() > 1000, qPrintable(name));
            QVERIFY(name.endsWith(QLatin1String("pdf")) ? bytes.startsWith("%PDF") : bytes.contains("<svg"));
        }
    }

    void legacyStrategyMarksItsExtraBoundaryCalls() {
        MainWindow w;
        showActive(w);
        w.loadDemo();
        waitForTrace(w);
        w.action(QStringLiteral("legacy"))->trigger();
        QCOMPARE(w.runPanel()->strategy(), QStringLiteral("legacy"));
        waitForTrace(w);
        w.runPanel()->stepper()->setCurrent(2);
        // The engine's counts: legacy's run against the plan run of the same scenario.
        const RunTimeline::Step& step = w.runPanel()->timeline().at(2);
        QVERIFY(step.boundaryCalls >= 5);
        QCOMPARE(step.planCalls, 2);
        const QString text = w.runPanel()->boundaryText();
        QVERIFY2(text.contains(QStringLiteral("⇄ %1 boundary calls").arg(step.boundaryCalls)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+%1 extra vs plan (2)").arg(step.boundaryCalls - 2)), qPrintable(text));
    }

    void pullsThreeChunksAndHighlightsTheCurrentOne() {
        MainWindow w;
        showActive(w);
        DocumentPanel* doc = w.documentPanel();
        QSignalSpy done(doc, &DocumentPanel::extractionFinished);
        QSignalSpy failed(doc, &DocumentPanel::extractionFailed);
        w.openDocument(QStringLiteral("guide.md"), kMarkdown);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(doc->pulledCount(), 0);
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(&w, Qt::Key_N);
        }
        QCOMPARE(doc->pulledCount(), 3);
        QCOMPARE(doc->highlightCount(), 3);
        const bi::json::Value& third = doc->chunkModel()->chunks()[2];
        const bi::json::Value& meta = *third.find("metadata");
        const auto [start, end] = doc->currentHighlight();
        QCOMPARE(start, static_cast<int>(meta.find("char_start")->asNumber()));
        QCOMPARE(end, static_cast<int>(meta.find("char_end")->asNumber()));
        QCOMPARE(doc->extractedText().mid(start, end - start),
                 QString::fromStdString(third.find("content")->asString()));
        QVERIFY2(doc->chunkInfo().contains(QStringLiteral("chunk 3 ")), qPrintable(doc->chunkInfo()));
        QVERIFY2(doc->chunkInfo().contains(QStringLiteral("Field guide")), qPrintable(doc->chunkInfo()));
        w.raiseDock(QStringLiteral("document"));
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/document.png")));
    }

    void htmlChunksComeFromTheEngineStream() {
        DocumentPanel doc;
        QSignalSpy done(&doc, &DocumentPanel::extractionFinished);
        const QByteArray html = "<html><head><title>Guide</title></head><body><h1>Guide</h1><p>First paragraph "
                                "about encoding values before they cross.</p><h2>Copying</h2><p>Second paragraph "
                                "about copying bytes into memory, long enough to need its own chunk.</p>"
                                "<h2>Streaming</h2><p>Third paragraph about chunks that come one at a time.</p>"
                                "</body></html>";
        doc.setDocument(QStringLiteral("page.html"), html, QStringLiteral("text/html"));
        QVERIFY(done.wait(10000));
        QSignalSpy reset(&doc, &DocumentPanel::chunksReset);
        doc.setMaxChars(80);
        QVERIFY(doc.pulledCount() == 0 && reset.isEmpty()); // the new stream opens on a worker
        QVERIFY(reset.wait(10000));
        QVERIFY(doc.pullNext());
        QVERIFY(doc.pullNext());
        QCOMPARE(doc.pulledCount(), 2);
        const auto [start, end] = doc.currentHighlight();
        const bi::json::Value& second = doc.chunkModel()->chunks()[1];
        QCOMPARE(doc.extractedText().mid(start, end - start), QString::fromStdString(second.find("content")->asString()));
        QVERIFY2(!doc.extractedText().contains(QStringLiteral("<p>")), qPrintable(doc.extractedText()));
        doc.pullAll();
        QVERIFY(!doc.pullNext());
    }

    void demoTourPlaysEveryStep() {
        MainWindow w;
        showActive(w);
        QSignalSpy finished(w.comparison(), &ComparisonRun::finished);
        auto* tour = w.findChild<DemoTour*>();
        QVERIFY(tour != nullptr);
        tour->runAll();
        QVERIFY(w.runPanel()->stepper()->current() > 0);
        QVERIFY(!w.scenarioPanel()->stateView()->selectedPath().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    }

    void staleExtractionResultsAreDropped() {
        DocumentPanel doc;
        QSignalSpy done(&doc, &DocumentPanel::extractionFinished);
        doc.setDocument(QStringLiteral("a.txt"), "first document", QStringLiteral("text/plain"));
        doc.setDocument(QStringLiteral("b.txt"), "second document", QStringLiteral("text/plain"));
        QVERIFY(done.wait(10000));
        QTest::qWait(100);
        QCOMPARE(done.count(), 1);
        QCOMPARE(doc.extractedText(), QStringLiteral("second document"));
        doc.setDocument(QStringLiteral("c.txt"), "third", QStringLiteral("text/plain"));
        doc.cancel();
        QTest::qWait(300);
        QCOMPARE(done.count(), 1);
        QVERIFY(!doc.isBusy());
    }

    void overlayAndPaletteListTheActions() {
        MainWindow w;
        showActive(w);
        QTest::keyClick(&w, '?'); // the real key: no fallback to triggering the action
        QVERIFY(w.shortcutOverlay()->isVisible());
        const QStringList lines = w.shortcutOverlay()->lines();
        QVERIFY2(lines.contains(QStringLiteral("Run: Step next — .")), qPrintable(lines.join('\n')));
        QVERIFY(lines.contains(QStringLiteral("Window: Reset layout — Ctrl+Shift+R")));
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/shortcuts-overlay.png")));
        QTest::keyClick(w.shortcutOverlay(), Qt::Key_Escape);
        QVERIFY(!w.shortcutOverlay()->isVisible());
        // Every menu action has a shortcut.
        for (QAction* a : w.allActions()) {
            if (a->objectName() != QLatin1String("about")) {
                QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
            }
        }

        w.action(QStringLiteral("palette"))->trigger();
        QVERIFY(w.commandPalette()->isVisible());
        w.commandPalette()->setFilter(QStringLiteral("reset lay"));
        QCOMPARE(w.commandPalette()->visibleCommands(), QStringList{QStringLiteral("Reset layout")});
        w.dock(QStringLiteral("overhead"))->hide();
        w.commandPalette()->runSelected();
        QVERIFY(w.dock(QStringLiteral("overhead"))->isVisible());
    }

    void timelineSelectionFiltersTheRecordsTable() {
        OverheadPanel panel;
        std::vector<bi::trace::TimingRecord> native;
        std::vector<bi::trace::TimingRecord> wasm;
        for (int i = 0; i < 50; ++i) {
            native.push_back(record("native", 5 + i % 7));
            wasm.push_back(record("wasm", 40 + i % 11));
        }
        panel.setRecords(native, wasm);
        QCOMPARE(panel.recordProxy()->rowCount(), 100);
        panel.timeline()->selection()->select(10.5, 20.5);
        QCOMPARE(panel.recordProxy()->rowCount(), 20);
        panel.timeline()->traceAt(12);
        QVERIFY2(panel.timeline()->tracerText().startsWith(QStringLiteral("call 12 · native")),
                 qPrintable(panel.timeline()->tracerText()));
        panel.timeline()->selection()->zoom(0.5, 25);
        QCOMPARE(panel.timeline()->plot()->xAxis->range().size(), panel.timeline()->selection()->visibleRange().span());
        QCOMPARE(panel.boxes()->labels(), (QStringList{"native · plan", "wasm · plan"}));
    }

    void shiftDragOnTheTimelineSelectsCalls() {
        OverheadPanel panel;
        std::vector<bi::trace::TimingRecord> native;
        for (int i = 0; i < 50; ++i) {
            native.push_back(record("native", 5 + i % 7));
        }
        panel.setRecords(native, {});
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        ThemedPlot* plot = panel.timeline()->plot();
        plot->replot();
        const int y = plot->axisRect()->center().y();
        const QPoint from(static_cast<int>(plot->xAxis->coordToPixel(10.6)), y);
        const QPoint to(static_cast<int>(plot->xAxis->coordToPixel(15.4)), y);
        QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(plot, (from + to) / 2);
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY(panel.timeline()->selection()->hasSelection());
        QCOMPARE(panel.recordProxy()->rowCount(), 5); // calls 11..15
        QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY(!panel.timeline()->selection()->hasSelection());
        QCOMPARE(panel.recordProxy()->rowCount(), 50);
    }

    void darkPaletteRecoloursThePlots() {
        MainWindow w;
        showActive(w);
        ThemedPlot* plot = w.overheadPlot()->plot();
        w.setDarkTheme(true);
        QApplication::processEvents();
        QVERIFY(ThemedPlot::isDark(plot->palette()));
        QVERIFY(plot->axisRect()->backgroundBrush().color().lightness() < 100);
        QVERIFY(plot->xAxis->tickLabelColor().lightness() > 150);
        w.setDarkTheme(false);
        QApplication::processEvents();
        QVERIFY(plot->axisRect()->backgroundBrush().color().lightness() > 200);
    }

    void sessionSavesAndReopensWithItsResults() {
        MainWindow w;
        QSignalSpy finished(w.comparison(), &ComparisonRun::finished);
        w.loadDemo();
        QVERIFY(finished.wait(60000));
        const QString file = QDir::temp().filePath(QStringLiteral("bi-widgets-test.session.json"));
        QVERIFY(w.saveSession(file));
        MainWindow other;
        QVERIFY(other.openFile(file));
        waitForTrace(other);
        QCOMPARE(other.overheadPlot()->pointCount(QStringLiteral("native")), MainWindow::kCallsPerRun);
        QCOMPARE(other.session().native.size(), w.session().native.size());
        QVERIFY(other.runPanel()->timeline().size() > 1);
        QVERIFY(other.compareWithSession(file));
        QVERIFY(other.overheadPanel()->comparisonText().contains(QStringLiteral("1.00×")));
    }

    void screenshotsOfEachView() {
        MainWindow w;
        showActive(w);
        QSignalSpy finished(w.comparison(), &ComparisonRun::finished);
        QSignalSpy extracted(w.documentPanel(), &DocumentPanel::extractionFinished);
        w.loadDemo();
        w.loadDemoDocument(); // the embedded demo document, extracted by the engine
        QVERIFY(w.documentPanel()->documentName().startsWith(QStringLiteral("demo: ")));
        QVERIFY(finished.wait(60000));
        waitForTrace(w);
        if (extracted.isEmpty()) {
            QVERIFY(extracted.wait(10000));
        }
        QTest::keyClick(&w, Qt::Key_N);
        QTest::keyClick(&w, Qt::Key_N);
        QCOMPARE(w.documentPanel()->pulledCount(), 2);
        QVERIFY(w.dock(QStringLiteral("document"))->grab().save(screenshotDir() + QStringLiteral("/document-demo.png")));
        w.scenarioPanel()->stateView()->search(QStringLiteral("email"));
        w.scenarioPanel()->stateView()->findNext();
        w.runPanel()->stepper()->setCurrent(3);
        w.raiseDock(QStringLiteral("run"));
        const QString dir = screenshotDir();
        QVERIFY(w.grab().save(dir + QStringLiteral("/run.png")));
        w.scenarioPanel()->showTab(1);
        QVERIFY(w.dock(QStringLiteral("scenario"))->grab().save(dir + QStringLiteral("/scenario-wiring.png")));
        w.scenarioPanel()->showTab(2);
        QVERIFY(w.dock(QStringLiteral("scenario"))->grab().save(dir + QStringLiteral("/scenario-batches.png")));
        w.scenarioPanel()->showTab(0);
        QTest::keyClick(&w, Qt::Key_Period);
        QVERIFY(w.dock(QStringLiteral("run"))->grab().save(dir + QStringLiteral("/run-step4.png")));
        const QStringList tabs = {QStringLiteral("timeline"), QStringLiteral("phases"), QStringLiteral("boxplots")};
        for (int i = 0; i < tabs.size(); ++i) {
            w.overheadPanel()->showTab(i);
            QVERIFY(w.dock(QStringLiteral("overhead"))->grab().save(dir + QStringLiteral("/overhead-%1.png").arg(tabs[i])));
        }
        QSignalSpy legacy(w.comparison(), &ComparisonRun::finished);
        w.action(QStringLiteral("compareStrategies"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!w.overheadPanel()->comparisonText().isEmpty(), 60000);
        QVERIFY(w.dock(QStringLiteral("overhead"))->grab().save(dir + QStringLiteral("/overhead-comparison.png")));
        // The legacy run joins the distributions: a box per engine and strategy.
        QCOMPARE(w.overheadPanel()->boxes()->labels(),
                 (QStringList{"native · legacy", "native · plan", "wasm · legacy", "wasm · plan"}));
        w.overheadPanel()->showTab(2);
        QVERIFY(w.dock(QStringLiteral("overhead"))->grab().save(dir + QStringLiteral("/overhead-boxplots-legacy.png")));
        w.action(QStringLiteral("rerun"))->trigger(); // a new run: the old legacy boxes go
        QCOMPARE(w.overheadPanel()->boxes()->labels().filter(QStringLiteral("legacy")), QStringList());
        w.setDarkTheme(true);
        QApplication::processEvents();
        w.overheadPanel()->showTab(0);
        QVERIFY(w.grab().save(dir + QStringLiteral("/dark.png")));
        w.setDarkTheme(false);
    }
};

QTEST_MAIN(WidgetsTest)
#include "WidgetsTest.moc"
