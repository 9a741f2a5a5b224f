// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's calls as the host uses them, over the module's plain wasm exports
// (wasm/bindings/RawExport.h) and its few embind functions. A plain export takes
// numbers only, so this layer writes string arguments into a scratch buffer in wasm
// memory and reads string results from a TextSpan (two u32: pointer, length). Bound
// through embind instead, each of ~30 functions cost start-up (its invoker is built
// with `new Function` at registration) and each call marshalled its strings through a
// malloc; embind stays for the calls that take or build JS values (callDirect, the
// copy strategy's Uint8Array calls, the batch's arrays).

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const SCRATCH_MIN_BYTES = 256;

// The exports this layer calls; the minimal module lacks only bi_run_scenario.
const EXPORTS = ['bi_alloc', 'bi_free', 'bi_open_session', 'bi_session_report', 'bi_close_session', 'bi_call_json',
  'bi_call_binary', 'bi_result_ptr', 'bi_result_len', 'bi_last_error', 'bi_phases', 'bi_variant_name',
  'bi_supported_ops', 'bi_extract_at', 'bi_stream_open_at', 'bi_markdown_to_html_at', 'bi_stream_next',
  'bi_stream_end', 'bi_stream_close', 'bi_streams_open', 'bi_extract_error', 'bi_extract_summary',
  'bi_extract_result_ptr', 'bi_extract_result_len', 'bi_extract_content_address', 'bi_extract_content_borrowed',
  'bi_extract_phases'];

// Each call reads the export from the module when it runs (m._bi_…): Emscripten's
// glue first binds a name to a trampoline that replaces itself with the wasm export
// on its first call, so a reference kept from before would stay the trampoline.
export function rawCalls(m) {
  for (const name of EXPORTS) {
    if (typeof m[`_${name}`] !== 'function') throw new Error(`wasm module lacks the export ${name}`);
  }
  const text = new StringArgs(m);
  const span = (ptr) => {
    const heap = m.HEAPU8;
    const words = new Uint32Array(heap.buffer, ptr >>> 0, 2);
    return decoder.decode(heap.subarray(words[0], words[0] + words[1]));
  };
  // { engine_decode, compute, engine_encode } from the three doubles (EnginePhases) at ptr.
  const phasesAt = (ptr) => {
    const p = new Float64Array(m.HEAPU8.buffer, ptr >>> 0, 3);
    return { engine_decode: p[0], compute: p[1], engine_encode: p[2] };
  };

  const calls = {
    get HEAPU8() { return m.HEAPU8; },
    allocBytes: (size) => m._bi_alloc(size) >>> 0,
    freeBytes: (ptr) => m._bi_free(ptr),
    openSessionBytes: (ptr, len, maxListenerWrites) => m._bi_open_session(ptr, len, maxListenerWrites) === 1,
    sessionReport: (session) => m._bi_session_report(session) === 1,
    closeSession: (session) => m._bi_close_session(session) === 1,
    callJson: (op, args, ptr, len) => {
      const s = text.pair(op, args);
      return m._bi_call_json(s[0], s[1], s[2], s[3], ptr, len) === 1;
    },
    callBinary: (op, args, ptr, len) => {
      const s = text.pair(op, args);
      return m._bi_call_binary(s[0], s[1], s[2], s[3], ptr, len) === 1;
    },
    callDirect: m.callDirect,
    resultPtr: () => m._bi_result_ptr() >>> 0,
    resultLen: () => m._bi_result_len() >>> 0,
    lastError: () => span(m._bi_last_error()),
    // The last pipeline call's phases.
    phases: () => phasesAt(m._bi_phases()),
    variantName: () => span(m._bi_variant_name()),
    supportedOps: () => span(m._bi_supported_ops()),

    extractCopy: m.extractCopy,
    extractBatch: m.extractBatch,
    extractParts: m.extractParts,
    streamOpenCopy: m.streamOpenCopy,
    extractAt: (ptr, len, file, mime, asText, maxChars, overlap) => {
      const s = text.pair(file, mime);
      return m._bi_extract_at(ptr, len, s[0], s[1], s[2], s[3], asText ? 1 : 0, maxChars, overlap) === 1;
    },
    // Returns a stream id (> 0), or 0 when the document cannot be extracted.
    streamOpenAt: (ptr, len, file, mime, asText, maxChars, overlap) => {
      const s = text.pair(file, mime);
      return m._bi_stream_open_at(ptr, len, s[0], s[1], s[2], s[3], asText ? 1 : 0, maxChars, overlap);
    },
    markdownToHtmlAt: (ptr, len) => m._bi_markdown_to_html_at(ptr, len) === 1,
    streamNext: (id) => m._bi_stream_next(id),
    streamEnd: (id, withContent) => m._bi_stream_end(id, withContent ? 1 : 0) === 1,
    streamClose: (id) => m._bi_stream_close(id) === 1,
    streamsOpen: () => m._bi_streams_open() >>> 0,
    extractError: () => span(m._bi_extract_error()),
    extractSummaryPtr: () => m._bi_extract_summary() >>> 0,
    extractResultPtr: () => m._bi_extract_result_ptr() >>> 0,
    extractResultLen: () => m._bi_extract_result_len() >>> 0,
    extractContentAddress: () => m._bi_extract_content_address() >>> 0,
    extractContentBorrowed: () => m._bi_extract_content_borrowed() === 1,
    // The last extraction call's phases, read apart from its summary (extract.mjs
    // lastPhases reads them from the summary; the tests compare the two).
    extractPhases: () => phasesAt(m._bi_extract_phases()),
  };
  // The minimal module leaves the in-engine scenario run out (EngineBindings.cpp).
  if (typeof m._bi_run_scenario === 'function') {
    calls.runScenarioBytes = (ptr, len, strategy) => {
      const s = text.pair(strategy, '');
      return m._bi_run_scenario(ptr, len, s[0], s[1]) === 1;
    };
  }
  return calls;
}

// Two string arguments, written one after the other into one scratch buffer in wasm
// memory (kept and grown): the export copies them before it runs, so the buffer is
// free again when the call returns. Returns [ptr, len, ptr, len].
class StringArgs {
  constructor(module) {
    this.m = module;
    this.ptr = 0;
    this.capacity = 0;
    this.out = [0, 0, 0, 0];
  }

  pair(a, b) {
    if (typeof a !== 'string' || typeof b !== 'string') throw new TypeError('engine call: string arguments expected');
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const worst = 3 * (a.length + b.length);
    if (worst > this.capacity) this.#grow(worst);
    const heap = this.m.HEAPU8;
    const lenA = writeText(heap, this.ptr, a, this.capacity);
    const lenB = writeText(heap, this.ptr + lenA, b, this.capacity - lenA);
    const out = this.out;
    out[0] = this.ptr;
    out[1] = lenA;
    out[2] = this.ptr + lenA;
    out[3] = lenB;
    return out;
  }

  #grow(bytes) {
    if (this.ptr) this.m._bi_free(this.ptr);
    this.capacity = Math.max(SCRATCH_MIN_BYTES, 2 * bytes);
    this.ptr = this.m._bi_alloc(this.capacity) >>> 0;
  }
}

// Writes `s` as UTF-8 at heap[at..]; returns the byte count. Op names, session ids and
// file names are short and mostly ASCII: a plain loop, with TextEncoder for the rest.
function writeText(heap, at, s, room) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return i + encoder.encodeInto(s.slice(i), heap.subarray(at + i, at + room)).written;
    heap[at + i] = c;
  }
  return s.length;
}
