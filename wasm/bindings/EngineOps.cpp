// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineOps.h"

#include "core/EngineError.h"

namespace bi::wasm {

namespace {

// Returns its input as {"changes": input, "count": n}: the boundary cost with no work.
json::Value echo(json::Value input) {
    const std::size_t n = input.isArray() ? input.asArray().size() : 0;
    json::Value out = json::Value::object();
    out.set("changes", std::move(input));
    out.set("count", n);
    return out;
}

} // namespace

json::Value runOp(const std::string& op, const std::string& args, json::Value input) {
    (void)args;
    if (op == "echo") {
        return echo(std::move(input));
    }
    throw EngineError("unknown engine op '" + op + "'");
}

std::string opNames() {
    return "echo";
}

} // namespace bi::wasm
