// SPDX-License-Identifier: GPL-3.0-or-later
// Plain wasm exports, the engine's call surface besides the few embind functions
// that take or build JS values (callDirect, the copy strategy's Uint8Array calls).
// An embind function costs start-up (each registration builds its JS invoker with
// `new Function`: about 3 ms for the 35 functions bound before) and every call
// (the invoker marshals each std::string argument through a malloc). A plain export
// is called straight from JS with numbers only: strings cross as (pointer, length)
// in wasm memory, written by the host (engine.mjs, RawCalls), and string results
// are read back through a TextSpan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <emscripten/emscripten.h>
#include <string>
#include <string_view>

// `extern "C"` keeps the export's name; KEEPALIVE exports it (as Module._name).
#define BI_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE

namespace bi::wasm {

// Where a string result lives: two u32 the host reads from wasm memory.
struct TextSpan {
    std::uint32_t ptr = 0;
    std::uint32_t len = 0;
};

inline std::string_view bytesAt(std::uintptr_t ptr, std::size_t len) {
    return {reinterpret_cast<const char*>(ptr), len};
}

// A string argument the host wrote at (ptr, len); copied, as the host reuses the space.
inline std::string textArg(std::uintptr_t ptr, std::size_t len) {
    return std::string(bytesAt(ptr, len));
}

// The span of `text`, which must outlive the host's read (a static or the last call's).
inline std::uintptr_t spanOf(const std::string& text) {
    static TextSpan span;
    span.ptr = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(text.data()));
    span.len = static_cast<std::uint32_t>(text.size());
    return reinterpret_cast<std::uintptr_t>(&span);
}

} // namespace bi::wasm
