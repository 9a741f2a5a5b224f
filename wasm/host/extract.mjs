// SPDX-License-Identifier: GPL-3.0-or-later
// Document extraction through the wasm engine, with the boundary strategy chosen
// per call (docs/boundary-strategies.md):
//   input   copy      read the file into a Uint8Array; the binding copies it into wasm memory
//           zerocopy  allocate in wasm memory and read the file straight into HEAPU8 there;
//                     the engine extracts from that span in place
//   output  whole     one result JSON crosses back
//           stream    an engine-side stream hands back one chunk per call; the host
//                     assembles the same result JSON
//   batch   malloc    a fresh extractor per document; arena: one reused across the batch
// Every call returns its timing record (the fields of records.mjs).
// A document is a file path (Node) or an in-memory { name, bytes } (a browser page's
// fetched or picked file: wasm/web); the name is what the engine sees as the file name.
import { HostError } from './host-error.mjs';

// Node's fs, for documents given by path; a browser has none and passes bytes.
const fs = globalThis.process?.versions?.node ? await import('node:fs') : null;

export const INPUTS = ['copy', 'zerocopy'];
export const OUTPUTS = ['whole', 'stream'];
export const BATCHES = ['malloc', 'arena'];

const micros = (a, b) => (b - a) * 1000;

function checkChoice(kind, value, choices) {
  if (!choices.includes(value)) throw new HostError(`unknown ${kind} strategy '${value}' (expected ${choices.join(' or ')})`);
}

// Options as the native `bi extract` takes them: { mime, text, maxChars, overlap }.
function optionArgs(o = {}) {
  return [String(o.mime ?? ''), Boolean(o.text), Number(o.maxChars ?? 0), Number(o.overlap ?? 0)];
}

const inMemory = (doc) => typeof doc !== 'string';

// The name the engine gets for a document (it picks the format by its extension).
export function documentName(doc) {
  return inMemory(doc) ? String(doc.name) : doc;
}

function nodeFs(file) {
  if (fs === null) throw new HostError(`cannot open '${file}': no file system here (pass { name, bytes })`);
  return fs;
}

export function readDocument(file) {
  if (inMemory(file)) return file.bytes;
  try {
    return nodeFs(file).readFileSync(file);
  } catch {
    throw new HostError(`cannot open '${file}'`);
  }
}

// Reads `file` straight into a fresh allocation in wasm memory; returns { ptr, size }.
// The caller frees ptr (freeBytes) or hands it to a stream, which adopts it. An
// in-memory document is copied in once (what reading a file into wasm memory costs).
export function readIntoWasm(m, file) {
  if (inMemory(file)) return copyIntoWasm(m, file.bytes);
  const { closeSync, fstatSync, openSync, readSync } = nodeFs(file);
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new HostError(`cannot open '${file}'`);
  }
  try {
    const size = fstatSync(fd).size;
    const ptr = m.allocBytes(size);
    // HEAPU8 is looked up after allocating: growing memory replaces it.
    const view = m.HEAPU8.subarray(ptr, ptr + size);
    let at = 0;
    try {
      while (at < size) {
        const n = readSync(fd, view, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
    } catch (e) {
      m.freeBytes(ptr);
      throw new HostError(`cannot read '${file}': ${e.message}`);
    }
    return { ptr, size: at };
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError(`cannot open '${file}'`);
  } finally {
    closeSync(fd);
  }
}

function copyIntoWasm(m, bytes) {
  const ptr = m.allocBytes(bytes.length);
  if (ptr === 0 && bytes.length > 0) throw new HostError(`no room in wasm memory for a ${bytes.length}-byte document`);
  m.HEAPU8.set(bytes, ptr); // HEAPU8 after allocating: growing memory replaces it
  return { ptr, size: bytes.length };
}

// The binding's CallSummary (wasm/bindings/ExtractBindings.cpp), in its field order:
// the last call's outcome read from wasm memory, no crossing per field.
const SUMMARY = { resultPtr: 0, resultLen: 1, contentAddress: 2, contentBorrowed: 3, decode: 4, compute: 5, encode: 6 };
const summaryViews = new WeakMap();

// A Float64Array over the summary; made again once memory growth has replaced the buffer.
export function lastSummary(m) {
  let view = summaryViews.get(m);
  if (view === undefined || view.buffer !== m.HEAPU8.buffer) {
    view = new Float64Array(m.HEAPU8.buffer, m.extractSummaryPtr(), Object.keys(SUMMARY).length);
    summaryViews.set(m, view);
  }
  return view;
}

// The last call's engine phases, as extractPhases() gives them.
export function lastPhases(m) {
  const s = lastSummary(m);
  return { engine_decode: s[SUMMARY.decode], compute: s[SUMMARY.compute], engine_encode: s[SUMMARY.encode] };
}

// The UTF-8 text of wasm memory [ptr, ptr + len). (Buffer#toString was no faster here: a
// 110 KB HTML result with a few non-ASCII characters becomes a two-byte string of 220 KB,
// and allocating that in V8's large-object space is what costs, 0.3–0.6 ms, either way.)
const decoder = new TextDecoder();
const encoder = new TextEncoder();
export function textAt(m, ptr, len) {
  return decoder.decode(m.HEAPU8.subarray(ptr, ptr + len));
}

// UTF-8 byte count of a string: Buffer's under Node (no copy), else an encoding.
export function utf8Length(text) {
  return globalThis.Buffer ? globalThis.Buffer.byteLength(text) : encoder.encode(text).length;
}

// Copies the engine's last result out of wasm memory as text.
function resultText(m) {
  const s = lastSummary(m);
  return textAt(m, s[SUMMARY.resultPtr], s[SUMMARY.resultLen]);
}

function record(op, strategy, fields) {
  const r = { op, strategy, engine: 'wasm', block: 1, ...fields };
  r.overhead = r.total - (r.compute ?? 0);
  return r;
}

// Extracts one file. Returns { json, record, content } where content says where the
// engine's result content lived ({ address, borrowed, inputPtr, inputSize }).
export function extractFile(engine, file, options = {}, { input = 'copy', output = 'whole' } = {}) {
  checkChoice('input', input, INPUTS);
  checkChoice('output', output, OUTPUTS);
  return output === 'whole' ? extractWhole(engine.m, file, options, input) : extractStreamed(engine.m, file, options, input);
}

function extractWhole(m, file, options, input) {
  const t0 = performance.now();
  let ok;
  let bytesIn;
  let inputPtr = 0;
  let t1;
  let t2;
  if (input === 'copy') {
    const bytes = readDocument(file);
    bytesIn = bytes.length;
    t1 = performance.now();
    t2 = t1;
    ok = m.extractCopy(bytes, documentName(file), ...optionArgs(options));
  } else {
    t1 = performance.now();
    const doc = readIntoWasm(m, file);
    t2 = performance.now();
    bytesIn = doc.size;
    inputPtr = doc.ptr;
    try {
      ok = m.extractAt(doc.ptr, doc.size, documentName(file), ...optionArgs(options));
    } finally {
      m.freeBytes(doc.ptr);
    }
  }
  const t3 = performance.now();
  if (!ok) throw new HostError(m.extractError());
  const s = lastSummary(m);
  const phases = lastPhases(m);
  const content = { address: s[SUMMARY.contentAddress], borrowed: s[SUMMARY.contentBorrowed] === 1, inputPtr, inputSize: bytesIn };
  const json = resultText(m);
  const t4 = performance.now();
  const engineTime = phases.engine_decode + phases.compute + phases.engine_encode;
  return {
    json,
    content,
    record: record('extract', `${input}/whole`, {
      bytes_in: bytesIn, bytes_out: s[SUMMARY.resultLen], crossings: 1,
      // copy: the file read makes the Uint8Array (host_encode) and the binding's copy is the
      // rest of the call; zerocopy: the read lands in wasm memory (copy_in).
      host_encode: input === 'copy' ? micros(t0, t1) : 0,
      copy_in: input === 'copy' ? Math.max(0, micros(t2, t3) - engineTime) : micros(t1, t2),
      ...phases, copy_out: micros(t3, t4), host_decode: 0, total: micros(t0, t4),
    }),
  };
}

// Opens an engine-side stream on `file`; returns { id, bytesIn, times }.
export function openStream(m, file, options, input) {
  checkChoice('input', input, INPUTS);
  const t0 = performance.now();
  let id;
  let bytesIn;
  let t1;
  if (input === 'copy') {
    const bytes = readDocument(file);
    bytesIn = bytes.length;
    t1 = performance.now();
    id = m.streamOpenCopy(bytes, documentName(file), ...optionArgs(options));
  } else {
    const doc = readIntoWasm(m, file);
    bytesIn = doc.size;
    t1 = performance.now();
    id = m.streamOpenAt(doc.ptr, doc.size, documentName(file), ...optionArgs(options)); // adopts doc.ptr
  }
  const t2 = performance.now();
  if (id === 0) throw new HostError(m.extractError());
  return { id, bytesIn, read: micros(t0, t1), open: micros(t1, t2), compute: lastSummary(m)[SUMMARY.compute] };
}

// The next chunk's JSON (total_chunks null), or null once the stream is done.
export function nextChunk(m, id) {
  const more = m.streamNext(id);
  if (more < 0) throw new HostError(m.extractError());
  return more === 1 ? resultText(m) : null;
}

// After the last chunk: the result without chunks (withContent) or the stream's summary.
export function endStream(m, id, withContent) {
  if (!m.streamEnd(id, withContent)) throw new HostError(m.extractError());
  return resultText(m);
}

export function closeStream(m, id) {
  return m.streamClose(id);
}

// A streamed chunk carries total_chunks null; in the whole result it is the count.
// The key cannot occur unescaped inside a JSON string, so the first match is the member.
export function withTotalChunks(chunkJson, total) {
  const key = '"total_chunks":null';
  const at = chunkJson.indexOf(key);
  if (at < 0) throw new HostError(`streamed chunk without total_chunks: ${chunkJson.slice(0, 80)}`);
  return `${chunkJson.slice(0, at)}"total_chunks":${total}${chunkJson.slice(at + key.length)}`;
}

// The whole result from a chunkless head (`...,"chunks":[]}`) and the streamed chunks.
export function assembleResult(head, chunks) {
  if (!head.endsWith('"chunks":[]}')) throw new HostError('stream head does not end with an empty chunk list');
  const body = chunks.map((c) => withTotalChunks(c, chunks.length)).join(',');
  return `${head.slice(0, -2)}${body}]}`;
}

function extractStreamed(m, file, options, input) {
  const t0 = performance.now();
  const open = openStream(m, file, options, input);
  const chunks = [];
  let copyOut = 0;
  let compute = open.compute;
  let head;
  // Each call's time beyond the engine's own is the crossing and the copy out.
  const timed = (call) => {
    const a = performance.now();
    const value = call();
    const engine = lastSummary(m)[SUMMARY.compute];
    compute += engine;
    copyOut += micros(a, performance.now()) - engine;
    return value;
  };
  try {
    for (let chunk = timed(() => nextChunk(m, open.id)); chunk !== null; chunk = timed(() => nextChunk(m, open.id))) {
      chunks.push(chunk);
    }
    head = timed(() => endStream(m, open.id, true));
  } finally {
    closeStream(m, open.id);
  }
  const t1 = performance.now();
  const json = assembleResult(head, chunks);
  const t2 = performance.now();
  return {
    json,
    content: null,
    record: record('extract', `${input}/stream`, {
      // open, one next per chunk plus the final one, end, close
      bytes_in: open.bytesIn, bytes_out: utf8Length(json), crossings: chunks.length + 4,
      host_encode: input === 'copy' ? open.read : 0, copy_in: input === 'copy' ? Math.max(0, open.open - open.compute) : open.read,
      engine_decode: 0, compute, engine_encode: 0,
      copy_out: Math.max(0, copyOut), host_decode: micros(t1, t2), total: micros(t0, t2),
    }),
  };
}

// Extracts several files in one crossing. Returns [{ json, record }] in order; every
// record gets an even share of the batch's time, as the native `bi extract --batch` does.
export function extractBatchFiles(engine, files, options = {}, { input = 'copy', batch = 'arena' } = {}) {
  checkChoice('input', input, INPUTS);
  checkChoice('batch', batch, BATCHES);
  const m = engine.m;
  const t0 = performance.now();
  let ok;
  let sizes;
  let t1;
  if (input === 'copy') {
    const docs = files.map(readDocument);
    sizes = docs.map((d) => d.length);
    t1 = performance.now();
    ok = m.extractBatch(docs, null, files.map(documentName), ...optionArgs(options), batch === 'arena');
  } else {
    const docs = [];
    try {
      for (const f of files) docs.push(readIntoWasm(m, f));
      sizes = docs.map((d) => d.size);
      t1 = performance.now();
      ok = m.extractBatch(docs.map((d) => d.ptr), sizes, files.map(documentName), ...optionArgs(options), batch === 'arena');
    } finally {
      for (const d of docs) m.freeBytes(d.ptr);
    }
  }
  const t2 = performance.now();
  if (!ok) throw new HostError(m.extractError());
  const parts = m.extractParts();
  const texts = [];
  let at = lastSummary(m)[SUMMARY.resultPtr];
  for (const p of parts) {
    texts.push(textAt(m, at, p.length));
    at += p.length;
  }
  const t3 = performance.now();
  const n = files.length;
  return texts.map((json, i) => {
    const p = parts[i];
    const engineTime = p.engine_decode + p.compute + p.engine_encode;
    return {
      json,
      record: record('extract', `${input}/${batch}`, {
        bytes_in: sizes[i], bytes_out: p.length, crossings: 1,
        host_encode: input === 'copy' ? micros(t0, t1) / n : 0,
        copy_in: input === 'copy' ? Math.max(0, micros(t1, t2) / n - engineTime) : micros(t0, t1) / n,
        engine_decode: p.engine_decode, compute: p.compute, engine_encode: p.engine_encode,
        copy_out: micros(t2, t3) / n, host_decode: 0, total: micros(t0, t3) / n,
      }),
    };
  });
}

// CommonMark HTML of a Markdown file, read straight into wasm memory. Returns
// { html (bytes), record }.
export function markdownFileToHtml(engine, file) {
  const m = engine.m;
  const t0 = performance.now();
  const doc = readIntoWasm(m, file);
  const t1 = performance.now();
  let ok;
  try {
    ok = m.markdownToHtmlAt(doc.ptr, doc.size);
  } finally {
    m.freeBytes(doc.ptr);
  }
  const t2 = performance.now();
  if (!ok) throw new HostError(m.extractError());
  const ptr = m.extractResultPtr();
  const html = m.HEAPU8.slice(ptr, ptr + m.extractResultLen());
  const t3 = performance.now();
  return {
    html,
    record: record('md2html', 'zerocopy/whole', {
      bytes_in: doc.size, bytes_out: html.length, crossings: 1, copy_in: micros(t0, t1),
      ...lastPhases(m), copy_out: micros(t2, t3), total: micros(t0, t3),
    }),
  };
}

// Whether the loaded module has the extraction bindings at all.
export function supportsExtraction(engine) {
  return typeof engine.m.extractAt === 'function';
}
