// SPDX-License-Identifier: GPL-3.0-or-later
// Direct object passing: JS values read and built field by field through embind
// (the strategy serde-wasm-bindgen stands for), with no JSON text in between.
#pragma once

#include "core/Json.h"

#include <emscripten/val.h>

namespace bi::wasm {

// Reads a JS value (null, boolean, number, string, array, plain object; undefined
// becomes the engine's {"$undefined":true}). Throws EngineError on anything else.
json::Value valueFromJs(const emscripten::val& v, int depth = 0);

// Builds the JS value. The undefined marker stays an object, so that a result
// printed with JSON.stringify has the bytes of the engine's own JSON.
emscripten::val valueToJs(const json::Value& v);

} // namespace bi::wasm
