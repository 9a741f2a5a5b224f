// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepRunner.h"
#include "NativeEngine.h"
#include "RecordStats.h"
#include "ScenarioGenerator.h"
#include "WasmHost.h"
#include "DocumentExtractor.h"
#include "trace/TimingRecord.h"

#include <QFutureWatcher>

#include <algorithm>
#include <QPointer>
#include <QtConcurrent>

SweepRunner::SweepRunner(WasmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &WasmHost::runFinished, this,
            [this](int id, const QByteArray&, const std::vector<bi::trace::TimingRecord>& records) {
                if (id == wasmRequest_) {
                    wasmDone(RecordStats::totals(records).median);
                }
            });
    connect(host_, &WasmHost::requestFailed, this, [this](int id, const QString&) {
        if (id == wasmRequest_) {
            wasmDone(-1); // the native curve still completes
        }
    });
}

void SweepRunner::start(const QList<int>& batchSizes, int repeat) {
    ++job_;
    documents_ = false;
    sizes_ = batchSizes;
    repeat_ = repeat;
    index_ = 0;
    curves_.clear();
    running_ = true;
    emit progress(0, static_cast<int>(sizes_.size()));
    runNext();
}

void SweepRunner::cancel() {
    ++job_;
    wasmRequest_ = -1;
    running_ = false;
    emit progress(0, 0);
}

void SweepRunner::runNext() {
    if (index_ >= sizes_.size()) {
        running_ = false;
        emit progress(0, 0);
        emit finished(tr("changes per batch"), curves_);
        return;
    }
    scenario_ = ScenarioGenerator::scenario(3000, sizes_[index_]);
    const int job = job_;
    const QByteArray scenario = scenario_;
    const int repeat = repeat_;
    auto* watcher = new QFutureWatcher<double>(this);
    connect(watcher, &QFutureWatcher<double>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        nativeDone(job, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([scenario, repeat] {
        const auto outcome = NativeEngine::runScenario(scenario, QStringLiteral("plan"), repeat);
        return outcome.ok ? RecordStats::totals(outcome.records).median : -1.0;
    }));
}

void SweepRunner::nativeDone(int job, double median) {
    if (job != job_) {
        return; // stale: cancelled or restarted
    }
    if (median >= 0) {
        curves_[QStringLiteral("native plan")].push_back({static_cast<double>(sizes_[index_]), median});
    }
    wasmRequest_ = host_->runScenario(scenario_, QStringLiteral("plan"), repeat_);
}

void SweepRunner::wasmDone(double median) {
    wasmRequest_ = -1;
    if (median >= 0) {
        curves_[QStringLiteral("wasm plan")].push_back({static_cast<double>(sizes_[index_]), median});
    }
    ++index_;
    emit progress(static_cast<int>(index_), static_cast<int>(sizes_.size()));
    runNext();
}

namespace {
QByteArray generatedHtml(int bytes) {
    QByteArray html = "<html><head><title>Generated</title></head><body>";
    for (int section = 0; html.size() < bytes; ++section) {
        html += "<h2>Section " + QByteArray::number(section) + "</h2><p>Values cross the boundary as bytes; "
                "each crossing costs an encode, a copy and a decode. Paragraph " +
                QByteArray::number(section) + ".</p>";
    }
    return html + "</body></html>";
}
} // namespace

void SweepRunner::startDocumentSweep(const QList<int>& byteSizes, int repeat) {
    ++job_;
    documents_ = true;
    sizes_ = byteSizes;
    repeat_ = repeat;
    index_ = 0;
    curves_.clear();
    running_ = true;
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
    auto* watcher = new QFutureWatcher<double>(this);
    connect(watcher, &QFutureWatcher<double>::finished, this, [this, watcher, job, size] {
        watcher->deleteLater();
        if (job != job_) {
            return; // stale: cancelled or restarted
        }
        curves_[QStringLiteral("native extract")].push_back({static_cast<double>(size), watcher->result()});
        ++index_;
        emit progress(static_cast<int>(index_), static_cast<int>(sizes_.size()));
        runNextDocument();
    });
    watcher->setFuture(QtConcurrent::run([size, repeat] {
        const QByteArray html = generatedHtml(size);
        DocumentExtractor::Options options;
        options.maxChars = 1000;
        options.fileName = QStringLiteral("generated.html");
        std::vector<double> times;
        for (int i = 0; i < repeat; ++i) {
            const double t0 = bi::trace::nowMicros();
            DocumentExtractor::extract(html, QStringLiteral("text/html"), options);
            times.push_back(bi::trace::nowMicros() - t0);
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    }));
}
