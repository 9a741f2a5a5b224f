// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessReport.h"
#include "BoxPlot.h"
#include "ComparisonPlot.h"
#include "ComparisonRun.h"
#include "DocumentExtractor.h"
#include "EmbeddedResources.h"
#include "JsonFields.h"
#include "MainWindow.h"
#include "NativeEngine.h"
#include "OverheadPlot.h"
#include "PhaseBarsPlot.h"
#include "PlotExport.h"
#include "RecordExport.h"
#include "RecordStats.h"
#include "RunTimeline.h"
#include "ScalingPlot.h"
#include "SessionComparison.h"
#include "SweepRunner.h"
#include "WasmHost.h"
#include "core/Json.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

using bi::json::Value;

namespace {
constexpr int kTimeoutMs = 120000; // a hung host must not hang the report

bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

template <typename Signal> void waitFor(const typename QtPrivate::FunctionPointer<Signal>::Object* sender,
                                        Signal signal, const std::function<bool()>& running) {
    if (!running()) {
        return;
    }
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

std::vector<bi::trace::TimingRecord> joined(const ComparisonRun& run) {
    auto all = run.nativeRecords();
    all.insert(all.end(), run.wasmRecords().begin(), run.wasmRecords().end());
    return all;
}

void engineRow(QTextStream& md, const char* engine, const std::vector<bi::trace::TimingRecord>& records) {
    const RecordStats::Box b = RecordStats::totals(records);
    md << "| " << engine << " | " << records.size() << " | " << QString::number(b.median, 'f', 2) << " | "
       << QString::number(b.p95, 'f', 2) << " | " << QString::number(b.p99, 'f', 2) << " |\n";
}

struct Inputs {
    QByteArray scenario;
    QString name = QStringLiteral("demo: checkout");
    QStringList documents;
};

bool readInputs(const QStringList& files, Inputs& in, QTextStream& err) {
    QString scenarioFile = QStringLiteral(":/demo/checkout.scenario.json");
    for (const QString& f : files) {
        if (DocumentExtractor::isDocumentFile(f)) {
            in.documents << f;
        } else if (scenarioFile.startsWith(QLatin1Char(':'))) {
            scenarioFile = f;
            in.name = QFileInfo(f).fileName();
        }
    }
    QFile f(scenarioFile);
    if (!f.open(QIODevice::ReadOnly)) {
        err << "boundary-inspector: cannot open " << scenarioFile << '\n';
        return false;
    }
    in.scenario = f.readAll();
    return true;
}

void writeSteps(QTextStream& md, const Inputs& in) {
    const auto traced = NativeEngine::runTraced(in.scenario, QStringLiteral("plan"));
    if (!traced.ok) {
        return;
    }
    const Value scenario = bi::json::parse(std::string_view(in.scenario.constData(), static_cast<std::size_t>(in.scenario.size())));
    const Value result = bi::json::parse(std::string_view(traced.resultJson.constData(), static_cast<std::size_t>(traced.resultJson.size())));
    const Value* state = scenario.find("state");
    const RunTimeline t = RunTimeline::build(state != nullptr ? *state : Value::object(), result, QStringLiteral("plan"));
    md << "## Steps (plan strategy, " << (t.size() - 1) << " after the initial state)\n\n";
    md << "| step | changes | boundary calls of its run (engine count) | paths |\n|---|---|---|---|\n";
    for (int i = 1; i < t.size(); ++i) {
        QStringList paths;
        for (const auto& c : t.at(i).diff) {
            paths << c.path;
        }
        md << "| " << t.at(i).label << " | " << t.at(i).diff.size() << " | " << t.at(i).boundaryCalls << " | "
           << paths.join(QStringLiteral(", ")).left(200) << " |\n";
    }
    md << '\n';
}

void writeDocuments(QTextStream& md, const QStringList& documents) {
    if (documents.isEmpty()) {
        return;
    }
    md << "## Documents\n\n| document | mime | characters | chunks | first heading |\n|---|---|---|---|---|\n";
    for (const QString& path : documents) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            md << "| " << path << " | unreadable | | | |\n";
            continue;
        }
        const QString mime = DocumentExtractor::mimeForFileName(path);
        try {
            const Value r = DocumentExtractor::extract(f.readAll(), mime, {});
            const Value* chunks = bi::models::arrayField(r, "chunks");
            // The document's own first heading (metadata.headings), not the first chunk's context.
            QString heading;
            const Value* meta = r.find("metadata");
            const Value* headings = meta != nullptr ? meta->find("headings") : nullptr;
            if (headings != nullptr && headings->isArray() && !headings->asArray().empty()) {
                heading = bi::models::stringField(headings->asArray()[0], "text");
            }
            md << "| " << QFileInfo(path).fileName() << " | " << mime << " | "
               << bi::models::stringField(r, "content").size() << " | "
               << (chunks != nullptr ? chunks->asArray().size() : 0) << " | " << heading << " |\n";
        } catch (const std::exception& e) {
            md << "| " << QFileInfo(path).fileName() << " | " << mime << " | error: " << e.what() << " | | |\n";
        }
    }
    md << '\n';
}
} // namespace

int HeadlessReport::run(const QString& dir, const QStringList& files) {
    registerEmbeddedResources();
    QTextStream err(stderr);
    if (!QDir().mkpath(dir)) {
        err << "boundary-inspector: cannot create report directory " << dir << '\n';
        return 2;
    }
    Inputs in;
    if (!readInputs(files, in, err)) {
        return 2;
    }
    WasmHost host;
    ComparisonRun run(&host);
    ComparisonRun legacy(&host);
    SweepRunner sweep(&host);
    sweep.setWarmupMs(MainWindow::kWarmupMs);
    host.start();
    run.start(in.scenario, MainWindow::kCallsPerRun, QStringLiteral("plan"), MainWindow::kWarmupMs);
    waitFor(&run, &ComparisonRun::finished, [&] { return run.isRunning(); });
    if (!run.nativeError().isEmpty()) {
        err << "boundary-inspector: " << in.name << ": " << run.nativeError() << '\n';
        return 2;
    }
    const QString wasmProblem = run.isRunning() ? QStringLiteral("the wasm host did not answer within 120 s")
                                                : run.wasmError();
    legacy.start(in.scenario, MainWindow::kCallsPerRun, QStringLiteral("legacy"), MainWindow::kWarmupMs);
    waitFor(&legacy, &ComparisonRun::finished, [&] { return legacy.isRunning(); });
    // Results in the order the sweeps ran: batch sizes, document sizes, listener depths.
    QList<QMap<QString, QVector<ScalingPlot::Point>>> sweeps;
    QObject::connect(&sweep, &SweepRunner::finished, [&sweeps](const QString&, const auto& c) { sweeps.append(c); });
    sweep.start({1, 8, 64, 512}, 5);
    waitFor(&sweep, &SweepRunner::finished, [&] { return sweep.isRunning(); });
    sweep.startDocumentSweep({1000, 10000, 100000}, 3);
    waitFor(&sweep, &SweepRunner::finished, [&] { return sweep.isRunning(); });
    sweep.startDepthSweep({1, 2, 4, 8, 16}, 5);
    waitFor(&sweep, &SweepRunner::finished, [&] { return sweep.isRunning(); });
    const auto curves = sweeps.value(0);
    const auto documentCurves = sweeps.value(1);
    const auto depthCurves = sweeps.value(2);

    const QDir out(dir);
    OverheadPlot timeline;
    timeline.setSeries(QStringLiteral("native"), run.nativeRecords());
    timeline.setSeries(QStringLiteral("wasm"), run.wasmRecords());
    bool ok = timeline.savePng(out.filePath(QStringLiteral("overhead.png")), 1000, 600);
    PhaseBarsPlot phases;
    phases.setRecords(run.nativeRecords(), run.wasmRecords());
    ok = PlotExport::save(&phases, out.filePath(QStringLiteral("phases.png")), 1200, 600) && ok;
    BoxPlot boxes;
    auto both = joined(run);
    const auto legacyRecords = joined(legacy);
    auto allStrategies = both;
    allStrategies.insert(allStrategies.end(), legacyRecords.begin(), legacyRecords.end());
    boxes.setRecords(allStrategies);
    ok = PlotExport::save(&boxes, out.filePath(QStringLiteral("boxplots.png")), 1000, 600) && ok;
    ScalingPlot scaling;
    scaling.setCurves(QStringLiteral("changes per batch"), curves);
    ok = PlotExport::save(&scaling, out.filePath(QStringLiteral("scaling.png")), 1000, 600) && ok;
    ScalingPlot documentScaling;
    documentScaling.setCurves(QStringLiteral("document bytes"), documentCurves);
    ok = PlotExport::save(&documentScaling, out.filePath(QStringLiteral("scaling-documents.png")), 1000, 600) && ok;
    ScalingPlot depthScaling;
    depthScaling.setCurves(QStringLiteral("listener depth levels"), depthCurves);
    ok = PlotExport::save(&depthScaling, out.filePath(QStringLiteral("scaling-depth.png")), 1000, 600) && ok;
    const auto rows = SessionComparison::compare(legacyRecords, both);
    ComparisonPlot comparison;
    comparison.setComparison(rows, QStringLiteral("legacy"), QStringLiteral("plan"));
    ok = PlotExport::save(&comparison, out.filePath(QStringLiteral("comparison.png")), 1000, 600) && ok;
    ok = writeFile(out.filePath(QStringLiteral("records.json")), RecordExport::toJson(both)) && ok;
    ok = writeFile(out.filePath(QStringLiteral("records.csv")), RecordExport::toCsv(both)) && ok;
    ok = writeFile(out.filePath(QStringLiteral("records.trace.json")), RecordExport::toChromeTrace(both)) && ok;

    QString summary;
    QTextStream md(&summary);
    md << "# Boundary Inspector report\n\n";
    md << "Scenario: " << in.name << "\n\n";
    md << "Each engine ran the scenario untimed for " << MainWindow::kWarmupMs << " ms first (native "
       << run.nativeWarmupRuns() << " runs, wasm " << run.wasmWarmupRuns()
       << " runs), so that the wasm calls are timed after V8's tier-up.\n\n";
    md << "| engine | calls | median total (µs) | p95 (µs) | p99 (µs) |\n|---|---|---|---|---|\n";
    engineRow(md, "native", run.nativeRecords());
    engineRow(md, "wasm", run.wasmRecords());
    md << '\n';
    if (!wasmProblem.isEmpty()) {
        md << "wasm engine unavailable: " << wasmProblem << "\n\n";
    } else {
        md << "Native and wasm results: " << (run.resultsIdentical() ? "identical" : "DIFFER") << "\n\n";
    }
    md << "## Old vs new (legacy vs plan strategy)\n\n"
       << SessionComparison::toMarkdown(rows, QStringLiteral("legacy"), QStringLiteral("plan")) << '\n';
    writeSteps(md, in);
    writeDocuments(md, in.documents);
    md << "## Plots\n\n![per-call time](overhead.png)\n\n![phases per call](phases.png)\n\n"
       << "![distributions](boxplots.png)\n\n![scaling](scaling.png)\n\n![document scaling](scaling-documents.png)\n\n"
       << "![listener depth, plan vs legacy](scaling-depth.png)\n\n"
       << "![legacy vs plan](comparison.png)\n\n"
       << "Records: records.json, records.csv, records.trace.json (open in Perfetto or chrome://tracing).\n";
    md.flush();
    ok = writeFile(out.filePath(QStringLiteral("summary.md")), summary.toUtf8()) && ok;
    if (!ok) {
        err << "boundary-inspector: cannot write the report into " << dir << '\n';
        return 2;
    }
    QTextStream(stdout) << "report written to " << out.absolutePath() << '\n';
    return 0;
}
