// SPDX-License-Identifier: GPL-3.0-or-later
// The item models and view logic of widgets/models, without widgets: every
// model under QAbstractItemModelTester, checked through text dumps.
#include "BatchModel.h"
#include "ChangeLogModel.h"
#include "ChunkListModel.h"
#include "ExecutionPlanModel.h"
#include "GroupStepper.h"
#include "JsonFields.h"
#include "JsonSearch.h"
#include "RecordExport.h"
#include "RecordRangeProxy.h"
#include "RecordStats.h"
#include "RecordTableModel.h"
#include "RegistrationModel.h"
#include "RunTimeline.h"
#include "ScenarioGenerator.h"
#include "Session.h"
#include "SessionComparison.h"
#include "StageModel.h"
#include "StateTreeModel.h"
#include "TextChunkSource.h"
#include "TimelineSelection.h"
#include "api/Commands.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using bi::json::Value;

namespace {
Value parseFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot open %s", qPrintable(path));
    }
    const QByteArray b = f.readAll();
    return bi::json::parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot open %s", qPrintable(path));
    }
    return f.readAll();
}

// The engine's real `bi run` document (what the inspector gets in-process).
Value engineRun(const QByteArray& scenario, const char* strategy, bool trace) {
    bi::api::RunOptions options;
    options.strategy = strategy;
    options.trace = trace;
    const auto out = bi::api::runScenario(std::string_view(scenario.constData(), static_cast<std::size_t>(scenario.size())),
                                          options);
    return bi::json::parse(out.json);
}

Value fixture() { return parseFile(QStringLiteral(BI_FIXTURE_DIR "/traced-run.json")); }
// A frozen copy of the first demo scenario: the demo itself evolves with the engine.
Value demoScenario() { return parseFile(QStringLiteral(BI_FIXTURE_DIR "/small.scenario.json")); }

// Indented "col0 | col1 | …" lines of any model (fetching lazily as a view would).
void dumpRows(const QAbstractItemModel& m, const QModelIndex& parent, int depth, int maxDepth, QStringList& out) {
    for (int r = 0; r < m.rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < m.columnCount(parent); ++c) {
            cells << m.index(r, c, parent).data().toString();
        }
        out << QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "));
        if (depth < maxDepth) {
            dumpRows(m, m.index(r, 0, parent), depth + 1, maxDepth, out);
        }
    }
}
QStringList dump(const QAbstractItemModel& m, int maxDepth = 8) {
    QStringList out;
    dumpRows(m, {}, 0, maxDepth, out);
    return out;
}

bi::trace::TimingRecord record(const char* engine, double total, double compute = 0, const char* strategy = "plan") {
    bi::trace::TimingRecord r;
    r.op = "run";
    r.engine = engine;
    r.strategy = strategy;
    r.total = total;
    r.compute = compute;
    return r;
}
} // namespace

class ModelsTest : public QObject {
    Q_OBJECT
private slots:
    void wholeFieldsTakeOnlyWholeNumbersInIntRange() {
        using bi::models::countField;
        using bi::models::wholeField;
        const Value o = bi::json::parse(
            R"({"id":7,"big":1e30,"neg":-1,"frac":2.5,"text":"3","list":[1,2,3],"max":2147483647})");
        QCOMPARE(wholeField(o, "id", -1), 7);
        QCOMPARE(wholeField(o, "max", -1), 2147483647);
        for (const char* key : {"big", "neg", "frac", "text", "list", "absent"}) {
            QCOMPARE(wholeField(o, key, -1), -1);
        }
        QCOMPARE(countField(o, "list"), 3);
        QCOMPARE(countField(o, "id"), 7);
        QCOMPARE(countField(o, "big"), 0);
        QCOMPARE(countField(o, "absent"), 0);
        // A loaded result whose run counts are out of range reads as unknown, not as garbage.
        const Value result = bi::json::parse(R"({"runs":[{"calls":4},{"calls":1e99},{"calls":-2},"x"]})");
        QCOMPARE(RunTimeline::runCalls(result), (std::vector<int>{4, -1, -1, -1}));
    }

    void stateTreeIsLazyAndShowsPaths() {
        StateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Value scenario = demoScenario();
        model.setState(std::make_shared<const Value>(*scenario.find("state")));
        QCOMPARE(model.rowCount(), 6);
        const QStringList top = dump(model, 0);
        QCOMPARE(top, (QStringList{"user | {3 keys} | object", "billing | {2 keys} | object",
                                   "shipping | {3 keys} | object", "orders | {2 keys} | object",
                                   "flags | {1 keys} | object", "audit | {2 keys} | object"}));
        const QModelIndex email = model.indexForPath(QStringLiteral("billing.email"));
        QVERIFY(email.isValid());
        QCOMPARE(email.siblingAtColumn(1).data().toString(), QStringLiteral("\"ada@example.org\""));
        QCOMPARE(model.pathForIndex(email), QStringLiteral("billing.email"));
        model.setChangedPaths({QStringLiteral("billing.email")});
        QVERIFY(email.data(StateTreeModel::ChangedRole).toBool());
        QVERIFY(model.index(1, 0).data(StateTreeModel::ChangedRole).toBool()); // the parent leads to it
        QVERIFY(!model.index(0, 0).data(StateTreeModel::ChangedRole).toBool());
    }

    void hugeStateBuildsOnlyWhatIsAsked() {
        const QByteArray text = ScenarioGenerator::scenario(100000, 10);
        const Value scenario = bi::json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        StateTreeModel model;
        model.setState(std::make_shared<const Value>(*scenario.find("state")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.builtNodeCount(), std::size_t(0));
        const QModelIndex item = model.indexForPath(QStringLiteral("pages.p120.i12034.v"));
        QVERIFY(item.isValid());
        QVERIFY2(model.builtNodeCount() < 1000, qPrintable(QString::number(model.builtNodeCount())));
    }

    void executionPlanNestsProducedChangesUnderTheirDispatch() {
        ExecutionPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(fixture());
        model.setCurrentStep(2);
        QCOMPARE(model.dump(), (QStringList{"run 0 · group 0 | 1 dispatches | ",
                                            "  dispatch d0 | mirror | 1",
                                            "    a.y | 2 | ",
                                            "run 0 · group 1 | 1 dispatches |  *",
                                            "  dispatch d1 | count | 1",
                                            "    b | true | "}));
        QCOMPARE(model.findKey(QStringLiteral("2")).data().toString(), QStringLiteral("run 0 · group 1"));
    }

    void stagesShowSkippedPathsWithTheirReason() {
        StageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(fixture());
        QCOMPARE(model.dump(), (QStringList{"run 0 | 1 | 2 |  | ",
                                            "  sync | 1 | 0 | 1 | 1.5 *",
                                            "    a.z | unchanged |  |  | ",
                                            "  listeners | 2 | 2 | 0 | 3.0"}));
    }

    void registrationsReadAsAWiringList() {
        RegistrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRegistrations(*fixture().find("registrations"));
        const QStringList d = model.dump();
        QCOMPARE(d.size(), 4);
        QCOMPARE(d[0], QStringLiteral("sync | 1 registered | "));
        QVERIFY2(d[1].startsWith(QStringLiteral("  s1 | billing.email → user.email | ")), qPrintable(d[1]));
        QVERIFY2(d[3].startsWith(QStringLiteral("  total | orders → orders.total | ")), qPrintable(d[3]));
    }

    void wiringReadsTheEnginesRegistrationSnapshot() {
        // The real shape: the engine's own snapshot of the demo (`bi run --trace`).
        const QByteArray text = readFile(QStringLiteral(BI_SOURCE_DIR "/resources/demo/checkout.scenario.json"));
        const Value scenario = bi::json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        const Value result = engineRun(text, "plan", true);
        RegistrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRegistrations(*result.find("registrations"), scenario);
        QStringList wiring; // "name | wiring" of every registration row
        for (const QString& line : model.dump()) {
            if (line.startsWith(QLatin1String("  "))) {
                wiring << line.trimmed().section(QStringLiteral(" | "), 0, 1);
            }
        }
        const QString all = wiring.join(QLatin1Char('\n'));
        // Logic: the inputs it reads → the whole concern path it writes.
        QVERIFY2(wiring.contains(QStringLiteral("disabledWhen · BoolLogic | flags.express → "
                                                "_concerns.shipping.email.disabledWhen")), qPrintable(all));
        QVERIFY2(wiring.contains(QStringLiteral("readonlyWhen · BoolLogic | orders.o1.status, orders.o1.qty → "
                                                "_concerns.orders.o1.total.readonlyWhen")), qPrintable(all));
        QVERIFY2(wiring.contains(QStringLiteral("label · ValueLogic | summary.sum → _concerns.summary.sum.label")),
                 qPrintable(all));
        QVERIFY2(wiring.contains(QStringLiteral("badge · ValueLogic | summary.status → _concerns.summary.status.badge")),
                 qPrintable(all));
        // Listeners: topics → what their produce items write (from the scenario).
        const Value* listeners = scenario.find("listeners");
        QVERIFY(listeners != nullptr && !listeners->asArray().empty());
        const Value& first = listeners->asArray()[0];
        const QString id = QString::fromStdString(first.find("id")->asString());
        const QString produced = QString::fromStdString(first.find("produce")->asArray()[0].find("path")->asString());
        bool found = false;
        for (const QString& w : wiring) {
            if (w.startsWith(id + QStringLiteral(" | ")) && w.contains(QStringLiteral(" → ") + produced)) {
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(id + QStringLiteral(" → ") + produced + QLatin1Char('\n') + all));
        QVERIFY2(wiring.contains(QStringLiteral("everything | (root) → ") +
                                 RegistrationModel::producedPaths(scenario).value(QStringLiteral("everything"))
                                     .join(QStringLiteral(", "))),
                 qPrintable(all));
        QVERIFY2(wiring.contains(QStringLiteral("computations #0 | SUM(orders.o1.total, orders.o2.total) → summary.sum")),
                 qPrintable(all));
    }

    void batchesAndTouchedChanges() {
        BatchModel batches;
        QAbstractItemModelTester tester(&batches, QAbstractItemModelTester::FailureReportingMode::QtTest);
        batches.setScenario(demoScenario());
        const QStringList d = batches.dump();
        QCOMPARE(d.first(), QStringLiteral("batch 0 | 2 changes"));
        QCOMPARE(d[1], QStringLiteral("  billing.email | \"ada@lovelace.dev\""));

        ChangeLogModel log;
        QAbstractItemModelTester logTester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Value scenario = demoScenario();
        std::vector<ChangeEntry> all;
        for (std::size_t b = 0; b < scenario.find("batches")->asArray().size(); ++b) {
            auto e = ChangeEntry::fromJson(scenario.find("batches")->asArray()[b], QStringLiteral("batch %1").arg(b));
            all.insert(all.end(), e.begin(), e.end());
        }
        log.setChanges(all);
        log.setFilterPath(QStringLiteral("orders.o2"));
        QCOMPARE(log.dump(), (QStringList{"batch 1 | orders.o2.status | \"open\"",
                                          "batch 3 | orders.o2 | {4 keys} *"}));
        log.setFilterPath(QStringLiteral("orders.o2.qty"));
        QCOMPARE(log.dump(), (QStringList{"batch 3 | orders.o2 | {4 keys}"}));
    }

    void timelineStepsThroughGroupsWithTheirStates() {
        const RunTimeline t = RunTimeline::build(Value::object(), fixture(), QStringLiteral("plan"));
        QCOMPARE(t.size(), 3);
        QCOMPARE(t.at(1).label, QStringLiteral("run 0 · group 0"));
        QCOMPARE(t.at(1).dispatchIds, QStringList{QStringLiteral("d0")});
        QCOMPARE(bi::json::write(*t.at(1).state), std::string(R"({"a":{"x":1,"y":2},"b":false})"));
        // Group 1 has no state_after: it is the previous state with the diff applied.
        QCOMPARE(bi::json::write(*t.at(2).state), std::string(R"({"a":{"x":1,"y":2},"b":true})"));
        // The run's own "calls", whatever the strategy claims to be.
        QCOMPARE(t.at(1).boundaryCalls, 1);
        QCOMPARE(t.at(2).boundaryCalls, 1);
        QCOMPARE(t.at(1).extraCalls, 0);
        Value unreported = fixture();
        unreported.find("runs")->asArray()[0].erase("calls");
        QCOMPARE(RunTimeline::build(Value::object(), unreported, QStringLiteral("plan")).at(1).boundaryCalls, -1);
        QCOMPARE(RunTimeline::totalCalls(unreported), -1);
    }

    void timelineCountsTheEnginesBoundaryCallsForBothStrategies() {
        const QByteArray scenario = readFile(QStringLiteral(BI_SOURCE_DIR "/resources/demo/checkout.scenario.json"));
        const Value plan = engineRun(scenario, "plan", true);
        const Value legacy = engineRun(scenario, "legacy", true);
        const Value untracedPlan = engineRun(scenario, "plan", false);
        const std::vector<int> planCalls = RunTimeline::runCalls(plan);
        const std::vector<int> legacyCalls = RunTimeline::runCalls(legacy);
        QVERIFY(planCalls.size() > 1);
        QCOMPARE(RunTimeline::runCalls(untracedPlan), planCalls);
        const RunTimeline p = RunTimeline::build(Value::object(), plan, QStringLiteral("plan"));
        const RunTimeline l = RunTimeline::build(Value::object(), legacy, QStringLiteral("legacy"), &untracedPlan);
        QVERIFY(p.size() > 3 && l.size() > 3);
        int extraSteps = 0;
        for (int i = 1; i < p.size(); ++i) {
            // Plan: prepare + finalize per run (docs/scenario-format.md), never "extra" against itself.
            QCOMPARE(p.at(i).boundaryCalls, 2);
            QCOMPARE(p.at(i).planCalls, 2);
            QCOMPARE(p.at(i).extraCalls, 0);
        }
        for (int i = 1; i < l.size(); ++i) {
            const auto run = static_cast<std::size_t>(l.at(i).run);
            QCOMPARE(l.at(i).boundaryCalls, legacyCalls[run]);
            QCOMPARE(l.at(i).planCalls, planCalls[run]);
            // Legacy adds createDispatchPlan and one route per level: at least 3 more here.
            QVERIFY2(l.at(i).boundaryCalls >= 5, qPrintable(QString::number(l.at(i).boundaryCalls)));
            QCOMPARE(l.at(i).extraCalls, legacyCalls[run] - planCalls[run]);
            extraSteps += l.at(i).extraCalls > 0 ? 1 : 0;
        }
        QCOMPARE(extraSteps, l.size() - 1);
        // Legacy without a plan run to compare with: its calls, but no "extra" claimed.
        const RunTimeline alone = RunTimeline::build(Value::object(), legacy, QStringLiteral("legacy"));
        QCOMPARE(alone.at(1).boundaryCalls, legacyCalls[0]);
        QCOMPARE(alone.at(1).extraCalls, 0);
        QCOMPARE(RunTimeline::totalCalls(plan), 2 * static_cast<int>(planCalls.size()));
    }

    // Without a trace the steps' states are computed from the report; registration's
    // writes (the demo's concerns) must be in step 0, or every later state misses them.
    void untracedTimelineStartsWithWhatRegistrationWrote() {
        const QByteArray text = readFile(QStringLiteral(BI_SOURCE_DIR "/resources/demo/checkout.scenario.json"));
        const Value scenario = bi::json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        for (const bool trace : {false, true}) {
            const Value result = engineRun(text, "plan", trace);
            const std::size_t written = result.find("registration_changes")->asArray().size();
            QVERIFY(written > 0);
            const RunTimeline t = RunTimeline::build(*scenario.find("state"), result, QStringLiteral("plan"));
            QCOMPARE(t.at(0).diff.size(), written);
            QVERIFY(t.at(0).label.contains(QStringLiteral("registration wrote")));
            QVERIFY(t.at(0).state->find("_concerns") != nullptr);
            QCOMPARE(bi::json::write(*t.at(t.size() - 1).state), bi::json::write(*result.find("final_state")));
        }
    }

    void nestedScenarioHasOneListenerLevelPerDepth() {
        for (int depth : {1, 3, 8}) {
            const QByteArray scenario = ScenarioGenerator::nestedScenario(depth);
            const Value plan = engineRun(scenario, "plan", false);
            const Value legacy = engineRun(scenario, "legacy", false);
            const Value& run = plan.find("runs")->asArray()[0];
            QCOMPARE(run.find("dispatches")->asArray().size(), static_cast<std::size_t>(depth));
            QCOMPARE(plan.find("final_state")->find("out")->asObject().size(), static_cast<std::size_t>(depth));
            QCOMPARE(RunTimeline::totalCalls(plan), 2);
            // Legacy: prepare, createDispatchPlan, one route per level, finalize.
            QCOMPARE(RunTimeline::totalCalls(legacy), 3 + depth);
        }
    }

    void timelineWithoutTraceHasOneStepPerRun() {
        Value result = fixture();
        result.find("runs")->asArray()[0].erase("trace");
        const RunTimeline t = RunTimeline::build(Value::object(), result, QStringLiteral("plan"));
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.at(1).diff.size(), std::size_t(3));
        QCOMPARE(bi::json::write(*t.at(1).state), std::string(R"({"a":{"x":1,"y":2},"b":true})"));
    }

    void stepperClampsAndPlays() {
        GroupStepper s;
        QSignalSpy changed(&s, &GroupStepper::currentChanged);
        s.setCount(4);
        s.back();
        QCOMPARE(s.current(), 0);
        s.next();
        s.next();
        s.last();
        s.next();
        QCOMPARE(s.current(), 3);
        QCOMPARE(changed.count(), 4); // 0 (reset), 1, 2, 3
        s.setIntervalMs(20);
        s.first();
        s.setPlaying(true);
        QTRY_COMPARE(s.current(), 3);
        QTRY_VERIFY(!s.isPlaying());
    }

    void selectionZoomsPansAndFilters() {
        TimelineSelection sel;
        QSignalSpy visible(&sel, &TimelineSelection::visibleRangeChanged);
        sel.setFullRange(0.5, 50.5);
        sel.zoom(0.5, 25.5);
        QCOMPARE(sel.visibleRange().span(), 25.0);
        sel.pan(-100);
        QCOMPARE(sel.visibleRange().from, 0.5); // clamped to the full range
        sel.zoom(100, 10);
        QCOMPARE(sel.visibleRange(), sel.fullRange());
        QVERIFY(visible.count() >= 3);
        QVERIFY(sel.accepts(3));
        sel.select(20, 10);
        QVERIFY(sel.accepts(10) && sel.accepts(20) && !sel.accepts(21));

        RecordTableModel table;
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<bi::trace::TimingRecord> native;
        std::vector<bi::trace::TimingRecord> wasm;
        for (int i = 0; i < 50; ++i) {
            native.push_back(record("native", 10 + i, 8));
            wasm.push_back(record("wasm", 100 + i, 8));
        }
        table.setRecords(QStringLiteral("native"), native);
        table.setRecords(QStringLiteral("wasm"), wasm);
        RecordRangeProxy proxy(&sel);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&table);
        QCOMPARE(proxy.rowCount(), 22); // calls 10..20 of both engines
        sel.clearSelection();
        QCOMPARE(proxy.rowCount(), 100);
        QCOMPARE(table.index(1, RecordTableModel::OverheadColumn).data().toString(), QStringLiteral("92.00"));
    }

    void percentilesAndComparison() {
        std::vector<double> v;
        for (int i = 1; i <= 100; ++i) {
            v.push_back(i);
        }
        QCOMPARE(RecordStats::percentile(v, 0.5), 50.5);
        QCOMPARE(RecordStats::percentile(v, 0.99), 99.01);
        const RecordStats::Box b = RecordStats::box(v);
        QCOMPARE(b.median, 50.5);
        QCOMPARE(b.count, 100);
        QVERIFY(b.outliers.empty());

        std::vector<bi::trace::TimingRecord> old{record("wasm", 40, 0, "legacy"), record("wasm", 40, 0, "legacy")};
        std::vector<bi::trace::TimingRecord> now{record("wasm", 10), record("wasm", 10)};
        const auto rows = SessionComparison::compare(old, now);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].ratio, 0.25);
        QVERIFY(SessionComparison::toMarkdown(rows, "legacy", "plan").contains(QStringLiteral("| wasm | run | 40.00 | 10.00 | 0.250× |")));
    }

    void recordsExport() {
        const std::vector<bi::trace::TimingRecord> records{record("native", 3, 1), record("wasm", 9, 1)};
        const QByteArray csv = RecordExport::toCsv(records);
        QVERIFY(csv.startsWith("op,strategy,engine,"));
        QCOMPARE(csv.count('\n'), 3);
        const QByteArray trace = RecordExport::toChromeTrace(records);
        const Value doc = bi::json::parse(std::string_view(trace.constData(), static_cast<std::size_t>(trace.size())));
        QVERIFY(doc.find("traceEvents") != nullptr && doc.find("traceEvents")->asArray().size() >= 2);
        QCOMPARE(RecordExport::forFileName(QStringLiteral("x.trace.json"), records), trace);
    }

    void sessionRoundTripsAndRejectsOtherVersions() {
        Session s;
        s.scenarioName = QStringLiteral("demo");
        s.scenarioText = R"({"state":{}})";
        s.createdAt = QStringLiteral("2026-01-01T00:00:00Z");
        s.native = {record("native", 3, 1)};
        s.wasm = {record("wasm", 9, 1)};
        s.resultJson = R"({"runs":[]})";
        s.identical = true;
        const Session back = Session::fromJson(s.toJson());
        QCOMPARE(back.scenarioName, s.scenarioName);
        QCOMPARE(back.scenarioText, s.scenarioText);
        QCOMPARE(back.native.size(), std::size_t(1));
        QCOMPARE(back.wasm.front().total, 9.0);
        QCOMPARE(back.resultJson, s.resultJson);
        QVERIFY(back.identical);
        QByteArray v2 = s.toJson();
        v2.replace("\"version\":1", "\"version\":2");
        try {
            Session::fromJson(v2);
            QFAIL("version 2 accepted");
        } catch (const std::exception& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("version 2")), e.what());
        }
    }

    void chunksStreamWithOffsetsAndHeadings() {
        const QString md = QStringLiteral("# Guide\n\nIntro paragraph here.\n\n## Setup\n\nInstall the thing, then "
                                          "run it. Ünïcödé is fine.\n\n## Use\n\nPress the button.\n");
        TextChunkSource source(md, 40, 0, true);
        ChunkListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Value chunk;
        int pulled = 0;
        while (source.next(chunk)) {
            model.appendChunk(chunk);
            ++pulled;
        }
        QCOMPARE(pulled, source.totalChunks());
        QVERIFY(pulled >= 3);
        // Chunks tile the text: each starts where the previous ended.
        double previousEnd = 0;
        for (const Value& c : model.chunks()) {
            const Value& meta = *c.find("metadata");
            QCOMPARE(meta.find("char_start")->asNumber(), previousEnd);
            previousEnd = meta.find("char_end")->asNumber();
        }
        QCOMPARE(previousEnd, double(md.size()));
        const QStringList d = model.dump();
        QVERIFY2(d.last().contains(QStringLiteral("Guide › Use")), qPrintable(d.join('\n')));
        // Byte offsets count UTF-8 (the ü, ï, ö, é take two bytes each).
        const Value& last = *model.chunks().back().find("metadata");
        QCOMPARE(last.find("byte_end")->asNumber(), double(md.toUtf8().size()));
    }

    void searchWalksTheWholeState() {
        JsonSearch search;
        search.setMatches(JsonSearch::find(*demoScenario().find("state"), QStringLiteral("email")));
        QCOMPARE(search.matches(), (QStringList{"user.email", "billing.email"}));
        QCOMPARE(search.next(), QStringLiteral("user.email"));
        QCOMPARE(search.next(), QStringLiteral("billing.email"));
        QCOMPARE(search.next(), QStringLiteral("user.email"));
        QCOMPARE(search.previous(), QStringLiteral("billing.email"));
        QCOMPARE(JsonSearch::find(*demoScenario().find("state"), QStringLiteral("cancel")).size(), 0);
        QCOMPARE(JsonSearch::find(*demoScenario().find("state"), QStringLiteral("express")),
                 (QStringList{"shipping.express", "flags.express"}));
    }
};

QTEST_MAIN(ModelsTest)
#include "ModelsTest.moc"
