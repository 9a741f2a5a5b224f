// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"
#include "NativeEngine.h"
#include "WasmHost.h"

#include <QFutureWatcher>
#include <QtConcurrent>

ComparisonRun::ComparisonRun(WasmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &WasmHost::runFinished, this,
            [this](int id, const QByteArray& result, const std::vector<bi::trace::TimingRecord>& records) {
                if (id != requestId_) {
                    return; // a stale answer to a run the user has replaced
                }
                wasm_ = records;
                wasmResult_ = result;
                finishWasm(QString());
            });
    connect(host_, &WasmHost::requestFailed, this, [this](int id, const QString& error) {
        if (id == requestId_) {
            finishWasm(error);
        }
    });
}

void ComparisonRun::start(const QByteArray& scenario, int repeat, const QString& strategy) {
    ++generation_;
    strategy_ = strategy;
    native_.clear();
    wasm_.clear();
    nativeError_.clear();
    wasmError_.clear();
    nativeResult_.clear();
    wasmResult_.clear();
    identical_ = false;
    nativeDone_ = false;
    wasmDone_ = false;

    requestId_ = host_->runScenario(scenario, strategy, repeat);

    // The native runs go to a worker so that a big scenario never freezes the window.
    const int generation = generation_;
    auto* watcher = new QFutureWatcher<NativeEngine::RunOutcome>(this);
    connect(watcher, &QFutureWatcher<NativeEngine::RunOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) {
            return; // stale
        }
        const auto outcome = watcher->result();
        native_ = outcome.records;
        nativeError_ = outcome.error;
        nativeResult_ = outcome.resultJson;
        nativeDone_ = true;
        emit nativeFinished();
        checkFinished();
    });
    watcher->setFuture(QtConcurrent::run(
        [scenario, strategy, repeat] { return NativeEngine::runScenario(scenario, strategy, repeat); }));
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
