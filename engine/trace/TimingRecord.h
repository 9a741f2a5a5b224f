// SPDX-License-Identifier: GPL-3.0-or-later
// One record per boundary call, native or wasm. Phase times are microseconds.
// overhead = total - compute. Calls shorter than the clock's resolution are
// timed as a block of `block` repetitions and every figure is per call.
#pragma once

#include "core/Json.h"

#include <string>
#include <time.h>

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

// Monotonic microseconds (performance.now() under Emscripten). clock_gettime, not
// std::chrono::steady_clock: libc++'s steady_clock::now() can throw system_error,
// which links its message formatting (snprintf with floats) into the wasm module.
inline double nowMicros() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1000.0;
}

} // namespace bi::trace
