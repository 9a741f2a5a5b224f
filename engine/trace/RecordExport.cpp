// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/RecordExport.h"

#include "core/EngineError.h"

#include <array>

namespace bi::trace {

namespace {

// Phases in the order a call passes through them.
struct PhaseField {
    const char* name;
    double TimingRecord::*member;
};

constexpr std::array<PhaseField, 7> kPhases{{
    {"host_encode", &TimingRecord::hostEncode},
    {"copy_in", &TimingRecord::copyIn},
    {"engine_decode", &TimingRecord::engineDecode},
    {"compute", &TimingRecord::compute},
    {"engine_encode", &TimingRecord::engineEncode},
    {"copy_out", &TimingRecord::copyOut},
    {"host_decode", &TimingRecord::hostDecode},
}};

void appendCsvCell(const json::Value& v, std::string& out) {
    if (!v.isString()) {
        json::write(v, out);
        return;
    }
    const std::string& s = v.asString();
    if (s.find_first_of(",\"\n\r") == std::string::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

json::Value traceEvent(const std::string& name, const std::string& category, double start, double duration,
                       int pid, int tid) {
    json::Value e = json::Value::object();
    e.set("name", name);
    e.set("cat", category);
    e.set("ph", "X");
    e.set("ts", start);
    e.set("dur", duration);
    e.set("pid", pid);
    e.set("tid", tid);
    return e;
}

json::Value processName(int pid, const char* name) {
    json::Value e = json::Value::object();
    e.set("name", "process_name");
    e.set("ph", "M");
    e.set("pid", pid);
    json::Value args = json::Value::object();
    args.set("name", name);
    e.set("args", std::move(args));
    return e;
}

} // namespace

const std::vector<std::string>& recordFields() {
    static const std::vector<std::string> fields{
        "op",      "strategy", "engine",        "bytes_in", "bytes_out",   "crossings",
        "block",   "host_encode", "copy_in",    "engine_decode", "compute", "engine_encode",
        "copy_out", "host_decode", "total",     "overhead"};
    return fields;
}

std::string recordsToCsv(const std::vector<TimingRecord>& records) {
    std::string out;
    const auto& fields = recordFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += i ? "," : "";
        out += fields[i];
    }
    out += '\n';
    for (const auto& r : records) {
        json::Value v = r.toJson();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += i ? "," : "";
            const json::Value* cell = v.find(fields[i]);
            appendCsvCell(cell ? *cell : json::Value(), out);
        }
        out += '\n';
    }
    return out;
}

std::string recordsToJson(const std::vector<TimingRecord>& records) {
    json::Value list = json::Value::array();
    for (const auto& r : records) {
        list.push(r.toJson());
    }
    return json::write(list);
}

std::string recordsToChromeTrace(const std::vector<TimingRecord>& records) {
    json::Value events = json::Value::array();
    events.push(processName(1, "native"));
    events.push(processName(2, "wasm"));
    std::array<double, 3> clock{0, 0, 0}; // per pid: where the next call starts
    for (const auto& r : records) {
        const int pid = r.engine == "wasm" ? 2 : 1;
        double& at = clock[static_cast<std::size_t>(pid)];
        const std::string category = r.op + "/" + r.strategy;
        json::Value call = traceEvent(r.op, category, at, r.total, pid, 1);
        json::Value args = r.toJson();
        call.set("args", std::move(args));
        events.push(std::move(call));
        double phaseStart = at;
        for (const auto& phase : kPhases) {
            const double d = r.*phase.member;
            if (d > 0) {
                events.push(traceEvent(phase.name, category, phaseStart, d, pid, 2));
                phaseStart += d;
            }
        }
        at += r.total;
    }
    json::Value doc = json::Value::object();
    doc.set("traceEvents", std::move(events));
    doc.set("displayTimeUnit", "ns");
    return json::write(doc);
}

std::vector<TimingRecord> recordsFromJson(std::string_view text) {
    json::Value doc;
    try {
        doc = json::parse(text);
    } catch (const json::ParseError& e) {
        throw EngineError("timing records: " + e.describe());
    }
    if (!doc.isArray()) {
        throw EngineError("timing records: expected a JSON array at line 1, column 1");
    }
    std::vector<TimingRecord> out;
    for (std::size_t i = 0; i < doc.asArray().size(); ++i) {
        const json::Value& v = doc.asArray()[i];
        if (!v.isObject()) {
            throw EngineError("timing records: element " + std::to_string(i) + " is not an object");
        }
        out.push_back(TimingRecord::fromJson(v));
    }
    return out;
}

} // namespace bi::trace
