// SPDX-License-Identifier: GPL-3.0-or-later
#include "BiCommandLine.h"

#include "api/Commands.h"
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
    "usage: bi run SCENARIO [--strategy plan|legacy] [--repeat N]\n";

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
};

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
        } else if (arg == "--repeat") {
            a.repeat = std::stoi(value());
            if (a.repeat < 1) {
                throw UsageError{"--repeat must be at least 1"};
            }
        } else if (arg.rfind("--", 0) == 0) {
            throw UsageError{"unknown option " + arg};
        } else {
            a.files.push_back(arg);
        }
    }
    return a;
}

int runCommand(const Args& args) {
    if (args.command != "run") {
        throw UsageError{"unknown command '" + args.command + "'"};
    }
    if (args.files.size() != 1) {
        throw UsageError{"run takes exactly one SCENARIO file"};
    }
    const std::string text = readFile(args.files[0]);
    api::RunOptions options;
    options.strategy = args.strategy;
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
        r.crossings = 1;
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
