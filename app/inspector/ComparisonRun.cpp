// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"
#include "NativeEngine.h"
#include "WasmHost.h"

#include <QFutureWatcher>
#include <QtConcurrent>

ComparisonRun::ComparisonRun(WasmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &WasmHost::runFinished, this,
            [this](int id, const QByteArray& result, const std::vector<bi::trace::TimingRecord>& records,
                   int warmupRuns) {
                if (id != requestId_) {
                    return; // a stale answer to a run the user has replaced
                }
                wasm_ = records;
                wasmWarmupRuns_ = warmupRuns;
                wasmResult_ = result;
                finishWasm(QString());
            });
    connect(host_, &WasmHost::requestFailed, this, [this](int id, const QString& error) {
        if (id == requestId_) {
            finishWasm(error);
        }
    });
}

void ComparisonRun::start(const QByteArray& scenario, int repeat, const QString& strategy, int warmupMs) {
    ++generation_;
    nativeFuture_.cancel(); // an older run stops at its next repeat
    strategy_ = strategy;
    native_.clear();
    wasm_.clear();
    nativeError_.clear();
    wasmError_.clear();
    nativeResult_.clear();
    wasmResult_.clear();
    identical_ = false;
    nativeWarmupRuns_ = 0;
    wasmWarmupRuns_ = 0;
    nativeDone_ = false;
    wasmDone_ = false;

    requestId_ = host_->runScenario(scenario, strategy, repeat, warmupMs);

    // The native runs go to a worker so that a big scenario never freezes the window;
    // cancel() or a newer start() cancels its future, checked between repeats.
    const int generation = generation_;
    auto* watcher = new QFutureWatcher<NativeEngine::RunOutcome>(this);
    connect(watcher, &QFutureWatcher<NativeEngine::RunOutcome>::progressValueChanged, this,
            [this, generation, repeat](int done) {
                if (generation == generation_) {
                    emit progress(done, repeat);
                }
            });
    connect(watcher, &QFutureWatcher<NativeEngine::RunOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_ || watcher->future().resultCount() == 0) {
            return; // stale or cancelled
        }
        const auto outcome = watcher->result();
        native_ = outcome.records;
        nativeError_ = outcome.error;
        nativeResult_ = outcome.resultJson;
        nativeWarmupRuns_ = outcome.warmupRuns;
        nativeDone_ = true;
        emit nativeFinished();
        checkFinished();
    });
    nativeFuture_ = QtConcurrent::run([scenario, strategy, repeat, warmupMs](QPromise<NativeEngine::RunOutcome>& promise) {
        promise.setProgressRange(0, repeat);
        auto outcome = NativeEngine::runScenario(
            scenario, strategy, repeat,
            [&promise](int done) {
                promise.setProgressValue(done);
                return !promise.isCanceled();
            },
            warmupMs);
        promise.setProgressValue(static_cast<int>(outcome.records.size()));
        promise.addResult(std::move(outcome));
    });
    watcher->setFuture(nativeFuture_);
}

void ComparisonRun::cancel() {
    if (!isRunning()) {
        return;
    }
    ++generation_;
    nativeFuture_.cancel();
    requestId_ = -1; // the host runs its request to the end; its answer is dropped
    nativeDone_ = true;
    wasmDone_ = true;
    emit cancelled();
}

void ComparisonRun::finishWasm(const QString& error) {
    if (wasmDone_) {
        return;
    }
    wasmError_ = error;
    wasmDone_ = true;
    if (error.isEmpty()) {
        emit wasmFinished();
    } else {
        emit wasmFailed(error);
    }
    checkFinished();
}

void ComparisonRun::checkFinished() {
    if (nativeDone_ && wasmDone_) {
        identical_ = !nativeResult_.isEmpty() && wasmResult_ == nativeResult_;
        emit finished();
    }
}
