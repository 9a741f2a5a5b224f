// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline benchmarks: single plan vs legacy over real nesting depths, batch
// sizes, state sizes. Medians and p95 of many runs; a fresh value every run.
#include "core/Json.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RunDriver.h"
#include "trace/TimingRecord.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace bi;
using namespace bi::pipeline;

namespace {

struct Row {
    std::string name;
    double median = 0;
    double p95 = 0;
    std::string target;
};

Row measure(const std::string& name, const std::string& target, int iterations, const std::function<void(int)>& body) {
    std::vector<double> us;
    for (int i = 0; i < iterations; ++i) {
        const double t0 = trace::nowMicros();
        body(i);
        us.push_back(trace::nowMicros() - t0);
    }
    std::sort(us.begin(), us.end());
    return {name, us[us.size() / 2], us[us.size() * 95 / 100], target};
}

class WriteOne : public ListenerHandler {
public:
    ChangeList call(const ListenerCall& call) override {
        return {{"out." + call.dispatch.listener, state::Value(static_cast<double>(call.input.size()))}};
    }
};

std::string key(const char* prefix, int i) {
    // append, not insert/operator+: GCC 12 raises a false -Wrestrict on those.
    std::string k(prefix);
    k.append(std::to_string(i));
    return k;
}

// l0.l1.….l{n-1} with a listener on every depth; the input is the deepest leaf.
Row levels(int n, Strategy strategy) {
    json::Value root = json::Value(1);
    std::string deepest;
    for (int i = n - 1; i >= 0; --i) {
        json::Value obj = json::Value::object();
        obj.set(key("l", i), root);
        root = obj;
    }
    Pipeline p(root);
    std::string path;
    for (int i = 0; i < n; ++i) {
        path += (i ? "." : "") + key("l", i);
        p.registerListener({key("L", i), {path}, path, ""});
    }
    WriteOne handler;
    return measure("levels " + std::to_string(n) + (strategy == Strategy::Plan ? " plan" : " legacy"), "", 2000,
                   [&](int i) { runBatch(p, {{path, state::Value(static_cast<double>(i + 2))}}, handler, strategy); });
}

json::Value flatState(int fields) {
    json::Object obj;
    obj.reserve(static_cast<std::size_t>(fields));
    for (int i = 0; i < fields; ++i) {
        obj.emplace_back(key("f", i), json::Value(i));
    }
    return json::Value(std::move(obj));
}

Row batch(int size) {
    Pipeline p(flatState(1000));
    SideEffects fx;
    fx.syncPairs.push_back({"f0", "f999", false});
    p.registerSideEffects(fx);
    WriteOne handler;
    return measure("batch " + std::to_string(size) + " (1000 fields, 1 sync)", size == 1000 ? "<= 200 us" : "", 300,
                   [&](int it) {
                       ChangeList b;
                       for (int i = 0; i < size; ++i) {
                           b.push_back({key("f", i), state::Value(static_cast<double>(it * 7 + i + 100000))});
                       }
                       runBatch(p, b, handler, Strategy::Plan);
                   });
}

Row stateSize(int fields) {
    Pipeline p(flatState(fields));
    p.registerListener({"L", {"f1"}, "f1", ""});
    WriteOne handler;
    return measure("1 change + 1 listener, " + std::to_string(fields) + " fields",
                   ">= 2,000,000 runs/s; size-independent", 20000,
                   [&](int i) { runBatch(p, {{"f1", state::Value(static_cast<double>(i + 100000))}}, handler, Strategy::Plan); });
}

} // namespace

int main(int argc, char** argv) {
    std::string jsonFile;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--json") {
            jsonFile = argv[i + 1];
        }
    }
    std::vector<Row> rows;
    for (int n : {5, 10, 15, 20}) {
        rows.push_back(levels(n, Strategy::Plan));
        rows.push_back(levels(n, Strategy::Legacy));
    }
    for (int s : {1, 10, 100, 1000}) {
        rows.push_back(batch(s));
    }
    for (int f : {10, 1000, 100000}) {
        rows.push_back(stateSize(f));
    }
    std::printf("| case | median us | p95 us | runs/s | native target |\n|---|---|---|---|---|\n");
    json::Value out = json::Value::array();
    for (const auto& r : rows) {
        std::printf("| %s | %s | %s | %s | %s |\n", r.name.c_str(), json::formatNumber(r.median).c_str(),
                    json::formatNumber(r.p95).c_str(), json::formatNumber(r.median > 0 ? 1e6 / r.median : 0).c_str(),
                    r.target.c_str());
        json::Value o = json::Value::object();
        o.set("case", r.name);
        o.set("median_us", r.median);
        o.set("p95_us", r.p95);
        o.set("target", r.target);
        out.push(o);
    }
    if (!jsonFile.empty()) {
        std::ofstream(jsonFile) << json::write(out) << '\n';
    }
    return 0;
}
