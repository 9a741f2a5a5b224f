// SPDX-License-Identifier: GPL-3.0-or-later
// bench_extract: extraction speed on generated documents, beside the native
// targets of issue 4 and kreuzberg's measured figures (@kreuzberg/node, same
// machine class; reference only, not run here).
//   bench_extract [--json FILE] [--quick]
#include "GeneratedDocuments.h"

#include "core/Json.h"
#include "extract/ExtractionStream.h"
#include "extract/Extractor.h"
#include "extract/ResultJson.h"
#include "trace/TimingRecord.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace bi;
using namespace bi::extract;

struct Case {
    std::string name;
    std::size_t bytes = 0;
    int runs = 0;
    double medianUs = 0;
    double p95Us = 0;
    double targetUs = 0;    // 0: no target
    double kreuzbergUs = 0; // 0: not measured
};

double percentile(std::vector<double> samples, double p) {
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[index];
}

Case measure(std::string name, std::size_t bytes, int runs, const std::function<void()>& call) {
    for (int i = 0; i < std::max(1, runs / 10); ++i) {
        call(); // warm-up
    }
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const double t0 = trace::nowMicros();
        call();
        samples.push_back(trace::nowMicros() - t0);
    }
    Case c;
    c.name = std::move(name);
    c.bytes = bytes;
    c.runs = runs;
    c.medianUs = percentile(samples, 0.5);
    c.p95Us = percentile(samples, 0.95);
    return c;
}

// One engine call as the command line makes it: extraction plus result JSON,
// with the extractor, result and output buffer reused (steady state).
class ReusedCall {
public:
    void operator()(std::string_view input, const ExtractOptions& options) {
        extractor_.extract(input, options, result_);
        json_.clear();
        appendResultJson(result_, json_);
    }

private:
    Extractor extractor_;
    ExtractionResult result_;
    std::string json_;
};

void freshCall(std::string_view input, const ExtractOptions& options) {
    Extractor extractor;
    ExtractionResult result;
    std::string json;
    extractor.extract(input, options, result);
    appendResultJson(result, json);
}

std::string formatUs(double us) {
    char buf[32];
    if (us >= 1000) {
        std::snprintf(buf, sizeof buf, "%.2f ms", us / 1000);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f µs", us);
    }
    return buf;
}

void printTable(const std::vector<Case>& cases) {
    std::printf("| case | input | runs | median | p95 | native target | met | @kreuzberg/node (measured) |\n");
    std::printf("|---|---:|---:|---:|---:|---:|:-:|---:|\n");
    for (const Case& c : cases) {
        std::printf("| %s | %.1f KB | %d | %s | %s | %s | %s | %s |\n", c.name.c_str(),
                    static_cast<double>(c.bytes) / 1024.0, c.runs, formatUs(c.medianUs).c_str(),
                    formatUs(c.p95Us).c_str(), c.targetUs > 0 ? ("≤ " + formatUs(c.targetUs)).c_str() : "–",
                    c.targetUs > 0 ? (c.medianUs <= c.targetUs ? "yes" : "NO") : "",
                    c.kreuzbergUs > 0 ? formatUs(c.kreuzbergUs).c_str() : "–");
    }
}

void writeJson(const std::vector<Case>& cases, double arenaGain, const std::string& path) {
    json::Value root = json::Value::object();
    root.set("suite", "extract");
    json::Value list = json::Value::array();
    for (const Case& c : cases) {
        json::Value v = json::Value::object();
        v.set("name", c.name);
        v.set("bytes", c.bytes);
        v.set("runs", c.runs);
        v.set("median_us", c.medianUs);
        v.set("p95_us", c.p95Us);
        v.set("target_us", c.targetUs > 0 ? json::Value(c.targetUs) : json::Value());
        v.set("kreuzberg_node_us", c.kreuzbergUs > 0 ? json::Value(c.kreuzbergUs) : json::Value());
        list.push(std::move(v));
    }
    root.set("cases", std::move(list));
    root.set("batch_malloc_over_arena", arenaGain);
    std::ofstream(path, std::ios::binary) << json::write(root) << '\n';
}

} // namespace

int main(int argc, char** argv) {
    std::string jsonPath;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json" && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (arg == "--quick") {
            quick = true;
        } else {
            std::fprintf(stderr, "usage: bench_extract [--json FILE] [--quick]\n");
            return 2;
        }
    }
    const int scale = quick ? 10 : 1;

    const std::string html = bench::generateHtml(1536, 1);
    const std::string markdown = bench::generateMarkdown(33 * 1024, 2);
    std::vector<std::string> batch;
    for (unsigned i = 0; i < 10; ++i) {
        batch.push_back(i < 5 ? bench::generateHtml(100 * 1024, 10 + i) : bench::generateMarkdown(100 * 1024, 10 + i));
    }
    std::size_t batchBytes = 0;
    for (const auto& doc : batch) {
        batchBytes += doc.size();
    }
    const std::string bigHtml = bench::generateHtml(10 * 1024 * 1024, 3);

    ExtractOptions htmlOptions;
    htmlOptions.mimeType = "text/html";
    ExtractOptions mdOptions;
    mdOptions.mimeType = "text/markdown";
    ExtractOptions mdChunked = mdOptions;
    mdChunked.chunking = {1000, 100};
    ExtractOptions streamOptions = htmlOptions;
    streamOptions.chunking = {1000, 100};

    std::vector<Case> cases;
    ReusedCall reused;
    cases.push_back(measure("HTML 1.5 KB", html.size(), 3000 / scale, [&] { reused(html, htmlOptions); }));
    cases.back().targetUs = 20;
    cases.back().kreuzbergUs = 490;
    cases.push_back(measure("Markdown 33 KB", markdown.size(), 500 / scale, [&] { reused(markdown, mdOptions); }));
    cases.back().targetUs = 200;
    cases.back().kreuzbergUs = 2200;
    cases.push_back(measure("Markdown 33 KB, chunked 1000/100", markdown.size(), 500 / scale,
                            [&] { reused(markdown, mdChunked); }));
    cases.back().kreuzbergUs = 3780;
    ReusedCall batchCall;
    cases.push_back(measure("batch 10 x 100 KB, arena (reused buffers)", batchBytes, 40 / scale + 1, [&] {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            batchCall(batch[i], i < 5 ? htmlOptions : mdOptions);
        }
    }));
    cases.back().targetUs = 8000;
    cases.back().kreuzbergUs = 100000;
    cases.push_back(measure("batch 10 x 100 KB, malloc (fresh objects)", batchBytes, 40 / scale + 1, [&] {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            freshCall(batch[i], i < 5 ? htmlOptions : mdOptions);
        }
    }));
    cases.push_back(measure("HTML 10 MB, first streamed chunk", bigHtml.size(), 60 / scale + 1, [&] {
        ExtractionStream stream(bigHtml, streamOptions);
        Chunk chunk;
        stream.next(chunk);
    }));
    cases.back().targetUs = 5000;
    cases.push_back(measure("HTML 10 MB, whole extraction", bigHtml.size(), 5, [&] { freshCall(bigHtml, htmlOptions); }));

    // Memory while streaming the whole 10 MB page: converted bytes held at most.
    std::size_t peakHeld = 0;
    std::size_t streamedChunks = 0;
    const double streamStart = trace::nowMicros();
    {
        ExtractionStream stream(bigHtml, streamOptions);
        Chunk chunk;
        while (stream.next(chunk)) {
            peakHeld = std::max(peakHeld, stream.bytesHeld());
            ++streamedChunks;
        }
    }
    const double streamUs = trace::nowMicros() - streamStart;

    const double arenaGain = cases[4].medianUs / cases[3].medianUs;
    printTable(cases);
    std::printf("\nbatch: malloc / arena median = %.2fx. kreuzberg figures are the issue's measurements on this "
                "machine class (sync calls), shown for reference only.\n",
                arenaGain);
    std::printf("streaming the whole 10 MB page: %zu chunks in %s, at most %.1f KB of converted content held.\n",
                streamedChunks, formatUs(streamUs).c_str(), static_cast<double>(peakHeld) / 1024.0);
    if (!jsonPath.empty()) {
        writeJson(cases, arenaGain, jsonPath);
    }
    return 0;
}
