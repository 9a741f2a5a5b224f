// SPDX-License-Identifier: GPL-3.0-or-later
#include "BiCommandLine.h"

#include "api/Commands.h"
#include "api/ExtractCommands.h"
#include "core/EngineError.h"
#include "trace/TimingRecord.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace bi::cli {

namespace {

constexpr const char* kUsage =
    "usage: bi run SCENARIO [--strategy plan|legacy] [--trace] [--max-listener-writes N] [--repeat N]\n"
    "       bi extract FILE [--mime TYPE] [--max-chars N [--overlap M]] [--text]\n"
    "       bi extract --batch FILE... [same options]\n"
    "       bi md2html FILE\n";

struct UsageError {
    std::string message;
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw EngineError("cannot open '" + path + "'");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Args {
    std::string command;
    std::vector<std::string> files;
    std::string strategy = "plan";
    int repeat = 1;
    // extract
    std::string mime;
    bool plainText = false;
    bool batch = false;
    std::size_t maxChars = 0;
    std::size_t overlap = 0;
    bool trace = false;
    std::size_t maxListenerWrites = 0;
};

std::size_t parseCount(const std::string& option, const std::string& text) {
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || n > 100000000) {
            throw UsageError{option + " needs a non-negative whole number, not '" + text + "'"};
        }
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (text.empty()) {
        throw UsageError{option + " needs a number"};
    }
    return n;
}

Args parseArgs(int argc, char** argv) {
    Args a;
    if (argc < 2) {
        throw UsageError{"missing command"};
    }
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                throw UsageError{"option " + arg + " needs a value"};
            }
            return argv[++i];
        };
        if (arg == "--strategy") {
            a.strategy = value();
        } else if (arg == "--trace") {
            a.trace = true;
        } else if (arg == "--max-listener-writes") {
            const int limit = std::stoi(value());
            if (limit < 1) {
                throw UsageError{"--max-listener-writes must be at least 1"};
            }
            a.maxListenerWrites = static_cast<std::size_t>(limit);
        } else if (arg == "--repeat") {
            a.repeat = std::stoi(value());
            if (a.repeat < 1) {
                throw UsageError{"--repeat must be at least 1"};
            }
        } else if (arg == "--mime") {
            a.mime = value();
        } else if (arg == "--text") {
            a.plainText = true;
        } else if (arg == "--batch") {
            a.batch = true;
        } else if (arg == "--max-chars") {
            a.maxChars = parseCount(arg, value());
        } else if (arg == "--overlap") {
            a.overlap = parseCount(arg, value());
        } else if (arg.rfind("--", 0) == 0) {
            throw UsageError{"unknown option " + arg};
        } else {
            a.files.push_back(arg);
        }
    }
    return a;
}

trace::TimingRecord extractTiming(std::size_t bytesIn, const api::CommandOutput& out, double total) {
    trace::TimingRecord r;
    r.op = "extract";
    r.engine = "native";
    r.bytesIn = static_cast<double>(bytesIn);
    r.bytesOut = static_cast<double>(out.json.size());
    r.crossings = out.crossings;
    r.engineDecode = out.phases.decode;
    r.compute = out.phases.compute;
    r.engineEncode = out.phases.encode;
    r.total = total;
    return r;
}

// Prints the result (or, with --batch, an array of results), each followed by
// its timings as `bi run` does.
int runExtract(const Args& args) {
    if (args.files.empty() || (!args.batch && args.files.size() != 1)) {
        throw UsageError{"extract takes one FILE (or --batch FILE...)"};
    }
    if (args.overlap > 0 && args.maxChars == 0) {
        throw UsageError{"--overlap needs --max-chars"};
    }
    api::ExtractCommandOptions options;
    options.mimeType = args.mime;
    options.plainText = args.plainText;
    options.maxChars = args.maxChars;
    options.overlap = args.overlap;
    std::vector<std::string> contents;
    std::vector<api::ExtractInput> inputs;
    contents.reserve(args.files.size());
    for (const std::string& file : args.files) {
        contents.push_back(readFile(file));
        inputs.push_back(api::ExtractInput{contents.back(), file});
    }
    const double t0 = trace::nowMicros();
    const std::vector<api::CommandOutput> outputs = api::extractBatch(inputs, options);
    const double perDocument = (trace::nowMicros() - t0) / static_cast<double>(outputs.size());
    std::string text = args.batch ? "[" : "";
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        json::Value timings = json::Value::array();
        timings.push(extractTiming(inputs[i].bytes.size(), outputs[i], perDocument).toJson());
        text += i > 0 ? "," : "";
        text += api::withTimings(outputs[i].json, json::write(timings));
    }
    text += args.batch ? "]\n" : "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

int runMarkdownToHtml(const Args& args) {
    if (args.files.size() != 1) {
        throw UsageError{"md2html takes exactly one FILE"};
    }
    const std::string html = api::markdownToHtml(readFile(args.files[0]));
    std::fwrite(html.data(), 1, html.size(), stdout);
    return 0;
}

int runCommand(const Args& args) {
    if (args.command == "extract") {
        return runExtract(args);
    }
    if (args.command == "md2html") {
        return runMarkdownToHtml(args);
    }
    if (args.command != "run") {
        throw UsageError{"unknown command '" + args.command + "'"};
    }
    if (args.files.size() != 1) {
        throw UsageError{"run takes exactly one SCENARIO file"};
    }
    const std::string text = readFile(args.files[0]);
    api::RunOptions options;
    options.strategy = args.strategy;
    options.trace = args.trace;
    options.maxListenerWrites = args.maxListenerWrites;
    json::Value timings = json::Value::array();
    api::CommandOutput out;
    for (int i = 0; i < args.repeat; ++i) {
        double t0 = trace::nowMicros();
        out = api::runScenario(text, options);
        double t1 = trace::nowMicros();
        trace::TimingRecord r;
        r.op = "run";
        r.strategy = options.strategy;
        r.engine = "native";
        r.bytesIn = static_cast<double>(text.size());
        r.bytesOut = static_cast<double>(out.json.size());
        r.crossings = out.crossings;
        r.engineDecode = out.phases.decode;
        r.compute = out.phases.compute;
        r.engineEncode = out.phases.encode;
        r.total = t1 - t0;
        timings.push(r.toJson());
    }
    std::string line = api::withTimings(out.json, json::write(timings));
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    return 0;
}

} // namespace

int runCommandLine(int argc, char** argv) {
    try {
        return runCommand(parseArgs(argc, argv));
    } catch (const UsageError& e) {
        std::cerr << "bi: " << e.message << '\n' << kUsage;
    } catch (const EngineError& e) {
        std::cerr << "bi: " << e.what() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bi: " << e.what() << '\n';
    }
    return 2;
}

} // namespace bi::cli
