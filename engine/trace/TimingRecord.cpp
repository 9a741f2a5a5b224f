// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/TimingRecord.h"

#include <algorithm>

namespace bi::trace {

json::Value TimingRecord::toJson() const {
    json::Value v = json::Value::object();
    v.set("op", op);
    v.set("strategy", strategy);
    v.set("engine", engine);
    v.set("bytes_in", bytesIn);
    v.set("bytes_out", bytesOut);
    v.set("crossings", crossings);
    v.set("block", block);
    v.set("host_encode", hostEncode);
    v.set("copy_in", copyIn);
    v.set("engine_decode", engineDecode);
    v.set("compute", compute);
    v.set("engine_encode", engineEncode);
    v.set("copy_out", copyOut);
    v.set("host_decode", hostDecode);
    v.set("total", total);
    v.set("overhead", overhead());
    return v;
}

TimingRecord TimingRecord::fromJson(const json::Value& v) {
    TimingRecord r;
    auto str = [&](const char* k) {
        const json::Value* f = v.find(k);
        return f && f->isString() ? f->asString() : std::string();
    };
    auto num = [&](const char* k) {
        const json::Value* f = v.find(k);
        return f && f->isNumber() ? f->asNumber() : 0.0;
    };
    r.op = str("op");
    r.strategy = str("strategy");
    r.engine = str("engine");
    r.bytesIn = num("bytes_in");
    r.bytesOut = num("bytes_out");
    r.crossings = static_cast<int>(num("crossings"));
    r.block = std::max(1, static_cast<int>(num("block")));
    r.hostEncode = num("host_encode");
    r.copyIn = num("copy_in");
    r.engineDecode = num("engine_decode");
    r.compute = num("compute");
    r.engineEncode = num("engine_encode");
    r.copyOut = num("copy_out");
    r.hostDecode = num("host_decode");
    r.total = num("total");
    return r;
}

} // namespace bi::trace
