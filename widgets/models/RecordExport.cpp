// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordExport.h"

#include <QString>

#if __has_include("trace/RecordExport.h")
#include "trace/RecordExport.h"
#define BI_HAVE_ENGINE_RECORD_EXPORT 1
#endif

#include <map>

using bi::json::Value;
using bi::trace::TimingRecord;

namespace {
[[maybe_unused]] std::string num(double d) { return bi::json::formatNumber(d); }

[[maybe_unused]] std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

[[maybe_unused]] Value slice(const std::string& name, int tid, double ts, double dur, const std::string& category) {
    Value e = Value::object();
    e.set("name", name);
    e.set("cat", category);
    e.set("ph", "X");
    e.set("pid", 1);
    e.set("tid", tid);
    e.set("ts", ts);
    e.set("dur", dur);
    return e;
}

[[maybe_unused]] Value threadName(int tid, const std::string& name) {
    Value e = Value::object();
    e.set("name", "thread_name");
    e.set("ph", "M");
    e.set("pid", 1);
    e.set("tid", tid);
    Value args = Value::object();
    args.set("name", name);
    e.set("args", std::move(args));
    return e;
}
} // namespace

QByteArray RecordExport::toCsv(const std::vector<TimingRecord>& records) {
#ifdef BI_HAVE_ENGINE_RECORD_EXPORT
    // The engine's writer: the same bytes as the Node host's export.
    return QByteArray::fromStdString(bi::trace::recordsToCsv(records));
#else
    std::string out = "op,strategy,engine,bytes_in,bytes_out,crossings,block,host_encode,copy_in,engine_decode,"
                      "compute,engine_encode,copy_out,host_decode,total,overhead\n";
    for (const auto& r : records) {
        out += csvField(r.op) + ',' + csvField(r.strategy) + ',' + csvField(r.engine) + ',' + num(r.bytesIn) + ',' +
               num(r.bytesOut) + ',' + std::to_string(r.crossings) + ',' + std::to_string(r.block) + ',' +
               num(r.hostEncode) + ',' + num(r.copyIn) + ',' + num(r.engineDecode) + ',' + num(r.compute) + ',' +
               num(r.engineEncode) + ',' + num(r.copyOut) + ',' + num(r.hostDecode) + ',' + num(r.total) + ',' +
               num(r.overhead()) + '\n';
    }
    return QByteArray::fromStdString(out);
#endif
}

QByteArray RecordExport::toJson(const std::vector<TimingRecord>& records) {
    Value all = Value::array();
    for (const auto& r : records) {
        all.push(r.toJson());
    }
    return QByteArray::fromStdString(bi::json::write(all)) + '\n';
}

QByteArray RecordExport::toChromeTrace(const std::vector<TimingRecord>& records) {
#ifdef BI_HAVE_ENGINE_RECORD_EXPORT
    return QByteArray::fromStdString(bi::trace::recordsToChromeTrace(records));
#else
    Value events = Value::array();
    std::map<std::string, int> tids;
    std::map<int, double> clock;
    for (const auto& r : records) {
        auto [it, inserted] = tids.emplace(r.engine, static_cast<int>(tids.size()) + 1);
        if (inserted) {
            events.push(threadName(it->second, r.engine));
        }
        const int tid = it->second;
        double& ts = clock[tid];
        Value call = slice(r.op + " (" + r.strategy + ")", tid, ts, r.total, "call");
        call.set("args", r.toJson());
        events.push(std::move(call));
        const std::pair<const char*, double> phases[] = {
            {"host encode", r.hostEncode}, {"copy in", r.copyIn},   {"engine decode", r.engineDecode},
            {"compute", r.compute},        {"engine encode", r.engineEncode}, {"copy out", r.copyOut},
            {"host decode", r.hostDecode}};
        double at = ts;
        for (const auto& [name, dur] : phases) {
            if (dur > 0) {
                events.push(slice(name, tid, at, dur, "phase"));
                at += dur;
            }
        }
        ts += std::max(r.total, at - ts) + 1; // a 1 µs gap keeps calls apart on the track
    }
    Value doc = Value::object();
    doc.set("traceEvents", std::move(events));
    doc.set("displayTimeUnit", "ns");
    return QByteArray::fromStdString(bi::json::write(doc)) + '\n';
#endif
}

QByteArray RecordExport::forFileName(const QString& fileName, const std::vector<TimingRecord>& records) {
    if (fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        return toCsv(records);
    }
    if (fileName.endsWith(QLatin1String(".trace.json"), Qt::CaseInsensitive)) {
        return toChromeTrace(records);
    }
    return toJson(records);
}
