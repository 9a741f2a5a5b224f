// SPDX-License-Identifier: GPL-3.0-or-later
// Extraction through the wasm host: the boundary strategies give the same
// results, zero copy really extracts from the buffer the host read into,
// streaming gives the whole result's chunks, the arena batch equals
// per-document extraction, and the minimal module names itself in its error.
// Also the boundary bench's wasm/native engine-time rounds (bench/boundary/extraction.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../wasm/host/engine.mjs';
import {
  closeStream, endStream, extractBatchFiles, extractFile, lastPhases, lastSummary, nextChunk, openStream, readIntoWasm,
} from '../../wasm/host/extract.mjs';
import { engineRounds, interleavedRounds, writeDocuments } from '../../bench/boundary/extraction.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const documents = path.resolve(here, '../documents');
const hostScript = path.resolve(here, '../../wasm/host/bi.mjs');
const cases = JSON.parse(readFileSync(path.join(documents, 'cases.json'), 'utf8')).cases
  .map((c) => ({
    name: c.name,
    file: path.join(documents, c.file),
    options: { mime: c.options?.mime, text: c.options?.text, maxChars: c.options?.max_chars, overlap: c.options?.overlap },
  }));
const engine = await loadEngine();

function outcome(fn) {
  try {
    return { ok: true, json: fn().json };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}

test('copy and zero-copy input give identical results and errors on every case', () => {
  for (const c of cases) {
    const copy = outcome(() => extractFile(engine, c.file, c.options, { input: 'copy' }));
    const zero = outcome(() => extractFile(engine, c.file, c.options, { input: 'zerocopy' }));
    assert.deepEqual(zero, copy, c.name);
  }
  assert.ok(cases.some((c) => !outcome(() => extractFile(engine, c.file, c.options)).ok), 'the corpus has error cases');
});

test('zero copy: the file lands in wasm memory and the content is a view of that buffer', () => {
  const file = path.join(documents, 'guide.md');
  const bytes = readFileSync(file);
  const m = engine.m;
  const doc = readIntoWasm(m, file);
  try {
    assert.equal(doc.size, bytes.length);
    assert.ok(Buffer.from(m.HEAPU8.subarray(doc.ptr, doc.ptr + doc.size)).equals(bytes));
  } finally {
    m.freeBytes(doc.ptr);
  }
  const zero = extractFile(engine, file, {}, { input: 'zerocopy' });
  assert.equal(zero.content.borrowed, true);
  // Markdown's content is the input itself: the engine's content pointer is the
  // very buffer the host read the file into, so nothing was copied.
  assert.equal(zero.content.address, zero.content.inputPtr);
  assert.equal(zero.record.strategy, 'zerocopy/whole');
  assert.equal(zero.record.bytes_in, bytes.length);
  // With copy input the content is a view of the binding's copy, elsewhere.
  const copy = extractFile(engine, file, {}, { input: 'copy' });
  assert.equal(copy.content.inputPtr, 0);
  assert.equal(copy.json, zero.json);
  // HTML content is produced, so it never points into the input.
  const html = extractFile(engine, path.join(documents, 'article.html'), {}, { input: 'zerocopy' });
  assert.equal(html.content.borrowed, false);
  const inside = html.content.address >= html.content.inputPtr && html.content.address < html.content.inputPtr + html.content.inputSize;
  assert.equal(inside, false);
});

test('a stream returns exactly the chunks of the whole result, one per call', () => {
  const chunked = cases.filter((c) => c.options.maxChars && outcome(() => extractFile(engine, c.file, c.options)).ok);
  assert.ok(chunked.length >= 4);
  for (const c of chunked) {
    const whole = JSON.parse(extractFile(engine, c.file, c.options).json);
    for (const input of ['copy', 'zerocopy']) {
      const { id } = openStream(engine.m, c.file, c.options, input);
      const chunks = [];
      for (let chunk = nextChunk(engine.m, id); chunk !== null; chunk = nextChunk(engine.m, id)) chunks.push(JSON.parse(chunk));
      const summary = JSON.parse(endStream(engine.m, id, false));
      assert.equal(closeStream(engine.m, id), true);
      assert.ok(chunks.length > 1, `${c.name}: several chunks`);
      assert.ok(chunks.every((ch) => ch.metadata.total_chunks === null), 'streamed chunks do not know the total');
      const expected = whole.chunks.map((ch) => ({ ...ch, metadata: { ...ch.metadata, total_chunks: null } }));
      assert.deepEqual(chunks, expected, `${c.name} [${input}]`);
      assert.deepEqual(summary, { mime_type: whole.mime_type, metadata: whole.metadata, tables: whole.tables, total_chunks: whole.chunks.length });
    }
    const streamed = extractFile(engine, c.file, c.options, { output: 'stream' });
    assert.equal(streamed.json, extractFile(engine, c.file, c.options).json, `${c.name}: assembled result`);
    assert.equal(streamed.record.crossings, whole.chunks.length + 4);
  }
  assert.equal(engine.m.streamsOpen(), 0);
});

test('stream errors: bad options fail at open, unknown handles are errors', () => {
  const bad = cases.find((c) => c.name === 'bad-overlap');
  assert.throws(() => openStream(engine.m, bad.file, bad.options, 'zerocopy'), /notes\.txt: chunking: overlap \(50\) must be smaller/);
  assert.equal(engine.m.streamsOpen(), 0);
  assert.throws(() => nextChunk(engine.m, 987654), /no open extraction stream 987654/);
  assert.equal(closeStream(engine.m, 987654), false);
});

test('the arena batch gives the same results as per-document extraction', () => {
  const files = ['article.html', 'guide.md', 'notes.txt', 'products.csv', 'shopping-utf16le.txt', 'config.json']
    .map((f) => path.join(documents, f));
  for (const options of [{}, { maxChars: 200, overlap: 20 }]) {
    const single = files.map((f) => extractFile(engine, f, options).json);
    for (const input of ['copy', 'zerocopy']) {
      for (const batch of ['arena', 'malloc']) {
        const parts = extractBatchFiles(engine, files, options, { input, batch });
        assert.deepEqual(parts.map((p) => p.json), single, `${input}/${batch}`);
        assert.ok(parts.every((p) => p.record.strategy === `${input}/${batch}` && p.record.compute > 0));
      }
    }
  }
  const withBad = [path.join(documents, 'guide.md'), path.join(documents, 'malformed.json')];
  assert.throws(() => extractBatchFiles(engine, withBad, {}, { batch: 'arena' }), /malformed\.json: JSON: line/);
  assert.throws(() => extractBatchFiles(engine, withBad, {}, { batch: 'malloc' }), /malformed\.json: JSON: line/);
});

test('the reused extractor: a result does not depend on the documents extracted before', async () => {
  // Each case first in a module of its own, then all of them one after another in one
  // module, forwards and backwards, so that every case follows other formats and errors.
  const first = [];
  for (const c of cases) {
    const fresh = await loadEngine();
    first.push(outcome(() => extractFile(fresh, c.file, c.options, { input: 'zerocopy' })));
  }
  const again = await loadEngine();
  const order = [...cases.keys(), ...[...cases.keys()].reverse()];
  for (const i of order) {
    for (const input of ['zerocopy', 'copy']) {
      assert.deepEqual(outcome(() => extractFile(again, cases[i].file, cases[i].options, { input })), first[i], `${cases[i].name} [${input}]`);
    }
  }
  // The arena batch reuses the same extractor as the single calls.
  const files = cases.filter((c, i) => first[i].ok && !c.options.mime && !c.options.text && !c.options.maxChars);
  const parts = extractBatchFiles(again, files.map((c) => c.file), {}, { input: 'zerocopy', batch: 'arena' });
  assert.deepEqual(parts.map((p) => p.json), files.map((c) => first[cases.indexOf(c)].json));
});

test('the call summary in wasm memory matches the engine\'s own accessors', () => {
  const m = engine.m;
  for (const file of ['guide.md', 'article.html']) {
    const out = extractFile(engine, path.join(documents, file), {}, { input: 'zerocopy' });
    const s = lastSummary(m);
    assert.deepEqual([s[0], s[1], s[2], s[3] === 1], [m.extractResultPtr(), m.extractResultLen(), m.extractContentAddress(), m.extractContentBorrowed()], file);
    assert.deepEqual(lastPhases(m), m.extractPhases(), file);
    assert.equal(Buffer.byteLength(out.json), m.extractResultLen());
  }
  // After memory growth the view is made again over the new buffer.
  const before = lastSummary(m).buffer;
  const big = m.allocBytes(m.HEAPU8.length);
  try {
    assert.notEqual(m.HEAPU8.buffer, before, 'memory grew');
    assert.equal(lastSummary(m).buffer, m.HEAPU8.buffer);
    assert.equal(lastSummary(m)[1], m.extractResultLen());
  } finally {
    m.freeBytes(big);
  }
});

test('copy input: the bindings take Uint8Arrays and name anything else', () => {
  const m = engine.m;
  const bytes = readFileSync(path.join(documents, 'notes.txt'));
  assert.equal(m.extractCopy(new Uint8Array(bytes), 'notes.txt', '', false, 0, 0), true);
  const viaCopy = Buffer.from(m.HEAPU8.subarray(m.extractResultPtr(), m.extractResultPtr() + m.extractResultLen())).toString();
  assert.equal(viaCopy, extractFile(engine, path.join(documents, 'notes.txt'), {}, { input: 'zerocopy' }).json);
  assert.equal(m.extractCopy('not bytes', 'notes.txt', '', false, 0, 0), false);
  assert.equal(m.extractError(), 'notes.txt: extractCopy: the document must be a Uint8Array');
  assert.equal(m.streamOpenCopy([1, 2], 'notes.txt', '', false, 100, 10), 0);
  assert.equal(m.extractError(), 'notes.txt: streamOpenCopy: the document must be a Uint8Array');
  assert.equal(m.extractBatch(['x'], null, ['a.txt'], '', false, 0, 0, true), false);
  assert.equal(m.extractError(), 'extractBatch: the document must be a Uint8Array');
  assert.equal(m.streamsOpen(), 0);
});

test('unknown strategies are named', () => {
  const file = path.join(documents, 'notes.txt');
  assert.throws(() => extractFile(engine, file, {}, { input: 'mmap' }), /unknown input strategy 'mmap'/);
  assert.throws(() => extractFile(engine, file, {}, { output: 'lines' }), /unknown output strategy 'lines'/);
  assert.throws(() => extractBatchFiles(engine, [file], {}, { batch: 'pool' }), /unknown batch strategy 'pool'/);
});

test('the minimal module names its variant when asked for HTML, through the command line too', async () => {
  const minimal = await loadEngine({ variant: 'minimal' });
  const html = path.join(documents, 'article.html');
  const message = /article\.html: text\/html extraction is not available in the 'minimal' build variant/;
  for (const input of ['copy', 'zerocopy']) {
    for (const output of ['whole', 'stream']) {
      assert.throws(() => extractFile(minimal, html, { maxChars: 100 }, { input, output }), message);
    }
  }
  assert.throws(() => extractFile(minimal, path.join(documents, 'catalog.xml')), /application\/xml extraction is not available in the 'minimal'/);
  const md = path.join(documents, 'guide.md');
  assert.equal(extractFile(minimal, md).json, extractFile(engine, md).json);
  let failure;
  try {
    execFileSync(process.execPath, [hostScript, 'extract', html, '--variant', 'minimal'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    failure = e;
  }
  assert.ok(failure, 'the command fails');
  assert.equal(failure.status, 2);
  assert.match(String(failure.stderr), /^bi: .*article\.html: text\/html extraction is not available in the 'minimal' build variant/);
});

test('serve: extract ops and a stream pulled one chunk per request', async () => {
  const child = spawn(process.execPath, [hostScript, 'serve']);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value);
  const ask = async (req) => {
    child.stdin.write(JSON.stringify(req) + '\n');
    return next();
  };
  try {
    assert.equal((await next()).ok, true);
    assert.ok((await ask({ id: 1, op: 'info' })).ops.includes('stream_next'));
    const file = path.join(documents, 'article.html');
    const options = { max_chars: 300, overlap: 40 };
    const whole = JSON.parse(extractFile(engine, file, { maxChars: 300, overlap: 40 }).json);
    const a = await ask({ id: 2, op: 'extract', file, options, input: 'zerocopy', output: 'stream' });
    assert.equal(a.ok, true, a.error);
    assert.deepEqual(a.result, whole);
    assert.equal(a.timings[0].strategy, 'zerocopy/stream');
    const open = await ask({ id: 3, op: 'stream_open', file, options, input: 'zerocopy' });
    assert.equal(open.ok, true, open.error);
    const chunks = [];
    let answer;
    for (;;) {
      answer = await ask({ id: 4, op: 'stream_next', stream: open.stream });
      assert.equal(answer.ok, true, answer.error);
      if (answer.done) break;
      chunks.push(answer.result);
    }
    assert.deepEqual(chunks.map((c) => c.content), whole.chunks.map((c) => c.content));
    assert.equal(answer.result.total_chunks, whole.chunks.length);
    assert.deepEqual(answer.result.metadata, whole.metadata);
    assert.equal((await ask({ id: 5, op: 'stream_close', stream: open.stream })).closed, true);
    const gone = await ask({ id: 6, op: 'stream_next', stream: open.stream });
    assert.equal(gone.ok, false);
    assert.match(gone.error, /no open extraction stream/);
    const batch = await ask({ id: 7, op: 'extract_batch', files: [file, path.join(documents, 'guide.md')], batch: 'malloc' });
    assert.equal(batch.result.length, 2);
    assert.equal(batch.timings.length, 2);
    const bad = await ask({ id: 8, op: 'extract', file: path.join(documents, 'malformed.json') });
    assert.equal(bad.ok, false);
    assert.match(bad.error, /malformed\.json: JSON: line/);
    const html = await ask({ id: 9, op: 'md2html', file: path.join(documents, 'guide.md') });
    assert.match(html.html, /^<h1>/);
    const noFile = await ask({ id: 10, op: 'stream_open', options });
    assert.match(noFile.error, /stream_open: "file" must be a path/);
  } finally {
    child.stdin.end();
  }
});

// The bench's own statistic (bench/boundary/boundary.mjs).
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

test('boundary bench: the rounds alternate native and wasm and give the median of the per-round ratios', () => {
  // The machine's speed per round (both sides of a round see it) and the true wasm/native
  // ratio per round: the median of the latter is 1.3, whatever the drift.
  const speed = [1, 1.8, 0.7, 1.4, 1.1];
  const truth = [1.2, 1.5, 1.3, 2.0, 1.1];
  const log = [];
  let nativeRuns = 0;
  let wasmBlocks = 0; // a block calls wasmRun once per key, 'a' first
  const nativeRun = () => {
    log.push('native');
    const f = speed[nativeRuns++];
    return { a: [9, 10, 11].map((v) => v * f), b: [100, 100].map((v) => v * f) };
  };
  const wasmRun = (key, n) => {
    if (key === 'a') {
      log.push('wasm');
      wasmBlocks++;
    }
    const r = wasmBlocks - 1;
    return Array.from({ length: n }, () => (key === 'a' ? 10 : 100) * speed[r] * truth[r]);
  };
  const out = interleavedRounds({ rounds: 5, keys: ['a', 'b'], nativeRun, wasmRun, stats });
  assert.deepEqual(log, ['native', 'wasm', 'wasm', 'native', 'native', 'wasm', 'wasm', 'native', 'native', 'wasm']);
  for (const key of ['a', 'b']) {
    assert.equal(out[key].per_round.length, 5);
    out[key].per_round.forEach((r, i) => assert.ok(Math.abs(r - truth[i]) < 1e-12, `${key} round ${i}: ${r}`));
    assert.ok(Math.abs(out[key].ratio - 1.3) < 1e-12, `${key}: ${out[key].ratio}`);
    assert.equal(out[key].native.n, 5 * out[key].samples_per_round);
    assert.equal(out[key].wasm_engine_time.n, out[key].native.n, 'a wasm block takes as many samples as the native run');
  }
  assert.equal(out.a.samples_per_round, 3);
  assert.equal(out.b.samples_per_round, 2);
  // Pooling the two sides instead would not give the per-round figure.
  assert.ok(Math.abs(out.a.wasm_engine_time.median / out.a.native.median - 1.3) > 0.05);
  assert.throws(() => interleavedRounds({ rounds: 2, keys: ['a', 'c'], nativeRun: () => ({ a: [1] }), wasmRun, stats }),
    /round 1: the native run gave no samples for c/);
});

const wasmDir = process.env.BI_WASM_DIR || path.resolve(here, '../../build/wasm');
const biPath = path.resolve(wasmDir, '../bin/bi');
const benchExtract = path.resolve(wasmDir, '../bin/bench_extract');

test('boundary bench: every engine-time ratio comes from native and wasm rounds of the same document',
  { skip: !existsSync(benchExtract) && `${benchExtract} not built` }, () => {
    const results = { cases: [], ratios: {}, extraction: {}, skipped: [] };
    const ctx = { args: { bi: biPath, quick: true }, rounds: 2, results, stats,
      skip: (name, reason) => results.skipped.push({ name, reason }) };
    const docs = writeDocuments(ctx);
    assert.ok(docs, JSON.stringify(results.skipped));
    try {
      engineRounds(ctx, engine, docs);
    } finally {
      rmSync(docs.dir, { recursive: true, force: true });
    }
    assert.deepEqual(results.skipped, []);
    const keys = ['html_1k5', 'md_33k', 'md_33k_chunked', 'batch_arena', 'batch_malloc'];
    assert.deepEqual(Object.keys(results.ratios.extraction_wasm_vs_native), keys);
    for (const key of keys) {
      const r = results.extraction.engine_vs_native.cases[key];
      assert.equal(results.ratios.extraction_wasm_vs_native[key], r.ratio);
      assert.ok(Number.isFinite(r.ratio) && r.ratio > 0, `${key}: ${r.ratio}`);
      assert.equal(r.rounds, 2);
      assert.equal(r.per_round.length, 2);
      r.per_round.forEach((v, i) => assert.ok(Math.abs(v - r.per_round_wasm_us[i] / r.per_round_native_us[i]) < 1e-9, key));
      assert.ok(r.samples_per_round > 0);
      assert.equal(r.native.n, 2 * r.samples_per_round, `${key}: both native runs pooled`);
      assert.equal(r.wasm_engine_time.n, 2 * r.samples_per_round, `${key}: both wasm blocks pooled`);
    }
    const native = results.cases.filter((c) => c.engine === 'native').map((c) => c.name);
    assert.deepEqual(native, ['extract HTML 1.5 KB (bench_extract)', 'extract Markdown 33 KB (bench_extract)',
      'extract Markdown 33 KB, chunked 1000/100 (bench_extract)', 'extract batch 10 x 100 KB, arena (reused buffers) (bench_extract)',
      'extract batch 10 x 100 KB, malloc (fresh objects) (bench_extract)']);
  });
