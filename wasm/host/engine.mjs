// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the Emscripten module and runs calls on it, timing every phase of the
// crossing: host encode, copy in, engine decode/compute/encode, copy out, host decode.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { changesSize, writeChanges, decodeDocument } from './binary-codec.mjs';

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

  // Phase times the engine measured for the last call.
  enginePhases() {
    return { engine_decode: this.m.phaseDecode(), compute: this.m.phaseCompute(), engine_encode: this.m.phaseEncode() };
  }

  // One crossing through a codec: `input` (a change list) goes in, the op's result
  // document comes out as a JS value. Returns { value, record }.
  call(op, input, { codec = 'json', args = '' } = {}) {
    const run = CODECS[codec];
    if (!run) throw new HostError(`unknown codec '${codec}' (expected json, direct or binary)`);
    const out = run(this, op, args, input);
    const phases = this.enginePhases();
    const record = { op, strategy: codec, engine: 'wasm', crossings: 1, block: 1, ...out.times, ...phases };
    record.total = out.total;
    record.overhead = record.total - record.compute;
    return { value: out.value, record };
  }

  lastError() {
    return this.m.lastError();
  }

  // Whether this module's bindings know an engine op (ops arrive with the issues that add them).
  supports(op) {
    if (!this.m.supportedOps) return op === 'echo';
    return this.m.supportedOps().split(',').includes(op);
  }
}

// Each codec returns { value, times: {bytes_in, bytes_out, host_encode, copy_in, copy_out, host_decode}, total }.
const CODECS = {
  json(engine, op, args, input) {
    const m = engine.m;
    const t0 = performance.now();
    const bytes = encoder.encode(JSON.stringify(input));
    const t1 = performance.now();
    const ptr = m.allocBytes(bytes.length);
    m.HEAPU8.set(bytes, ptr);
    const t2 = performance.now();
    let ok;
    try {
      ok = m.callJson(op, args, ptr, bytes.length);
    } finally {
      m.freeBytes(ptr);
    }
    const t3 = performance.now();
    if (!ok) throw new HostError(m.lastError());
    const outPtr = m.resultPtr();
    const text = decoder.decode(m.HEAPU8.subarray(outPtr, outPtr + m.resultLen()));
    const t4 = performance.now();
    const value = JSON.parse(text);
    const t5 = performance.now();
    return {
      value,
      times: { bytes_in: bytes.length, bytes_out: text.length, host_encode: micros(t0, t1), copy_in: micros(t1, t2), copy_out: micros(t3, t4), host_decode: micros(t4, t5) },
      total: micros(t0, t5),
    };
  },

  // embind reads the JS objects field by field: there is no host encode or copy phase.
  direct(engine, op, args, input) {
    const m = engine.m;
    const t0 = performance.now();
    const value = m.callDirect(op, args, input);
    const t1 = performance.now();
    if (value === null) {
      const error = m.lastError();
      if (error) throw new HostError(error);
    }
    return { value, times: { bytes_in: 0, bytes_out: 0 }, total: micros(t0, t1) };
  },

  // The host measures the layout, then writes it straight into wasm memory.
  binary(engine, op, args, input) {
    const m = engine.m;
    const t0 = performance.now();
    const size = changesSize(input);
    const ptr = m.allocBytes(size);
    writeChanges(input, m.HEAPU8, ptr);
    const t1 = performance.now();
    let ok;
    try {
      ok = m.callBinary(op, args, ptr, size);
    } finally {
      m.freeBytes(ptr);
    }
    const t2 = performance.now();
    if (!ok) throw new HostError(m.lastError());
    const outPtr = m.resultPtr();
    const len = m.resultLen();
    const value = decodeDocument(m.HEAPU8.subarray(outPtr, outPtr + len));
    const t3 = performance.now();
    return {
      value,
      times: { bytes_in: size, bytes_out: len, host_encode: micros(t0, t1), host_decode: micros(t2, t3) },
      total: micros(t0, t3),
    };
  },
};
