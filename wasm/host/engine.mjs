// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the Emscripten module under Node. The calls and their timing are the
// platform-free WasmEngine (wasm-engine.mjs), which the browser page shares.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { HostError } from './host-error.mjs';

export { HostError };

const require = createRequire(import.meta.url);
// node:fs through require, not `import`: the ES module namespace of a builtin reads
// every export, and fs's lazy getters (promises, ReadStream) then load 18 stream
// modules, ~1-1.4 ms of the start-up (bench/boundary --only startup).
const { existsSync, readFileSync } = require('node:fs');
const here = path.dirname(fileURLToPath(import.meta.url));

export function defaultWasmDir() {
  return process.env.BI_WASM_DIR || path.resolve(here, '../../build/wasm');
}

// The call code (wasm-engine.mjs) and the host modules it uses, imported while V8
// compiles the wasm module (on a background thread), not statically before it: each
// ES module file imported statically cost about 1 ms of the start-up before the
// compile began. All four are requested at once; importHostModules then finds them loaded.
let callCode = null;

function importCallCode() {
  callCode ??= Promise.all([import('./wasm-engine.mjs'), import('./raw-calls.mjs'), import('./records.mjs'), import('./binary-codec.mjs')])
    .then(async ([engine]) => ({ WasmEngine: engine.WasmEngine, host: await engine.importHostModules() }));
  return callCode;
}

// Emscripten 3.1.6's loader calls fetch() on a file path under Node >= 18, so the
// module is handed its bytes (wasmBinary) instead of locating them itself.
export async function loadEngine({ wasmDir = defaultWasmDir(), variant = 'standard' } = {}) {
  // Absolute: require() would resolve a relative path against this file, not the cwd.
  const base = path.resolve(wasmDir, `bi-engine-${variant}`);
  if (!existsSync(`${base}.js`) || !existsSync(`${base}.wasm`)) {
    throw new HostError(`wasm module missing: ${base}.js/.wasm not found (run scripts/build)`);
  }
  const t0 = performance.now();
  const code = importCallCode();
  code.catch(() => {}); // awaited below; a failed compile must not leave it unhandled
  const create = require(`${base}.js`);
  const wasmBinary = readFileSync(`${base}.wasm`);
  const module = await create({ wasmBinary });
  const { WasmEngine, host } = await code;
  const calls = host.rawCalls(module);
  const startupMs = performance.now() - t0;
  return new WasmEngine(calls, { variant, startupMs, wasmBytes: wasmBinary.length });
}
