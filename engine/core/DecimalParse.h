// SPDX-License-Identifier: GPL-3.0-or-later
// Decimal text to the nearest double without tables or long double: the minimal
// wasm module's number reader (fast_float's table of powers of five and musl's
// strtod with its 128-bit soft float were a twentieth of that module). Compiled in
// every build so that the native tests compare it with glibc's strtod.
#pragma once

#include <string_view>

namespace bi::json {

// Reads the whole view as a decimal number: an optional '-', digits with an
// optional '.' (at least one digit), an optional exponent ('e' or 'E', an optional
// sign, digits) -- JSON's grammar plus "1." and ".5", as fast_float reads them.
// The result is the correctly rounded double (ties to even), the one fast_float
// and glibc's strtod give: beyond the largest double it is +-infinity, below half
// the smallest subnormal +-0. Returns false, leaving out alone, when the view is
// not such a number.
bool parseDecimal(std::string_view token, double& out);

} // namespace bi::json
