// SPDX-License-Identifier: GPL-3.0-or-later
// Runs calls on a loaded Emscripten module, timing every phase of the crossing: host
// encode, copy in, engine decode/compute/encode, copy out, host decode. Nothing here
// is Node's: the Node host (engine.mjs loadEngine) and the browser page
// (wasm/web/load-web.mjs) load the module their own way and share this call code.
import { HostError } from './host-error.mjs';

export { HostError };

// The host modules the calls use, imported by the loaders (engine.mjs for Node,
// wasm/web/load-web.mjs for a browser) while the wasm module compiles (on a background
// thread): imported statically, each ES module file cost about 1 ms of the start-up
// before the compile began. Set once, by the first load; calls need it.
let host = null; // { rawCalls, clockResolutionMicros, blockSizeFor, codec, layouts }
let hostImport = null;

export function importHostModules() {
  hostImport ??= Promise.all([import('./raw-calls.mjs'), import('./records.mjs'), import('./binary-codec.mjs')])
    .then(([raw, records, codec]) => {
      // The binary codec's layouts, by input kind (binaryLayout picks one per call).
      const layouts = {
        outputs: { write: codec.writeOutputs, size: codec.outputsSize },
        changes: { write: codec.writeChanges, size: codec.changesSize },
        document: { write: codec.writeDocument, size: codec.documentSize },
      };
      host = { rawCalls: raw.rawCalls, clockResolutionMicros: records.clockResolutionMicros, blockSizeFor: records.blockSizeFor, codec, layouts };
      return host;
    });
  return hostImport;
}

// Ops without side effects: a call shorter than the clock resolves can be repeated
// and timed as a block. Session ops change the session, so they are timed once.
const PURE_OPS = new Set(['echo']);
const TIMED_FIELDS = ['host_encode', 'copy_in', 'copy_out', 'host_decode', 'engine_decode', 'compute', 'engine_encode'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const micros = (a, b) => (b - a) * 1000;
// The binary codec's input buffer starts at this size and doubles when an input does not fit.
const INPUT_BUFFER_BYTES = 64 * 1024;

export class WasmEngine {
  // `calls`: the module's calls (raw-calls.mjs), what the host modules use as `engine.m`.
  constructor(calls, info) {
    this.m = calls;
    this.info = info;
    this.resolutionMicros = null; // measured on the first pure call; settable
  }

  // Runs a scenario with the JSON-string codec; returns { json, record }.
  // The minimal module leaves this in-engine run out (the host's `run` drives a session:
  // pipeline-run.mjs), so it answers with a HostError there.
  runScenario(text, { strategy = 'plan' } = {}) {
    const m = this.m;
    if (typeof m.runScenarioBytes !== 'function') {
      throw new HostError(`runScenario: the '${this.info.variant}' module has no in-engine run (use runScenarioHosted)`);
    }
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
    const { engine_decode: decode, compute, engine_encode: encode } = m.phases();
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

  // Opens a pipeline session (wasm/bindings/PipelineSession.h) from scenario text.
  // Returns { session, described, record }: described is {name, max_listener_writes,
  // batches, listeners}; the record times this one crossing.
  openSession(text, { maxListenerWrites = 0 } = {}) {
    const out = textCrossing(this.m, encoder.encode(text), (ptr, len) => this.m.openSessionBytes(ptr, len, maxListenerWrites));
    const described = JSON.parse(out.text);
    const { session } = described;
    delete described.session;
    return { session, described, record: this.#textRecord('openSession', out) };
  }

  // The session's `bi run` report: always the engine's JSON bytes. Returns { json, record }.
  sessionReport(session) {
    const out = textCrossing(this.m, new Uint8Array(0), () => this.m.sessionReport(session));
    return { json: out.text, record: this.#textRecord('report', out) };
  }

  closeSession(session) {
    return this.m.closeSession(session);
  }

  #textRecord(op, out) {
    const record = { op, strategy: 'json', engine: 'wasm', bytes_in: out.bytesIn, bytes_out: out.bytesOut, crossings: 1, block: 1,
      copy_in: out.copyIn, copy_out: out.copyOut, ...this.enginePhases(), total: out.total };
    record.overhead = record.total - record.compute;
    return record;
  }

  // Phase times the engine measured for the last call.
  enginePhases() {
    return this.m.phases();
  }

  // One crossing through a codec: `input` (a change list, or any document for the
  // session ops) goes in, the op's result document comes out as a JS value. A pure op
  // (echo) faster than ~100 clock steps is repeated in a block and every figure is
  // the block's mean (`block` says how many calls). Returns { value, record }.
  call(op, input, { codec = 'json', args = '' } = {}) {
    let out = this.#crossOnce(op, input, codec, args);
    let block = 1;
    if (PURE_OPS.has(op)) {
      this.resolutionMicros ??= host.clockResolutionMicros(50);
      block = host.blockSizeFor(out.total, this.resolutionMicros);
    }
    if (block > 1) out = this.#crossBlock(op, input, codec, args, block);
    const record = { op, strategy: codec, engine: 'wasm', crossings: 1, block, ...out.times };
    record.total = out.total;
    record.overhead = record.total - record.compute;
    return { value: out.value, record };
  }

  // Returns { value, times (codec times + engine phases), total }.
  #crossOnce(op, input, codec, args) {
    const run = CODECS[codec];
    if (!run) throw new HostError(`unknown codec '${codec}' (expected json, direct or binary)`);
    let out;
    try {
      out = run(this, op, args, input);
    } catch (e) {
      throw e instanceof HostError ? e : new HostError(e.message);
    }
    return { value: out.value, times: { ...out.times, ...this.enginePhases() }, total: out.total };
  }

  // The total is one clock span over the whole block; phases are the means of what
  // each call measured.
  #crossBlock(op, input, codec, args, block) {
    let last;
    const sums = Object.fromEntries(TIMED_FIELDS.map((f) => [f, 0]));
    const t0 = performance.now();
    for (let i = 0; i < block; i++) {
      last = this.#crossOnce(op, input, codec, args);
      for (const f of TIMED_FIELDS) sums[f] += last.times[f] ?? 0;
    }
    const total = micros(t0, performance.now()) / block;
    for (const f of TIMED_FIELDS) sums[f] /= block;
    return { value: last.value, times: { ...last.times, ...sums }, total };
  }

  lastError() {
    return this.m.lastError();
  }

  // The binary codec's input buffer: one allocation in wasm memory, kept from call to
  // call and grown when an input does not fit, so that the layout is written in one pass
  // without measuring it first. `write(bytes)` writes into the view it gets and returns
  // the count (more than the view holds, or a RangeError, when it did not fit);
  // `measure()` gives the exact size, asked only when a write did not fit. Returns
  // { ptr, size }; the buffer stays the engine's until the next writeInput.
  writeInput(write, measure) {
    if (this.inputCapacity === undefined) this.#growInput(INPUT_BUFFER_BYTES);
    for (let attempt = 0; ; attempt++) {
      // The view is taken after allocating: growing memory replaces HEAPU8's buffer.
      const view = this.m.HEAPU8.subarray(this.inputPtr, this.inputPtr + this.inputCapacity);
      let size;
      try {
        size = write(view);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        size = Infinity;
      }
      if (size <= this.inputCapacity) return { ptr: this.inputPtr, size };
      const needed = measure();
      // A write that fails although the input fits was not about the buffer.
      if (attempt > 0 || needed <= this.inputCapacity) throw new HostError('binary codec: the input could not be written');
      this.#growInput(Math.max(2 * this.inputCapacity, Math.ceil(needed * 1.25)));
    }
  }

  #growInput(capacity) {
    if (this.inputPtr) this.m.freeBytes(this.inputPtr);
    this.inputPtr = this.m.allocBytes(capacity);
    if (this.inputPtr === 0) {
      this.inputCapacity = undefined;
      throw new HostError(`binary codec: no room in wasm memory for a ${capacity}-byte input`);
    }
    this.inputCapacity = capacity;
  }

  // Whether this module's bindings know an engine op (ops arrive with the issues that add them).
  // The list is read once: the host asks per batch (pipeline-run.mjs).
  supports(op) {
    if (!this.m.supportedOps) return op === 'echo';
    this.ops ??= new Set(this.m.supportedOps().split(','));
    return this.ops.has(op);
  }
}

// One crossing carrying bytes in and JSON text out; `invoke(ptr, len)` returns ok.
function textCrossing(m, bytes, invoke) {
  const t1 = performance.now();
  const ptr = m.allocBytes(bytes.length);
  m.HEAPU8.set(bytes, ptr);
  const t2 = performance.now();
  let ok;
  try {
    ok = invoke(ptr, bytes.length);
  } finally {
    m.freeBytes(ptr);
  }
  const t3 = performance.now();
  if (!ok) throw new HostError(m.lastError());
  const outPtr = m.resultPtr();
  const len = m.resultLen();
  const text = decoder.decode(m.HEAPU8.subarray(outPtr, outPtr + len));
  const t4 = performance.now();
  return { text, bytesIn: bytes.length, bytesOut: len, copyIn: micros(t1, t2), copyOut: micros(t3, t4), total: micros(t1, t4) };
}

const OUTPUT_OPS = new Set(['finalize', 'routeProducedChanges']);

function binaryLayout(engine, op, input) {
  const { codec, layouts } = host;
  if (OUTPUT_OPS.has(op) && engine.supports('binaryOutputs') && codec.isOutputList(input)) return layouts.outputs;
  return codec.isChangeList(input) ? layouts.changes : layouts.document;
}

// Each codec returns { value, times: {bytes_in, bytes_out, host_encode, copy_in, copy_out, host_decode}, total }.
const CODECS = {
  json(engine, op, args, input) {
    const m = engine.m;
    const t0 = performance.now();
    const bytes = encoder.encode(JSON.stringify(input));
    const t1 = performance.now();
    const out = textCrossing(m, bytes, (ptr, len) => m.callJson(op, args, ptr, len));
    const t4 = performance.now();
    const value = JSON.parse(out.text);
    const t5 = performance.now();
    return {
      value,
      times: { bytes_in: out.bytesIn, bytes_out: out.bytesOut, host_encode: micros(t0, t1), copy_in: out.copyIn, copy_out: out.copyOut, host_decode: micros(t4, t5) },
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

  // The host writes the layout straight into wasm memory (the engine's reused input
  // buffer, WasmEngine.writeInput): listener outputs (finalize, routeProducedChanges) as
  // 'BIO1' when the module reads it, a change list as 'BIC1', any other input (bad input,
  // outputs for a module without 'BIO1') as a 'BIB1' document, so that the engine, not
  // the codec, judges the input as under the other codecs.
  binary(engine, op, args, input) {
    const m = engine.m;
    const t0 = performance.now();
    const layout = binaryLayout(engine, op, input);
    const { ptr, size } = engine.writeInput((bytes) => layout.write(input, bytes), () => layout.size(input));
    const t1 = performance.now();
    const ok = m.callBinary(op, args, ptr, size);
    const t2 = performance.now();
    if (!ok) throw new HostError(m.lastError());
    const outPtr = m.resultPtr();
    const len = m.resultLen();
    const value = host.codec.decodeDocument(m.HEAPU8.subarray(outPtr, outPtr + len), layout === host.layouts.changes ? input : null);
    const t3 = performance.now();
    return {
      value,
      times: { bytes_in: size, bytes_out: len, host_encode: micros(t0, t1), host_decode: micros(t2, t3) },
      total: micros(t0, t3),
    };
  },
};
