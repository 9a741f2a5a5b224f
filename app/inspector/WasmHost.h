// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/TimingRecord.h"

#include <QObject>
#include <QProcess>

#include <vector>

// The wasm engine, driven through `node wasm/host/bi.mjs serve` as a child
// process (protocol: docs/host-protocol.md). Never blocks the caller: answers
// arrive as signals. When node or the module is missing, or the host dies,
// unavailable() says why in words a user can act on.
class WasmHost : public QObject {
    Q_OBJECT
public:
    explicit WasmHost(QObject* parent = nullptr);
    ~WasmHost() override;

    void start();
    void stop();
    [[nodiscard]] bool isReady() const { return ready_; }
    [[nodiscard]] QString lastError() const { return lastError_; }

    // Returns the request id; the answer comes as runFinished or requestFailed.
    int runScenario(const QByteArray& scenario, const QString& strategy, int repeat);

    static QString nodeProgram();
    static QString hostScript();
    static QString wasmDir();

signals:
    void ready();
    void unavailable(const QString& reason);
    void runFinished(int id, const QByteArray& resultJson, const std::vector<bi::trace::TimingRecord>& records);
    void requestFailed(int id, const QString& error);

private:
    void onReadyRead();
    void onLine(const QByteArray& line);
    void fail(const QString& reason);

    QProcess* process_ = nullptr;
    QByteArray buffer_;
    QList<QByteArray> pending_; // requests written before the host said hello
    bool ready_ = false;
    int nextId_ = 1;
    QString lastError_;
};
