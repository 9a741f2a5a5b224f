// SPDX-License-Identifier: GPL-3.0-or-later
// The serve protocol's extraction ops (docs/host-protocol.md): whole extraction
// with a per-request input/output strategy, batches, md2html, and an engine-side
// stream the app pulls one chunk per request from. Results are the engine's own
// bytes, spliced in as "result" (rawResult), like `run`.
import { extractBatchFiles, extractFile, lastPhases, markdownFileToHtml, openStream, nextChunk, endStream, closeStream } from './extract.mjs';
import { formatRecord } from './records.mjs';
import { warmupBudget, warmUp } from './warmup.mjs';

export const EXTRACT_OPS = ['extract', 'extract_batch', 'md2html', 'stream_open', 'stream_next', 'stream_close'];

const micros = (a, b) => (b - a) * 1000;

// Request options as in cases.json: { mime, text, max_chars, overlap }.
function optionsOf(req) {
  const o = req.options ?? {};
  if (typeof o !== 'object' || Array.isArray(o)) throw new Error(`${req.op}: "options" must be an object`);
  const count = (name) => {
    const v = o[name] ?? 0;
    if (!Number.isInteger(v) || v < 0) throw new Error(`${req.op}: options.${name} must be a non-negative integer`);
    return v;
  };
  const options = { mime: String(o.mime ?? ''), text: Boolean(o.text), maxChars: count('max_chars'), overlap: count('overlap') };
  if (options.overlap > 0 && options.maxChars === 0) throw new Error(`${req.op}: options.overlap needs options.max_chars`);
  return options;
}

function fileOf(req) {
  if (typeof req.file !== 'string' || req.file === '') throw new Error(`${req.op}: "file" must be a path`);
  return req.file;
}

function streamIdOf(req) {
  if (!Number.isInteger(req.stream) || req.stream <= 0) throw new Error(`${req.op}: "stream" must be a stream id from stream_open`);
  return req.stream;
}

// One record for a single stream call.
function streamRecord(engine, op, input, t0, t1, bytesOut) {
  const compute = lastPhases(engine.m).compute;
  return formatRecord({ op, strategy: `${input}/stream`, engine: 'wasm', crossings: 1, bytes_out: bytesOut, compute, total: micros(t0, t1) });
}

// Input strategy of each open stream, for its records.
const streamInputs = new Map();

export function handleExtractOp(engine, req) {
  const id = req.id ?? null;
  const m = engine.m;
  switch (req.op) {
    case 'extract': {
      const file = fileOf(req);
      const options = optionsOf(req);
      const strategy = { input: req.input ?? 'copy', output: req.output ?? 'whole' };
      const warmupRuns = warmUp(warmupBudget(req), () => extractFile(engine, file, options, strategy));
      const out = extractFile(engine, file, options, strategy);
      return { id, ok: true, timings: [formatRecord(out.record)], warmup_runs: warmupRuns, rawResult: out.json };
    }
    case 'extract_batch': {
      if (!Array.isArray(req.files) || req.files.length === 0 || !req.files.every((f) => typeof f === 'string')) {
        throw new Error('extract_batch: "files" must be a non-empty array of paths');
      }
      const parts = extractBatchFiles(engine, req.files, optionsOf(req), { input: req.input ?? 'copy', batch: req.batch ?? 'arena' });
      return { id, ok: true, timings: parts.map((p) => formatRecord(p.record)), rawResult: `[${parts.map((p) => p.json).join(',')}]` };
    }
    case 'md2html': {
      const out = markdownFileToHtml(engine, fileOf(req));
      return { id, ok: true, timings: [formatRecord(out.record)], html: Buffer.from(out.html).toString('utf8') };
    }
    case 'stream_open': {
      const input = req.input ?? 'copy';
      const t0 = performance.now();
      const open = openStream(m, fileOf(req), optionsOf(req), input);
      const t1 = performance.now();
      streamInputs.set(open.id, input);
      const record = formatRecord({ op: 'stream_open', strategy: `${input}/stream`, engine: 'wasm', crossings: 1, bytes_in: open.bytesIn,
        copy_in: input === 'zerocopy' ? open.read : 0, host_encode: input === 'copy' ? open.read : 0, compute: open.compute, total: micros(t0, t1) });
      return { id, ok: true, stream: open.id, timings: [record] };
    }
    case 'stream_next': {
      const stream = streamIdOf(req);
      const input = streamInputs.get(stream) ?? 'copy';
      const t0 = performance.now();
      const chunk = nextChunk(m, stream);
      if (chunk !== null) {
        return { id, ok: true, done: false, timings: [streamRecord(engine, 'stream_next', input, t0, performance.now(), Buffer.byteLength(chunk))], rawResult: chunk };
      }
      const summary = endStream(m, stream, false);
      return { id, ok: true, done: true, timings: [streamRecord(engine, 'stream_next', input, t0, performance.now(), Buffer.byteLength(summary))], rawResult: summary };
    }
    case 'stream_close': {
      const stream = streamIdOf(req);
      streamInputs.delete(stream);
      return { id, ok: true, closed: closeStream(m, stream) };
    }
    default:
      return { id, ok: false, error: `unknown op '${req.op}'` };
  }
}
