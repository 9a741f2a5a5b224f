// SPDX-License-Identifier: GPL-3.0-or-later
// bench_gui [--json FILE] [--nodes N]: opening a big state and stepping over it,
// the way the window does it (parse, model, view shown, events processed).
#include "GroupStepper.h"
#include "NativeEngine.h"
#include "RunPanel.h"
#include "ScenarioGenerator.h"
#include "StateTreeModel.h"
#include "StateTreeView.h"
#include "core/Json.h"
#include "trace/TimingRecord.h"

#include <QApplication>
#include <QFile>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <vector>

using bi::json::Value;

namespace {
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

Value parse(const QByteArray& b) {
    return bi::json::parse(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
}

// Parse the state, hand it to the tree, show it, let it lay out and paint.
double openState(const QByteArray& scenarioText) {
    const double t0 = bi::trace::nowMicros();
    const Value scenario = parse(scenarioText);
    StateTreeView view;
    view.resize(900, 700);
    view.setState(std::make_shared<const Value>(*scenario.find("state")));
    view.show();
    view.view()->expand(view.model()->index(0, 0));
    QApplication::processEvents();
    view.grab(); // forces a paint of the visible rows
    return (bi::trace::nowMicros() - t0) / 1000.0;
}
} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QString jsonFile;
    int nodes = 100000;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--json")) {
            jsonFile = args[i + 1];
        } else if (args[i] == QLatin1String("--nodes")) {
            nodes = args[i + 1].toInt();
        }
    }
    const QByteArray text = ScenarioGenerator::scenario(nodes, 20, 8);
    std::vector<double> opens;
    for (int i = 0; i < 5; ++i) {
        opens.push_back(openState(text));
    }

    // Stepping: the run panel over the same state, one step per group/batch.
    const auto traced = NativeEngine::runTraced(text, QStringLiteral("plan"));
    if (!traced.ok) {
        QTextStream(stderr) << "bench_gui: the engine rejected the generated scenario: " << traced.error << '\n';
        return 1;
    }
    RunPanel panel;
    panel.resize(1200, 800);
    panel.setRun(*parse(text).find("state"), parse(traced.resultJson), QStringLiteral("plan"));
    panel.show();
    panel.stateView()->view()->expand(panel.stateView()->model()->index(0, 0));
    QApplication::processEvents();
    std::vector<double> steps;
    for (int round = 0; round < 3; ++round) {
        panel.stepper()->first();
        QApplication::processEvents();
        for (int i = 1; i < panel.stepper()->count(); ++i) {
            const double t0 = bi::trace::nowMicros();
            panel.stepper()->next();
            QApplication::processEvents();
            steps.push_back((bi::trace::nowMicros() - t0) / 1000.0);
        }
    }
    const double openMs = median(opens);
    const double stepMs = median(steps);
    const double stepMax = steps.empty() ? 0 : *std::max_element(steps.begin(), steps.end());
    QTextStream out(stdout);
    out << "| measure | nodes | median (ms) | max (ms) | target (ms) |\n|---|---|---|---|---|\n";
    out << "| open state | " << nodes << " | " << QString::number(openMs, 'f', 1) << " | "
        << QString::number(*std::max_element(opens.begin(), opens.end()), 'f', 1) << " | 1000 |\n";
    out << "| one step | " << nodes << " | " << QString::number(stepMs, 'f', 2) << " | "
        << QString::number(stepMax, 'f', 2) << " | 16 |\n";
    if (!jsonFile.isEmpty()) {
        Value doc = Value::object();
        doc.set("bench", "gui");
        doc.set("nodes", nodes);
        doc.set("open_state_ms", openMs);
        doc.set("step_ms", stepMs);
        doc.set("step_max_ms", stepMax);
        doc.set("steps", static_cast<int>(steps.size()));
        QFile f(jsonFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return 1;
        }
        f.write(QByteArray::fromStdString(bi::json::write(doc)) + '\n');
    }
    return 0;
}
