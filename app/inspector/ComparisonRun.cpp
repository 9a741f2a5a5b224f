// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonRun.h"

#include "NativeEngine.h"
#include "WasmHost.h"

ComparisonRun::ComparisonRun(WasmHost* host, QObject* parent) : QObject(parent), host_(host) {
    connect(host_, &WasmHost::runFinished, this,
            [this](int id, const QByteArray& result, const std::vector<bi::trace::TimingRecord>& records) {
                if (id != requestId_) {
                    return; // a stale answer to a run the user has replaced
                }
                wasm_ = records;
                identical_ = !nativeResult_.isEmpty() && result == nativeResult_;
                finishWasm(QString());
            });
    connect(host_, &WasmHost::requestFailed, this, [this](int id, const QString& error) {
        if (id == requestId_) {
            finishWasm(error);
        }
    });
    connect(host_, &WasmHost::unavailable, this, [this](const QString& reason) {
        if (!wasmDone_) {
            finishWasm(reason);
        }
    });
}

void ComparisonRun::start(const QByteArray& scenario, int repeat) {
    native_.clear();
    wasm_.clear();
    nativeError_.clear();
    wasmError_.clear();
    identical_ = false;
    nativeDone_ = false;
    wasmDone_ = false;

    requestId_ = host_->runScenario(scenario, QStringLiteral("plan"), repeat);

    auto outcome = NativeEngine::runScenario(scenario, QStringLiteral("plan"), repeat);
    native_ = outcome.records;
    nativeError_ = outcome.error;
    nativeResult_ = outcome.resultJson;
    nativeDone_ = true;
    emit nativeFinished();
    checkFinished();
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
        emit finished();
    }
}
