// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the Emscripten module and runs calls on it, timing every phase of the
// crossing: host encode, copy in, engine decode/compute/encode, copy out, host decode.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export function defaultWasmDir() {
  return process.env.BI_WASM_DIR || path.resolve(here, '../../build/wasm');
}

export class HostError extends Error {}

// Emscripten 3.1.6's loader calls fetch() on a file path under Node >= 18, so the
// module is handed its bytes (wasmBinary) instead of locating them itself.
export async function loadEngine({ wasmDir = defaultWasmDir(), variant = 'standard' } = {}) {
  const base = path.join(wasmDir, `bi-engine-${variant}`);
  if (!existsSync(`${base}.js`) || !existsSync(`${base}.wasm`)) {
    throw new HostError(`wasm module missing: ${base}.js/.wasm not found (run scripts/build)`);
  }
  const t0 = performance.now();
  const create = require(`${base}.js`);
  const wasmBinary = readFileSync(`${base}.wasm`);
  const module = await create({ wasmBinary });
  const startupMs = performance.now() - t0;
  return new WasmEngine(module, { variant, startupMs, wasmBytes: wasmBinary.length });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const micros = (a, b) => (b - a) * 1000;

export class WasmEngine {
  constructor(module, info) {
    this.m = module;
    this.info = info;
  }

  // Runs a scenario with the JSON-string codec; returns { json, record }.
  runScenario(text, { strategy = 'plan' } = {}) {
    const m = this.m;
    const t0 = performance.now();
    const bytes = encoder.encode(text);
    const t1 = performance.now();
    const ptr = m.allocBytes(bytes.length);
    m.HEAPU8.set(bytes, ptr);
    const t2 = performance.now();
    let ok;
    try {
      ok = m.runScenarioBytes(ptr, bytes.length, strategy);
    } finally {
      m.freeBytes(ptr);
    }
    const t3 = performance.now();
    if (!ok) throw new HostError(m.lastError());
    const outPtr = m.resultPtr();
    const out = m.HEAPU8.slice(outPtr, outPtr + m.resultLen());
    const t4 = performance.now();
    const json = decoder.decode(out);
    const t5 = performance.now();
    const decode = m.phaseDecode();
    const compute = m.phaseCompute();
    const encode = m.phaseEncode();
    const record = {
      op: 'run', strategy, engine: 'wasm',
      bytes_in: bytes.length, bytes_out: out.length, crossings: 1, block: 1,
      host_encode: micros(t0, t1), copy_in: micros(t1, t2),
      engine_decode: decode, compute, engine_encode: encode,
      copy_out: micros(t3, t4), host_decode: micros(t4, t5),
      total: micros(t0, t5),
    };
    record.overhead = record.total - compute;
    return { json, record };
  }
}
