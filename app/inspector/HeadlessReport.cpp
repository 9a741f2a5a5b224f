// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessReport.h"

#include "ComparisonRun.h"
#include "EmbeddedResources.h"
#include "MainWindow.h"
#include "OverheadPlot.h"
#include "WasmHost.h"
#include "core/Json.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {

double median(std::vector<double> v) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double medianTotal(const std::vector<bi::trace::TimingRecord>& records) {
    std::vector<double> totals;
    for (const auto& r : records) {
        totals.push_back(r.total);
    }
    return median(totals);
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray recordsJson(const ComparisonRun& run) {
    bi::json::Value all = bi::json::Value::array();
    for (const auto* list : {&run.nativeRecords(), &run.wasmRecords()}) {
        for (const auto& r : *list) {
            all.push(r.toJson());
        }
    }
    return QByteArray::fromStdString(bi::json::write(all)) + '\n';
}

} // namespace

int HeadlessReport::run(const QString& dir, const QStringList& files) {
    registerEmbeddedResources();
    QTextStream err(stderr);
    if (!QDir().mkpath(dir)) {
        err << "boundary-inspector: cannot create report directory " << dir << '\n';
        return 2;
    }
    QByteArray scenario;
    QString name = QStringLiteral("demo: checkout");
    QFile f(files.isEmpty() ? QStringLiteral(":/demo/checkout.scenario.json") : files.first());
    if (!f.open(QIODevice::ReadOnly)) {
        err << "boundary-inspector: cannot open " << f.fileName() << '\n';
        return 2;
    }
    scenario = f.readAll();
    if (!files.isEmpty()) {
        name = QFileInfo(files.first()).fileName();
    }

    WasmHost host;
    ComparisonRun run(&host);
    QEventLoop loop;
    QObject::connect(&run, &ComparisonRun::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit); // a hung host must not hang the report
    host.start();
    run.start(scenario, MainWindow::kCallsPerRun);
    if (run.isRunning()) {
        loop.exec();
    }
    if (!run.nativeError().isEmpty()) {
        err << "boundary-inspector: " << name << ": " << run.nativeError() << '\n';
        return 2;
    }
    const QString wasmProblem = run.isRunning() ? QStringLiteral("the wasm host did not answer within 120 s")
                                                : run.wasmError();

    OverheadPlot plot;
    plot.setSeries(QStringLiteral("native"), run.nativeRecords());
    plot.setSeries(QStringLiteral("wasm"), run.wasmRecords());
    const QString png = QDir(dir).filePath(QStringLiteral("overhead.png"));
    bool ok = plot.savePng(png, 1000, 600);
    ok = writeFile(QDir(dir).filePath(QStringLiteral("records.json")), recordsJson(run)) && ok;

    QString summary;
    QTextStream md(&summary);
    md << "# Boundary Inspector report\n\n";
    md << "Scenario: " << name << "\n\n";
    md << "| engine | calls | median total (µs) |\n|---|---|---|\n";
    md << "| native | " << run.nativeRecords().size() << " | " << medianTotal(run.nativeRecords()) << " |\n";
    md << "| wasm | " << run.wasmRecords().size() << " | " << medianTotal(run.wasmRecords()) << " |\n\n";
    if (!wasmProblem.isEmpty()) {
        md << "wasm engine unavailable: " << wasmProblem << "\n\n";
    } else {
        md << "Native and wasm results: " << (run.resultsIdentical() ? "identical" : "DIFFER") << "\n\n";
    }
    md << "![per-call time](overhead.png)\n";
    ok = writeFile(QDir(dir).filePath(QStringLiteral("summary.md")), summary.toUtf8()) && ok;
    if (!ok) {
        err << "boundary-inspector: cannot write the report into " << dir << '\n';
        return 2;
    }
    QTextStream(stdout) << "report written to " << QDir(dir).absolutePath() << '\n';
    return 0;
}
