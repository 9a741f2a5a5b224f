// SPDX-License-Identifier: GPL-3.0-or-later
#include "WasmHost.h"

#include "JsonFields.h"
#include "core/Json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

// The build tree sits at <repo>/build/bin; the sources one level above build/.
QString repoRoot() {
    const QString fromExe =
        QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../..")).absolutePath();
    if (QFileInfo::exists(fromExe + QStringLiteral("/wasm/host/bi.mjs"))) {
        return fromExe;
    }
    return QStringLiteral(BI_SOURCE_DIR);
}

QByteArray rawMember(const QByteArray& line, const QByteArray& key) {
    // The host splices the engine's result as the last member: take its bytes verbatim.
    const QByteArray marker = ",\"" + key + "\":";
    const qsizetype at = line.lastIndexOf(marker);
    if (at < 0 || !line.endsWith('}')) {
        return {};
    }
    return line.mid(at + marker.size(), line.size() - at - marker.size() - 1);
}

} // namespace

WasmHost::WasmHost(QObject* parent) : QObject(parent) {}

WasmHost::~WasmHost() {
    stop();
}

QString WasmHost::nodeProgram() {
    const QString env = qEnvironmentVariable("BI_NODE");
    return env.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("node")) : env;
}

QString WasmHost::hostScript() {
    return repoRoot() + QStringLiteral("/wasm/host/bi.mjs");
}

QString WasmHost::wasmDir() {
    const QString env = qEnvironmentVariable("BI_WASM_DIR");
    return env.isEmpty() ? repoRoot() + QStringLiteral("/build/wasm") : env;
}

void WasmHost::start() {
    stop();
    lastError_.clear();
    emit starting();
    const QString node = nodeProgram();
    if (node.isEmpty()) {
        fail(tr("Node.js was not found (set BI_NODE or install the 'nodejs' package); "
                "the wasm engine is unavailable, the native engine still runs."));
        return;
    }
    if (!QFileInfo::exists(hostScript())) {
        fail(tr("The wasm host script is missing: %1").arg(hostScript()));
        return;
    }
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, &WasmHost::onReadyRead);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            const QString why = process_->errorString();
            dropProcess();
            fail(tr("Node.js could not be started (%1).").arg(why));
        }
    });
    connect(process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QString err = QString::fromUtf8(process_->readAllStandardError()).trimmed();
        dropProcess();
        fail(tr("The wasm host exited (%1 %2)%3")
                 .arg(status == QProcess::CrashExit ? tr("crashed, code") : tr("exit code"))
                 .arg(code)
                 .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err.right(400)));
    });
    process_->start(node, {hostScript(), QStringLiteral("serve"), QStringLiteral("--wasm-dir"), wasmDir()});
}

void WasmHost::stop() {
    if (process_ == nullptr) {
        return;
    }
    QProcess* p = process_;
    process_ = nullptr;
    p->disconnect(this);
    p->closeWriteChannel();
    if (!p->waitForFinished(1000)) {
        p->kill();
        p->waitForFinished(1000);
    }
    p->deleteLater();
    ready_ = false;
    buffer_.clear();
    pending_.clear();
    const QList<int> outstanding = ops_.keys();
    ops_.clear();
    for (int id : outstanding) {
        emit requestFailed(id, tr("The wasm host was stopped before it answered."));
    }
}

void WasmHost::dropProcess() {
    // Gone for good: later requests must fail at once instead of being written to a dead pipe.
    process_->disconnect(this);
    process_->deleteLater();
    process_ = nullptr;
}

void WasmHost::fail(const QString& reason) {
    ready_ = false;
    lastError_ = reason;
    pending_.clear();
    const QList<int> outstanding = ops_.keys();
    ops_.clear();
    emit unavailable(reason);
    for (int id : outstanding) {
        emit requestFailed(id, reason);
    }
}

int WasmHost::request(const QString& op, bi::json::Value params) {
    const int id = nextId_++;
    bi::json::Value req = bi::json::Value::object();
    req.set("id", id);
    req.set("op", op.toStdString());
    if (params.isObject()) {
        for (auto& [key, value] : params.asObject()) {
            req.set(key, std::move(value));
        }
    }
    const QByteArray line = QByteArray::fromStdString(bi::json::write(req)) + '\n';
    if (process_ == nullptr) {
        // Queued, so the caller has stored the id before the failure arrives.
        const QString reason = lastError_.isEmpty() ? tr("The wasm host is not running.") : lastError_;
        QMetaObject::invokeMethod(
            this, [this, id, reason] { emit requestFailed(id, reason); }, Qt::QueuedConnection);
        return id;
    }
    ops_.insert(id, op);
    if (ready_) {
        process_->write(line);
    } else {
        pending_.push_back(line);
    }
    return id;
}

int WasmHost::runScenario(const QByteArray& scenario, const QString& strategy, int repeat, int warmupMs) {
    bi::json::Value params = bi::json::Value::object();
    params.set("strategy", strategy.toStdString());
    params.set("repeat", repeat);
    if (warmupMs > 0) {
        params.set("warmup_ms", warmupMs);
    }
    params.set("scenario", scenario.toStdString());
    return request(QStringLiteral("run"), std::move(params));
}

int WasmHost::extractDocument(const QByteArray& document, const QString& mime, int maxChars, int overlap) {
    bi::json::Value params = bi::json::Value::object();
    params.set("document", document.toStdString());
    params.set("mime", mime.toStdString());
    params.set("max_chars", maxChars);
    params.set("overlap", overlap);
    return request(QStringLiteral("extract"), std::move(params));
}

void WasmHost::onReadyRead() {
    buffer_ += process_->readAllStandardOutput();
    qsizetype nl = 0;
    while ((nl = buffer_.indexOf('\n')) >= 0) {
        const QByteArray line = buffer_.left(nl);
        buffer_.remove(0, nl + 1);
        if (!line.trimmed().isEmpty()) {
            onLine(line);
        }
    }
}

void WasmHost::onLine(const QByteArray& line) {
    bi::json::Value msg;
    try {
        msg = bi::json::parse(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
    } catch (const bi::json::ParseError& e) {
        fail(tr("The wasm host sent a malformed line (%1).").arg(QString::fromStdString(e.describe())));
        return;
    }
    const bi::json::Value* ok = msg.find("ok");
    const bool success = ok != nullptr && ok->isBool() && ok->asBool();
    const bi::json::Value* error = msg.find("error");
    const QString errorText =
        error != nullptr && error->isString() ? QString::fromStdString(error->asString()) : QString();
    if (msg.find("hello") != nullptr) {
        if (!success) {
            fail(tr("The wasm engine could not be loaded: %1").arg(errorText));
            return;
        }
        ready_ = true;
        for (const auto& req : pending_) {
            process_->write(req);
        }
        pending_.clear();
        emit ready();
        return;
    }
    const int id = bi::models::wholeField(msg, "id", -1);
    const QString op = ops_.take(id);
    if (!success) {
        emit requestFailed(id, errorText);
        return;
    }
    emit answered(id, op, msg, line);
    if (op != QLatin1String("run")) {
        return;
    }
    std::vector<bi::trace::TimingRecord> records;
    if (const bi::json::Value* timings = msg.find("timings"); timings != nullptr && timings->isArray()) {
        for (const auto& t : timings->asArray()) {
            records.push_back(bi::trace::TimingRecord::fromJson(t));
        }
    }
    emit runFinished(id, rawMember(line, "result"), records, bi::models::wholeField(msg, "warmup_runs", 0));
}
