// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario loading and runs: bad input is an EngineError, never a crash or a hang.
#include "api/Commands.h"
#include "core/EngineError.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const char* strategy : {"plan", "legacy"}) {
        try {
            bi::api::RunOptions options;
            options.strategy = strategy;
            (void)bi::api::runScenario(text, options);
        } catch (const bi::EngineError&) {
        }
    }
    return 0;
}
