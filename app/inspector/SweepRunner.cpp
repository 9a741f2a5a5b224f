// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepRunner.h"

#include "DocumentExtractor.h"
#include "JsonFields.h"
#include "NativeEngine.h"
#include "RecordStats.h"
#include "ScenarioGenerator.h"
#include "WarmUp.h"
#include "WasmHost.h"
#include "trace/TimingRecord.h"

#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>
#include <algorithm>

SweepRunner::SweepRunner(WasmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &WasmHost::runFinished, this,
            [this](int id, const QByteArray&, const std::vector<bi::trace::TimingRecord>& records,
                   int warmupRuns) {
                if (id == wasmRequest_) {
                    wasmWarmupRuns_ += warmupRuns;
                    wasmDone(RecordStats::totals(records).median);
                }
            });
    connect(host_, &WasmHost::requestFailed, this, [this](int id, const QString&) {
        if (id == wasmRequest_) {
            wasmDone(-1); // the native curve still completes
        } else if (wasmExtracts_.contains(id)) {
            wasmTimes_.clear(); // one failed extraction: no wasm point for this size
            documentDone();
        }
    });
    connect(host_, &WasmHost::answered, this,
            [this](int id, const QString&, const bi::json::Value& message, const QByteArray&) {
                onExtractAnswered(id, message);
            });
}

void SweepRunner::start(const QList<int>& batchSizes, int repeat) {
    startScenarioSweep(Mode::Batches, batchSizes, {QStringLiteral("plan")}, repeat);
}

void SweepRunner::startDepthSweep(const QList<int>& depths, int repeat) {
    startScenarioSweep(Mode::Depths, depths, {QStringLiteral("plan"), QStringLiteral("legacy")}, repeat);
}

void SweepRunner::startScenarioSweep(Mode mode, const QList<int>& sizes, const QStringList& strategies,
                                     int repeat) {
    liveJob_->store(++job_);
    mode_ = mode;
    sizes_ = sizes;
    strategies_ = strategies;
    repeat_ = repeat;
    index_ = 0;
    curves_.clear();
    running_ = true;
    nativeWarmupRuns_ = 0;
    wasmWarmupRuns_ = 0;
    emit progress(0, taskCount());
    runNext();
}

int SweepRunner::taskCount() const {
    return static_cast<int>(sizes_.size() * strategies_.size());
}

void SweepRunner::cancel() {
    liveJob_->store(++job_);
    wasmExtracts_.clear();
    wasmRequest_ = -1;
    running_ = false;
    emit progress(0, 0);
}

void SweepRunner::runNext() {
    if (index_ >= taskCount()) {
        running_ = false;
        emit progress(0, 0);
        emit finished(mode_ == Mode::Depths ? tr("listener depth levels") : tr("changes per batch"), curves_);
        return;
    }
    const int size = currentSize();
    scenario_ = mode_ == Mode::Depths ? ScenarioGenerator::nestedScenario(size)
                                      : ScenarioGenerator::scenario(3000, size);
    const int job = job_;
    const QByteArray scenario = scenario_;
    const QString strategy = currentStrategy();
    const int repeat = repeat_;
    const int warmupMs = currentWarmupMs();
    auto* watcher = new QFutureWatcher<NativePoint>(this);
    connect(watcher, &QFutureWatcher<NativePoint>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        nativeDone(job, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([scenario, strategy, repeat, warmupMs, live = liveJob_, job] {
        const auto outcome = NativeEngine::runScenario(
            scenario, strategy, repeat, [&](int) { return live->load() == job; }, warmupMs);
        return NativePoint{outcome.ok ? RecordStats::totals(outcome.records).median : -1.0,
                           outcome.warmupRuns};
    }));
}

// Tasks run size by size, every strategy of a size before the next size.
int SweepRunner::currentSize() const {
    return sizes_[index_ / static_cast<int>(strategies_.size())];
}

QString SweepRunner::currentStrategy() const {
    return strategies_[index_ % static_cast<int>(strategies_.size())];
}

// Tier-up is per function, not per size: warming the first size of each strategy is enough.
int SweepRunner::currentWarmupMs() const {
    return index_ < strategies_.size() ? warmupMs_ : 0;
}

void SweepRunner::nativeDone(int job, NativePoint point) {
    if (job != job_) {
        return; // stale: cancelled or restarted
    }
    nativeWarmupRuns_ += point.warmupRuns;
    if (point.median >= 0) {
        curves_[QStringLiteral("native ") + currentStrategy()].push_back(
            {static_cast<double>(currentSize()), point.median});
    }
    wasmRequest_ = host_->runScenario(scenario_, currentStrategy(), repeat_, currentWarmupMs());
}

void SweepRunner::wasmDone(double median) {
    wasmRequest_ = -1;
    if (median >= 0) {
        curves_[QStringLiteral("wasm ") + currentStrategy()].push_back(
            {static_cast<double>(currentSize()), median});
    }
    ++index_;
    emit progress(index_, taskCount());
    runNext();
}

namespace {
QByteArray generatedHtml(int bytes) {
    QByteArray html = "<html><head><title>Generated</title></head><body>";
    for (int section = 0; html.size() < bytes; ++section) {
        html += "<h2>Section " + QByteArray::number(section) +
                "</h2><p>Values cross the boundary as bytes; "
                "each crossing costs an encode, a copy and a decode. Paragraph " +
                QByteArray::number(section) + ".</p>";
    }
    return html + "</body></html>";
}
} // namespace

// The host's `extract` op reads a file (docs/host-protocol.md): the generated
// document goes to a temporary file, extracted `repeat` times.
void SweepRunner::extractInWasm(int size) {
    wasmTimes_.clear();
    wasmExtracts_.clear();
    QFile file(scratch_.filePath(QStringLiteral("sweep-%1.html").arg(size)));
    if (!host_->isReady() || !scratch_.isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(generatedHtml(size)) < 0) {
        documentDone(); // no wasm point for this size; the native curve still completes
        return;
    }
    file.close();
    for (int i = 0; i < repeat_; ++i) {
        bi::json::Value options = bi::json::Value::object();
        options.set("mime", "text/html");
        options.set("max_chars", 1000);
        bi::json::Value params = bi::json::Value::object();
        params.set("file", file.fileName().toStdString());
        params.set("options", std::move(options));
        if (i == 0 && currentWarmupMs() > 0) { // the host answers in order: the first warms up for all
            params.set("warmup_ms", currentWarmupMs());
        }
        wasmExtracts_.insert(host_->request(QStringLiteral("extract"), std::move(params)));
    }
}

void SweepRunner::onExtractAnswered(int id, const bi::json::Value& message) {
    if (!wasmExtracts_.remove(id)) {
        return;
    }
    wasmWarmupRuns_ += bi::models::wholeField(message, "warmup_runs", 0);
    const bi::json::Value* timings = message.find("timings");
    if (timings != nullptr && timings->isArray() && !timings->asArray().empty()) {
        wasmTimes_.push_back(bi::trace::TimingRecord::fromJson(timings->asArray()[0]).total);
    }
    if (!wasmExtracts_.isEmpty()) {
        return;
    }
    if (!wasmTimes_.empty()) {
        std::sort(wasmTimes_.begin(), wasmTimes_.end());
        curves_[QStringLiteral("wasm extract")].push_back(
            {static_cast<double>(sizes_[index_]), wasmTimes_[wasmTimes_.size() / 2]});
    }
    documentDone();
}

void SweepRunner::documentDone() {
    wasmExtracts_.clear();
    ++index_;
    emit progress(index_, static_cast<int>(sizes_.size()));
    runNextDocument();
}

void SweepRunner::startDocumentSweep(const QList<int>& byteSizes, int repeat) {
    liveJob_->store(++job_);
    mode_ = Mode::Documents;
    sizes_ = byteSizes;
    strategies_ = {QStringLiteral("extract")};
    repeat_ = repeat;
    index_ = 0;
    curves_.clear();
    running_ = true;
    nativeWarmupRuns_ = 0;
    wasmWarmupRuns_ = 0;
    emit progress(0, static_cast<int>(sizes_.size()));
    runNextDocument();
}

void SweepRunner::runNextDocument() {
    if (index_ >= sizes_.size()) {
        running_ = false;
        emit progress(0, 0);
        emit finished(tr("document bytes"), curves_);
        return;
    }
    const int job = job_;
    const int size = sizes_[index_];
    const int repeat = repeat_;
    const int warmupMs = currentWarmupMs();
    auto* watcher = new QFutureWatcher<NativePoint>(this);
    connect(watcher, &QFutureWatcher<NativePoint>::finished, this, [this, watcher, job, size] {
        watcher->deleteLater();
        if (job != job_) {
            return; // stale: cancelled or restarted
        }
        const NativePoint point = watcher->result();
        nativeWarmupRuns_ += point.warmupRuns;
        if (point.median >= 0) {
            curves_[QStringLiteral("native extract")].push_back({static_cast<double>(size), point.median});
        }
        extractInWasm(size);
    });
    watcher->setFuture(QtConcurrent::run([size, repeat, warmupMs, live = liveJob_, job] {
        const QByteArray html = generatedHtml(size);
        DocumentExtractor::Options options;
        options.maxChars = 1000;
        options.fileName = QStringLiteral("generated.html");
        WarmUp warmUp(warmupMs);
        warmUp.run([&] { return live->load() == job; },
                   [&] { DocumentExtractor::extract(html, QStringLiteral("text/html"), options); });
        std::vector<double> times;
        for (int i = 0; i < repeat && live->load() == job; ++i) {
            const double t0 = bi::trace::nowMicros();
            DocumentExtractor::extract(html, QStringLiteral("text/html"), options);
            times.push_back(bi::trace::nowMicros() - t0);
        }
        std::sort(times.begin(), times.end());
        return NativePoint{times.empty() ? -1.0 : times[times.size() / 2], warmUp.runs()};
    }));
}
