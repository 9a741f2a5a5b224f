// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps a function out of line in the standard wasm module only.
//
// With LTO, LLVM inlines every function that has a single caller, however large,
// so the HTML converter's pump (tokenizer included) and the extractor's per-format
// work each became one 27-31 KB wasm function. V8 compiles such a function with
// TurboFan in 25-30 MB of compiler memory, two of them side by side on background
// threads: most of the Node host's peak RSS. Marking the rarely taken or per-document
// branches keeps each wasm function a few KB (a call per token or per document costs
// next to nothing). Native code is left to the compiler (its speed is measured in
// callgrind Ir and did not need this), and so is the minimal wasm module (-Oz,
// sized to the byte).
#if defined(__EMSCRIPTEN__) && defined(BI_VARIANT_STANDARD)
#define BI_WASM_OUTLINE __attribute__((noinline))
#else
#define BI_WASM_OUTLINE
#endif
