// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"
#include "JsonFields.h"
#include "JsonPaths.h"

#include <stdexcept>

using bi::json::Value;
using namespace bi::models;

namespace {
constexpr const char* kFormat = "boundary-inspector/session@1";

Value recordList(const std::vector<bi::trace::TimingRecord>& records) {
    Value list = Value::array();
    for (const auto& r : records) {
        list.push(r.toJson());
    }
    return list;
}

std::vector<bi::trace::TimingRecord> readRecords(const Value& doc, const char* key) {
    std::vector<bi::trace::TimingRecord> out;
    if (const Value* list = arrayField(doc, key)) {
        for (const auto& r : list->asArray()) {
            out.push_back(bi::trace::TimingRecord::fromJson(r));
        }
    }
    return out;
}
} // namespace

QByteArray Session::toJson() const {
    Value doc = Value::object();
    doc.set("format", kFormat);
    doc.set("version", kVersion);
    doc.set("created_at", createdAt.toStdString());
    doc.set("scenario_name", scenarioName.toStdString());
    doc.set("scenario", scenarioText.toStdString());
    doc.set("strategy", strategy.toStdString());
    doc.set("notes", notes.toStdString());
    doc.set("identical", identical);
    doc.set("wasm_error", wasmError.toStdString());
    doc.set("native", recordList(native));
    doc.set("wasm", recordList(wasm));
    Value result;
    if (!resultJson.isEmpty()) {
        result = bi::json::parse(std::string_view(resultJson.constData(), static_cast<std::size_t>(resultJson.size())));
    }
    doc.set("result", std::move(result));
    return QByteArray::fromStdString(bi::json::write(doc)) + '\n';
}

Session Session::fromJson(const QByteArray& bytes) {
    Value doc;
    try {
        doc = bi::json::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const bi::json::ParseError& e) {
        throw std::runtime_error("not a session file: " + e.describe());
    }
    if (!doc.isObject() || stringField(doc, "format") != QLatin1String(kFormat)) {
        throw std::runtime_error("not a session file: \"format\" must be \"" + std::string(kFormat) + "\"");
    }
    const int version = static_cast<int>(numberField(doc, "version", -1));
    if (version != kVersion) {
        throw std::runtime_error("session version " + std::to_string(version) + " is not supported (expected " +
                                 std::to_string(kVersion) + ")");
    }
    Session s;
    s.createdAt = stringField(doc, "created_at");
    s.scenarioName = stringField(doc, "scenario_name");
    s.scenarioText = stringField(doc, "scenario").toUtf8();
    s.strategy = stringField(doc, "strategy", QStringLiteral("plan"));
    s.notes = stringField(doc, "notes");
    s.wasmError = stringField(doc, "wasm_error");
    const Value* identical = doc.find("identical");
    s.identical = identical != nullptr && identical->isBool() && identical->asBool();
    s.native = readRecords(doc, "native");
    s.wasm = readRecords(doc, "wasm");
    if (const Value* result = doc.find("result"); result != nullptr && !result->isNull()) {
        s.resultJson = QByteArray::fromStdString(bi::json::write(*result));
    }
    return s;
}

std::vector<bi::trace::TimingRecord> Session::allRecords() const {
    auto all = native;
    all.insert(all.end(), wasm.begin(), wasm.end());
    return all;
}
