// SPDX-License-Identifier: GPL-3.0-or-later
// The operations behind the codec calls of the bindings: each takes and returns a
// json::Value, so the three codecs are compared on exactly the same work.
#pragma once

#include "core/Json.h"

#include <string>

namespace bi::wasm {

// `args` is the small per-call argument (a session id, a level) passed as a plain
// string so that it costs the same under every codec. Throws EngineError for an
// unknown op or bad input.
json::Value runOp(const std::string& op, const std::string& args, json::Value input);

// The ops runOp knows, comma-separated (the host's WasmEngine.supports reads it).
std::string opNames();

} // namespace bi::wasm
