// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline benchmarks: single plan vs legacy over real nesting depths, batch
// sizes, state sizes, the apex-state e-commerce suite and the published
// literal case. Medians and p95 of many runs; a fresh value every run.
//   bench_pipeline [--json FILE] [--filter SUBSTRING] [--scenario SUBSTRING] [--quick]
#include "EcommerceSuite.h"
#include "TableHandler.h"
#include "core/Json.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RunDriver.h"
#include "trace/TimingRecord.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace bi;
using namespace bi::pipeline;

namespace {

// A target: a bound on the median in microseconds (a runs/s target is 1e6 / that).
struct Target {
    std::string text;
    double maxMedianUs = 0; // 0: no target
};

struct Row {
    std::string name;
    double median = 0;
    double p95 = 0;
    Target target;
};

int gScale = 1;          // --quick divides iteration counts
std::string gScenario;   // --scenario: only e-commerce scenarios whose name contains it

// Keeps the core busy for `ms` milliseconds. A core that was idle runs at a
// lower clock for its first hundred milliseconds or so of work: without this,
// the first --quick rows (a few milliseconds each) read about twice as slow
// as the same rows measured in full.
void warmUp(double ms) {
    const double end = trace::nowMicros() + ms * 1000;
    volatile std::uint64_t sink = 0;
    while (trace::nowMicros() < end) {
        for (int i = 0; i < 1000; ++i) {
            sink = sink + static_cast<std::uint64_t>(i);
        }
    }
}

// Runs shorter than the clock's resolution are timed in blocks of `block`
// iterations; every figure is per run.
Row measure(const std::string& name, const Target& target, int iterations, const std::function<void(int)>& body,
            int block = 1) {
    iterations = std::max(5, iterations / gScale);
    std::vector<double> us;
    int i = 0;
    for (int n = 0; n < iterations; ++n) {
        const double t0 = trace::nowMicros();
        for (int b = 0; b < block; ++b) {
            body(i++);
        }
        us.push_back((trace::nowMicros() - t0) / block);
    }
    std::sort(us.begin(), us.end());
    return {name, us[us.size() / 2], us[us.size() * 95 / 100], target};
}

Target runsPerSecond(double runs, const std::string& extra = "") {
    return {">= " + json::formatNumber(runs) + " runs/s" + extra, 1e6 / runs};
}

Target atMost(double us) { return {"<= " + json::formatNumber(us) + " us", us}; }

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

// What every row times: one run as a host that keeps its record between runs
// does it (prepare, the listeners, finalize; no report JSON). It keeps the
// plan and the outputs, which determine every listener's input (see
// dispatchInput), rather than a copy of each input.
void run(Pipeline& p, const ChangeList& batch, ListenerHandler& handler, Strategy strategy = Strategy::Plan) {
    static RunRecord record;
    runBatchInto(record, p, batch, handler, strategy, RecordOptions{false, false});
}

const char* strategyName(Strategy s) { return s == Strategy::Plan ? " plan" : " legacy"; }

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
    return measure("levels " + std::to_string(n) + strategyName(strategy), {}, 2000,
                   [&](int i) { run(p, {{path, state::Value(static_cast<double>(i + 2))}}, handler, strategy); });
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
    std::vector<ChangeList> batches(2);
    for (int i = 0; i < size; ++i) {
        batches[0].push_back({key("f", i), state::Value(static_cast<double>(i + 100000))});
        batches[1].push_back({key("f", i), state::Value(static_cast<double>(i + 200000))});
    }
    return measure("batch " + std::to_string(size) + " (1000 fields, 1 sync)", size == 1000 ? atMost(200) : Target{},
                   300, [&](int it) { run(p, batches[static_cast<std::size_t>(it % 2)], handler); },
                   size < 100 ? 20 : 1);
}

Row stateSize(int fields) {
    Pipeline p(flatState(fields));
    p.registerListener({"L", {"f1"}, "f1", ""});
    WriteOne handler;
    return measure("1 change + 1 listener, " + std::to_string(fields) + " fields",
                   runsPerSecond(2000000, "; size-independent"), 2000,
                   [&](int i) { run(p, {{"f1", state::Value(static_cast<double>(i + 100000))}}, handler); },
                   50);
}

// §5.6: every scenario on one suite instance (state carries over, as in a
// session); batches are built before the timed runs.
std::vector<Row> ecommerce() {
    EcommerceSuite suite;
    std::vector<Row> rows;
    for (const auto& scenario : suite.scenarios()) {
        if (!gScenario.empty() && scenario.name.find(gScenario) == std::string::npos) {
            continue;
        }
        const int iterations = std::max(5, 200 / gScale);
        std::vector<ChangeList> batches;
        for (int i = 0; i < iterations; ++i) {
            batches.push_back(suite.batch(scenario, i));
        }
        const bool s16 = scenario.name.compare(0, 3, "S16") == 0;
        // Each batch is used once, in order: measure's own count must match.
        const int saved = gScale;
        gScale = 1;
        rows.push_back(measure("ecommerce " + scenario.name + " (" + std::to_string(scenario.paths.size()) + " changes)",
                               s16 ? atMost(100) : Target{}, iterations, [&](int i) {
                                   suite.handler().setBase(i);
                                   run(suite.pipeline(), batches[static_cast<std::size_t>(i)], suite.handler());
                               }));
        gScale = saved;
    }
    return rows;
}

// §5.1 literally: 50 flat keys level{L}_item{i}, one listener each (all at
// depth 1), the same input every run (so from the second run on it is a
// no-op, as in the published numbers: 1.022 us plan, 3.006 us legacy).
Row publishedLiteral(Strategy strategy, bool fresh) {
    const int counts[15] = {10, 5, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2};
    json::Value root = json::Value::object();
    TableHandler handler;
    std::vector<std::pair<std::string, std::string>> keys; // key, listener id
    int id = 0;
    for (int level = 0; level < 15; ++level) {
        for (int i = 0; i < counts[level]; ++i) {
            std::string k = key("level", level);
            k.append("_item").append(std::to_string(i));
            json::Value item = json::Value::object();
            item.set("value", id);
            item.set("status", "pending");
            root.set(k, item);
            keys.emplace_back(k, key("sub", id));
            if (level < 14) {
                const int n = counts[level + 1];
                auto target = [&](int j) {
                    std::string t = key("level", level + 1);
                    t.append("_item").append(std::to_string(j % n)).append(".value");
                    return t;
                };
                handler.add(key("sub", id), target(i), id);
                if (n > 1 && i % 2 == 0) {
                    handler.add(key("sub", id), target(i + 1), id + 1000);
                }
            }
            ++id;
        }
    }
    Pipeline p(root);
    for (const auto& [k, sub] : keys) {
        p.registerListener({sub, {k}, k, ""});
    }
    const bool plan = strategy == Strategy::Plan;
    if (fresh) { // the corrected variant: a new value every run, so the listener really runs
        return measure(std::string("published 5.1, fresh value every run") + strategyName(strategy), {}, 2000,
                       [&](int i) {
                           run(p, {{"level0_item0.value", state::Value(static_cast<double>(i + 1000))}}, handler,
                               strategy);
                       },
                       20);
    }
    const ChangeList input{{"level0_item0.value", state::Value(100)}};
    return measure(std::string("published 5.1 literal (50 flat listeners, repeated input)") + strategyName(strategy),
                   plan ? Target{"<= 1.022 us (published 978,534 ops/s)", 1.022}
                        : Target{"<= 3.006 us (published 332,661 ops/s)", 3.006},
                   2000, [&](int) { run(p, input, handler, strategy); }, 20);
}

struct Case {
    std::string name; // matched by --filter
    std::function<Row()> run;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (int n : {5, 10, 15, 20}) {
        for (Strategy s : {Strategy::Plan, Strategy::Legacy}) {
            out.push_back({"levels " + std::to_string(n) + strategyName(s), [n, s] { return levels(n, s); }});
        }
    }
    for (int size : {1, 10, 100, 1000}) {
        out.push_back({"batch " + std::to_string(size), [size] { return batch(size); }});
    }
    for (int f : {10, 1000, 100000}) {
        out.push_back({"1 change + 1 listener, " + std::to_string(f) + " fields", [f] { return stateSize(f); }});
    }
    for (bool fresh : {false, true}) {
        for (Strategy s : {Strategy::Plan, Strategy::Legacy}) {
            out.push_back({std::string(fresh ? "published 5.1 fresh" : "published 5.1 literal") + strategyName(s),
                           [s, fresh] { return publishedLiteral(s, fresh); }});
        }
    }
    return out;
}

const char* verdict(const Row& r) {
    if (r.target.maxMedianUs <= 0) {
        return "";
    }
    return r.median <= r.target.maxMedianUs ? "met" : "missed";
}

// Three significant digits are plenty for a table read by people.
std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::string wholeNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

} // namespace

int main(int argc, char** argv) {
    std::string jsonFile;
    std::string filter;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json" && i + 1 < argc) {
            jsonFile = argv[++i];
        } else if (arg == "--filter" && i + 1 < argc) {
            filter = argv[++i];
        } else if (arg == "--scenario" && i + 1 < argc) {
            gScenario = argv[++i];
        } else if (arg == "--quick") {
            gScale = 10;
        } else {
            std::fprintf(stderr, "usage: bench_pipeline [--json FILE] [--filter SUBSTRING] [--scenario SUBSTRING] [--quick]\n");
            return 2;
        }
    }
    warmUp(300); // once: the rows keep the core busy from then on
    std::vector<Row> rows;
    for (const auto& c : cases()) {
        if (filter.empty() || c.name.find(filter) != std::string::npos) {
            rows.push_back(c.run());
        }
    }
    if (filter.empty() || std::string("ecommerce").find(filter) != std::string::npos) {
        for (auto& r : ecommerce()) {
            rows.push_back(std::move(r));
        }
    }
    std::printf("| case | median us | p95 us | runs/s | native target | |\n|---|---|---|---|---|---|\n");
    json::Value out = json::Value::array();
    for (const auto& r : rows) {
        std::printf("| %s | %s | %s | %s | %s | %s |\n", r.name.c_str(), shortNumber(r.median).c_str(),
                    shortNumber(r.p95).c_str(), wholeNumber(r.median > 0 ? 1e6 / r.median : 0).c_str(),
                    r.target.text.c_str(), verdict(r));
        json::Value o = json::Value::object();
        o.set("case", r.name);
        o.set("median_us", r.median);
        o.set("p95_us", r.p95);
        o.set("target", r.target.text);
        if (r.target.maxMedianUs > 0) {
            o.set("target_max_median_us", r.target.maxMedianUs);
            o.set("met", r.median <= r.target.maxMedianUs);
        }
        out.push(o);
    }
    if (!jsonFile.empty()) {
        std::ofstream(jsonFile) << json::write(out) << '\n';
    }
    return 0;
}
