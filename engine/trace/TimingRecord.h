// SPDX-License-Identifier: GPL-3.0-or-later
// One record per boundary call, native or wasm. Phase times are microseconds.
// overhead = total - compute. Calls shorter than the clock's resolution are
// timed as a block of `block` repetitions and every figure is per call.
#pragma once

#include "core/Json.h"

#include <chrono>
#include <string>

namespace bi::trace {

struct TimingRecord {
    std::string op;
    std::string strategy;
    std::string engine; // "native" or "wasm"
    double bytesIn = 0;
    double bytesOut = 0;
    int crossings = 0;
    int block = 1;
    double hostEncode = 0;
    double copyIn = 0;
    double engineDecode = 0;
    double compute = 0;
    double engineEncode = 0;
    double copyOut = 0;
    double hostDecode = 0;
    double total = 0;

    [[nodiscard]] double overhead() const { return total - compute; }
    [[nodiscard]] json::Value toJson() const;
    static TimingRecord fromJson(const json::Value& v);
};

// Monotonic microseconds; steady_clock maps to performance.now() under Emscripten.
inline double nowMicros() {
    using namespace std::chrono;
    return static_cast<double>(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count()) / 1000.0;
}

} // namespace bi::trace
