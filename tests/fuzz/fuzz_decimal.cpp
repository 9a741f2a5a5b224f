// SPDX-License-Identifier: GPL-3.0-or-later
// parseDecimal (the minimal wasm module's number reader) against glibc's strtod:
// every token it accepts, strtod reads whole and to the same bits; it never
// accepts what is not a decimal number.
#include "core/DecimalParse.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string token(reinterpret_cast<const char*>(data), size);
    double ours = 0;
    if (!bi::json::parseDecimal(token, ours)) {
        return 0;
    }
    // What parseDecimal accepts: '-', digits, one '.', then e/E, a sign, digits.
    if (token.empty() || token[0] == '+' || token.find_first_not_of("0123456789+-.eE") != std::string::npos) {
        std::abort();
    }
    char* end = nullptr;
    const double theirs = std::strtod(token.c_str(), &end);
    if (end != token.c_str() + token.size() || std::memcmp(&ours, &theirs, sizeof ours) != 0) {
        std::abort();
    }
    return 0;
}
