// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Json.h"
#include "trace/TimingRecord.h"

#include <QObject>
#include <QHash>
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

    // Any operation of the host protocol: `params` (an object, or null) gets
    // "id" and "op" added. Returns the id; the answer comes as answered (every
    // op; the whole message and its raw line) or requestFailed. New ops need
    // no change here: callers build their params and read the answer.
    int request(const QString& op, bi::json::Value params);
    // op "run": the answer also comes as runFinished with the records parsed.
    // warmupMs > 0: the host first runs the scenario untimed for that long.
    int runScenario(const QByteArray& scenario, const QString& strategy, int repeat, int warmupMs = 0);
    // op "extract" (document: text or base64, mime, max_chars, overlap).
    int extractDocument(const QByteArray& document, const QString& mime, int maxChars, int overlap);
    [[nodiscard]] int pendingCount() const { return static_cast<int>(ops_.size()); }

    static QString nodeProgram();
    static QString hostScript();
    static QString wasmDir();

signals:
    void starting(); // a (re)start: earlier failures are over
    void ready();
    void unavailable(const QString& reason);
    void answered(int id, const QString& op, const bi::json::Value& message, const QByteArray& rawLine);
    void runFinished(int id, const QByteArray& resultJson, const std::vector<bi::trace::TimingRecord>& records,
                     int warmupRuns);
    void requestFailed(int id, const QString& error);

private:
    void onReadyRead();
    void onLine(const QByteArray& line);
    void fail(const QString& reason);
    void dropProcess();

    QProcess* process_ = nullptr;
    QByteArray buffer_;
    QList<QByteArray> pending_; // requests written before the host said hello
    QHash<int, QString> ops_;   // outstanding requests: id -> op
    bool ready_ = false;
    int nextId_ = 1;
    QString lastError_;
};
