// SPDX-License-Identifier: GPL-3.0-or-later
// bench_extract: extraction speed on generated documents, beside the native
// targets of issue 4 and kreuzberg: measured on the same documents when
// --kreuzberg names the output of bench/extract/kreuzberg.mjs (scripts/bench
// extract runs it), and the published figures, labelled as such.
//   bench_extract [--json FILE] [--quick] [--kreuzberg KREUZBERG.json]
//   bench_extract --write-docs DIR   writes the generated documents (bench/boundary reads them)
//   bench_extract --filter TEXT      measures only the cases whose name contains TEXT (for
//                                    valgrind --tool=callgrind on one document kind)
//   bench_extract --samples          the JSON also lists every case's samples (samples_us), so
//                                    that bench/boundary can pool several short runs
#include "GeneratedDocuments.h"

#include "core/Json.h"
#include "extract/ExtractionStream.h"
#include "extract/Extractor.h"
#include "extract/ResultJson.h"
#include "trace/TimingRecord.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
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
    double targetUs = 0; // 0: no target
    std::string kreuzbergId;          // the case in kreuzberg.mjs's output; empty: none
    double kreuzbergPublishedUs = 0;  // issue 4's figure (@kreuzberg/node, sync); 0: none
    double kreuzbergMeasuredUs = 0;   // this run's, from --kreuzberg; 0: none
    std::vector<double> samples;      // µs, in call order
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
    c.samples = std::move(samples);
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

// kreuzberg measured on this machine, read from kreuzberg.mjs's JSON.
struct KreuzbergRun {
    enum class State { NotRun, NotInstalled, Measured } state = State::NotRun;
    std::string package; // "@kreuzberg/wasm 4.5.2"
    std::string mode;    // "sync" or "async" calls
    json::Value cases = json::Value::object();
};

// Throws std::runtime_error naming the file on bad input.
KreuzbergRun readKreuzberg(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    json::Value v;
    try {
        v = json::parse(text);
    } catch (const json::ParseError& e) {
        throw std::runtime_error(path + ": " + e.describe());
    }
    KreuzbergRun run;
    const json::Value* installed = v.find("installed");
    if (installed == nullptr || !installed->isBool()) {
        throw std::runtime_error(path + ": no \"installed\" member");
    }
    if (!installed->asBool()) {
        run.state = KreuzbergRun::State::NotInstalled;
        return run;
    }
    const json::Value* package = v.find("package");
    const json::Value* mode = v.find("mode");
    const json::Value* cases = v.find("cases");
    if (package == nullptr || !package->isString() || mode == nullptr || !mode->isString() || cases == nullptr ||
        !cases->isObject()) {
        throw std::runtime_error(path + ": needs \"package\", \"mode\" and \"cases\"");
    }
    run.state = KreuzbergRun::State::Measured;
    run.package = package->asString();
    run.mode = mode->asString();
    run.cases = *cases;
    return run;
}

void applyKreuzberg(const KreuzbergRun& run, std::vector<Case>& cases) {
    for (Case& c : cases) {
        const json::Value* measured = c.kreuzbergId.empty() ? nullptr : run.cases.find(c.kreuzbergId);
        const json::Value* median = measured != nullptr ? measured->find("median_us") : nullptr;
        if (median != nullptr && median->isNumber()) {
            c.kreuzbergMeasuredUs = median->asNumber();
        }
    }
}

std::string measuredCell(const Case& c, const KreuzbergRun& run) {
    if (c.kreuzbergId.empty()) {
        return "–";
    }
    switch (run.state) {
    case KreuzbergRun::State::NotRun: return "not run";
    case KreuzbergRun::State::NotInstalled: return "not installed";
    case KreuzbergRun::State::Measured: break;
    }
    return c.kreuzbergMeasuredUs > 0 ? formatUs(c.kreuzbergMeasuredUs) : "–";
}

void printTable(const std::vector<Case>& cases, const KreuzbergRun& run) {
    std::printf("| case | input | runs | median | p95 | native target | met | kreuzberg (measured here) | "
                "kreuzberg (published) |\n");
    std::printf("|---|---:|---:|---:|---:|---:|:-:|---:|---:|\n");
    for (const Case& c : cases) {
        std::printf("| %s | %.1f KB | %d | %s | %s | %s | %s | %s | %s |\n", c.name.c_str(),
                    static_cast<double>(c.bytes) / 1024.0, c.runs, formatUs(c.medianUs).c_str(),
                    formatUs(c.p95Us).c_str(), c.targetUs > 0 ? ("≤ " + formatUs(c.targetUs)).c_str() : "–",
                    c.targetUs > 0 ? (c.medianUs <= c.targetUs ? "yes" : "NO") : "", measuredCell(c, run).c_str(),
                    c.kreuzbergPublishedUs > 0 ? formatUs(c.kreuzbergPublishedUs).c_str() : "–");
    }
}

void writeJson(const std::vector<Case>& cases, double arenaGain, const KreuzbergRun& run, bool withSamples,
               const std::string& path) {
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
        v.set("kreuzberg_measured_us", c.kreuzbergMeasuredUs > 0 ? json::Value(c.kreuzbergMeasuredUs) : json::Value());
        v.set("kreuzberg_published_us",
              c.kreuzbergPublishedUs > 0 ? json::Value(c.kreuzbergPublishedUs) : json::Value());
        if (withSamples) {
            json::Value samples = json::Value::array();
            for (const double us : c.samples) {
                samples.push(us);
            }
            v.set("samples_us", std::move(samples));
        }
        list.push(std::move(v));
    }
    root.set("cases", std::move(list));
    root.set("batch_malloc_over_arena", arenaGain);
    root.set("kreuzberg", run.state == KreuzbergRun::State::Measured       ? json::Value(run.package + ", " + run.mode)
                          : run.state == KreuzbergRun::State::NotInstalled ? json::Value("not installed")
                                                                           : json::Value("not run"));
    std::ofstream(path, std::ios::binary) << json::write(root) << '\n';
}

// The documents: HTML 1.5 KB, Markdown 33 KB, and the batch of
// 10 x 100 KB (5 HTML, then 5 Markdown).
struct Documents {
    std::string html;
    std::string markdown;
    std::vector<std::string> batch;
};

Documents generateDocuments() {
    Documents d;
    d.html = bench::generateHtml(1536, 1);
    d.markdown = bench::generateMarkdown(33 * 1024, 2);
    for (unsigned i = 0; i < 10; ++i) {
        d.batch.push_back(i < 5 ? bench::generateHtml(100 * 1024, 10 + i)
                                : bench::generateMarkdown(100 * 1024, 10 + i));
    }
    return d;
}

// Writes html-1k5.html, markdown-33k.md and batch-NN.{html,md}; false on an I/O error.
bool writeDocuments(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const Documents d = generateDocuments();
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream out(std::filesystem::path(dir) / name, std::ios::binary);
        out << bytes;
        return static_cast<bool>(out);
    };
    bool ok = write("html-1k5.html", d.html) && write("markdown-33k.md", d.markdown);
    for (std::size_t i = 0; i < d.batch.size() && ok; ++i) {
        const std::string name = "batch-0" + std::to_string(i) + (i < 5 ? ".html" : ".md");
        ok = write(name, d.batch[i]);
    }
    if (!ok) {
        std::fprintf(stderr, "bench_extract: cannot write the documents to '%s'\n", dir.c_str());
    }
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    std::string jsonPath;
    std::string kreuzbergPath;
    bool quick = false;
    bool withSamples = false;
    std::string filter;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json" && i + 1 < argc) {
            jsonPath = argv[++i];
        } else if (arg == "--quick") {
            quick = true;
        } else if (arg == "--samples") {
            withSamples = true;
        } else if (arg == "--kreuzberg" && i + 1 < argc) {
            kreuzbergPath = argv[++i];
        } else if (arg == "--filter" && i + 1 < argc) {
            filter = argv[++i];
        } else if (arg == "--write-docs" && i + 1 < argc) {
            return writeDocuments(argv[++i]) ? 0 : 2;
        } else {
            std::fprintf(stderr, "usage: bench_extract [--json FILE] [--quick] [--kreuzberg KREUZBERG.json]\n"
                                 "                     [--filter TEXT] [--samples]\n"
                                 "       bench_extract --write-docs DIR\n");
            return 2;
        }
    }
    const int scale = quick ? 10 : 1;
    KreuzbergRun kreuzberg;
    if (!kreuzbergPath.empty()) {
        try {
            kreuzberg = readKreuzberg(kreuzbergPath);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench_extract: --kreuzberg: %s\n", e.what());
            return 2;
        }
    }

    const Documents documents = generateDocuments();
    const std::string& html = documents.html;
    const std::string& markdown = documents.markdown;
    const std::vector<std::string>& batch = documents.batch;
    std::size_t batchBytes = 0;
    for (const auto& doc : batch) {
        batchBytes += doc.size();
    }
    const auto wanted = [&](const char* name) {
        return std::string_view(name).find(filter) != std::string_view::npos;
    };
    const bool wantsBig = wanted("HTML 10 MB, first streamed chunk") || wanted("HTML 10 MB, whole extraction");
    const std::string bigHtml = wantsBig ? bench::generateHtml(10 * 1024 * 1024, 3) : std::string();

    ExtractOptions htmlOptions;
    htmlOptions.mimeType = "text/html";
    ExtractOptions mdOptions;
    mdOptions.mimeType = "text/markdown";
    ExtractOptions mdChunked = mdOptions;
    mdChunked.chunking = {1000, 100};
    ExtractOptions streamOptions = htmlOptions;
    streamOptions.chunking = {1000, 100};

    std::vector<Case> cases;
    // Measures the case unless --filter leaves it out; false then.
    const auto add = [&](const char* name, std::size_t bytes, int runs, const std::function<void()>& call) {
        if (!wanted(name)) {
            return false;
        }
        cases.push_back(measure(name, bytes, runs, call));
        return true;
    };
    ReusedCall reused;
    if (add("HTML 1.5 KB", html.size(), 3000 / scale, [&] { reused(html, htmlOptions); })) {
        cases.back().targetUs = 20;
        cases.back().kreuzbergId = "html-1k5";
        cases.back().kreuzbergPublishedUs = 490;
    }
    if (add("Markdown 33 KB", markdown.size(), 500 / scale, [&] { reused(markdown, mdOptions); })) {
        cases.back().targetUs = 200;
        cases.back().kreuzbergId = "markdown-33k";
        cases.back().kreuzbergPublishedUs = 2200;
    }
    if (add("Markdown 33 KB, chunked 1000/100", markdown.size(), 500 / scale, [&] { reused(markdown, mdChunked); })) {
        cases.back().kreuzbergId = "markdown-33k-chunked";
        cases.back().kreuzbergPublishedUs = 3780;
    }
    ReusedCall batchCall;
    double arenaMedian = 0;
    if (add("batch 10 x 100 KB, arena (reused buffers)", batchBytes, 40 / scale + 1, [&] {
            for (std::size_t i = 0; i < batch.size(); ++i) {
                batchCall(batch[i], i < 5 ? htmlOptions : mdOptions);
            }
        })) {
        cases.back().targetUs = 8000;
        cases.back().kreuzbergId = "batch-10x100k";
        cases.back().kreuzbergPublishedUs = 100000;
        arenaMedian = cases.back().medianUs;
    }
    double mallocMedian = 0;
    if (add("batch 10 x 100 KB, malloc (fresh objects)", batchBytes, 40 / scale + 1, [&] {
            for (std::size_t i = 0; i < batch.size(); ++i) {
                freshCall(batch[i], i < 5 ? htmlOptions : mdOptions);
            }
        })) {
        mallocMedian = cases.back().medianUs;
    }
    if (add("HTML 10 MB, first streamed chunk", bigHtml.size(), 60 / scale + 1, [&] {
            ExtractionStream stream(bigHtml, streamOptions);
            Chunk chunk;
            stream.next(chunk);
        })) {
        cases.back().targetUs = 5000;
    }
    add("HTML 10 MB, whole extraction", bigHtml.size(), 5, [&] { freshCall(bigHtml, htmlOptions); });

    // Memory while streaming the whole 10 MB page: converted bytes held at most.
    std::size_t peakHeld = 0;
    std::size_t streamedChunks = 0;
    const double streamStart = trace::nowMicros();
    if (filter.empty()) {
        ExtractionStream stream(bigHtml, streamOptions);
        Chunk chunk;
        while (stream.next(chunk)) {
            peakHeld = std::max(peakHeld, stream.bytesHeld());
            ++streamedChunks;
        }
    }
    const double streamUs = trace::nowMicros() - streamStart;

    const double arenaGain = arenaMedian > 0 ? mallocMedian / arenaMedian : 0;
    applyKreuzberg(kreuzberg, cases);
    printTable(cases, kreuzberg);
    std::printf("\nbatch: malloc / arena median = %.2fx.\n", arenaGain);
    switch (kreuzberg.state) {
    case KreuzbergRun::State::Measured:
        std::printf("kreuzberg measured here: %s (%s calls), same documents, same runs.\n", kreuzberg.package.c_str(),
                    kreuzberg.mode.c_str());
        break;
    case KreuzbergRun::State::NotInstalled:
        std::printf("kreuzberg measured here: not installed (@kreuzberg/node and @kreuzberg/wasm are optional npm "
                    "dependencies).\n");
        break;
    case KreuzbergRun::State::NotRun:
        std::printf("kreuzberg measured here: not run (scripts/bench extract measures it).\n");
        break;
    }
    std::printf("kreuzberg published: the figures of issue 4 (@kreuzberg/node, sync calls, same machine class), "
                "not measured by this run.\n");
    if (filter.empty()) {
        std::printf("streaming the whole 10 MB page: %zu chunks in %s, at most %.1f KB of converted content held.\n",
                    streamedChunks, formatUs(streamUs).c_str(), static_cast<double>(peakHeld) / 1024.0);
    }
    if (!jsonPath.empty()) {
        writeJson(cases, arenaGain, kreuzberg, withSamples, jsonPath);
    }
    return 0;
}
