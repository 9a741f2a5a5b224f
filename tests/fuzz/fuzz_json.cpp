// SPDX-License-Identifier: GPL-3.0-or-later
// JSON parser: any bytes either parse (and then round-trip stably) or raise ParseError.
#include "core/Json.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        bi::json::Value v = bi::json::parse(text);
        std::string once = bi::json::write(v);
        std::string twice = bi::json::write(bi::json::parse(once));
        if (once != twice) {
            std::abort(); // writing must be a fixed point
        }
    } catch (const bi::json::ParseError&) {
    }
    return 0;
}
