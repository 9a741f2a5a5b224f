// SPDX-License-Identifier: GPL-3.0-or-later
// Extraction rows of the boundary benchmark (boundary.mjs calls these): the
// documents of bench/extract (written by `bench_extract --write-docs`), every
// boundary strategy of wasm/host/extract.mjs as median + p95, native compute
// beside (bench_extract's own JSON), module start-up per variant with the peak
// RSS of a process running the workload, and @kreuzberg/wasm on the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeStream, endStream, extractBatchFiles, extractFile, lastPhases, nextChunk, openStream } from '../../wasm/host/extract.mjs';

const CHUNKING = { maxChars: 1000, overlap: 100 };

// The line of a failed child's stderr that says what went wrong.
function errorLine(out) {
  const lines = (out.stderr || `exit status ${out.status}`).trim().split('\n');
  return (lines.find((l) => /Error/.test(l)) ?? lines[0]).trim();
}

// Writes the generated documents to a temporary folder; returns their paths or null.
function writeDocuments(ctx) {
  const generator = path.join(path.dirname(ctx.args.bi), 'bench_extract');
  if (!existsSync(generator)) {
    ctx.skip('extraction', `${generator} not built (it writes the documents)`);
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bi-bench-docs-'));
  const out = spawnSync(generator, ['--write-docs', dir], { encoding: 'utf8' });
  if (out.status !== 0) {
    ctx.skip('extraction', `bench_extract --write-docs failed: ${out.stderr.trim()}`);
    return null;
  }
  const batch = [];
  for (let i = 0; i < 10; i++) batch.push(path.join(dir, `batch-0${i}.${i < 5 ? 'html' : 'md'}`));
  return { dir, html: path.join(dir, 'html-1k5.html'), markdown: path.join(dir, 'markdown-33k.md'), batch };
}

// Warm-up before every case, in time rather than calls: V8 runs a wasm function on
// Liftoff until it has used its tiering budget, then compiles it with TurboFan in the
// background, and the largest extraction functions (Markdown's BlockParser::parse and
// incorporateLine, about 6 KB of code each after inlining; the HTML converter's pump
// was 31 KB and InlineParser::parseOne 13 KB before core/WasmOutline.h) take up to
// 0.1 s to compile on this machine (0.1–0.3 s when they were 9–13 KB). With 3 warm-up calls the HTML 1.5 KB rows timed Liftoff code
// (compute 50–60 µs for the first ~1000 calls, 21–23 µs after tier-up). The native
// figures beside are steady state too (bench_extract warms up and reuses its buffers).
const warmMillis = (ctx) => (ctx.args.quick ? 400 : 1200);
// Before the first case of a document (or of the batch) its functions are run for this long
// first: under load, TurboFan's compiles of the largest ones end well after 400 ms.
const primeMillis = (ctx) => (ctx.args.quick ? 1000 : 2500);

const documentSamples = (ctx) => Math.max(ctx.SAMPLES, 15);

function prime(ctx, call) {
  const until = performance.now() + primeMillis(ctx);
  while (performance.now() < until) call();
}

// Runs `call` (returning { total, compute, engine_encode? }) `samples` times after the warm-up.
// The single documents take at least 15 samples even in --quick: they cost microseconds, and
// a median of 7 on the shared machine is often one burst of load.
function sample(ctx, call, samples = ctx.SAMPLES) {
  const until = performance.now() + warmMillis(ctx);
  let warmup = 0;
  while (warmup < 3 || performance.now() < until) {
    call();
    warmup++;
  }
  const runs = [];
  for (let s = 0; s < samples; s++) runs.push(call());
  const field = (f) => ctx.stats(runs.map((r) => r[f]));
  const overhead = ctx.stats(runs.map((r) => r.total - r.compute));
  // The engine's whole share (extraction and result JSON), what bench_extract times natively.
  const engineTime = ctx.stats(runs.map((r) => r.compute + (r.engine_encode ?? 0)));
  return { total: field('total'), compute: field('compute'), overhead, engine_time: engineTime, warmup_calls: warmup, crossings: runs[0].crossings };
}

// What a client pulling chunks does: open, next until done, the summary, close.
function pullStream(engine, file, options, input) {
  const t0 = performance.now();
  const open = openStream(engine.m, file, options, input);
  let compute = open.compute;
  let chunks = 0;
  try {
    while (nextChunk(engine.m, open.id) !== null) {
      compute += lastPhases(engine.m).compute;
      chunks++;
    }
    endStream(engine.m, open.id, false);
    compute += lastPhases(engine.m).compute;
  } finally {
    closeStream(engine.m, open.id);
  }
  return { total: (performance.now() - t0) * 1000, compute, crossings: chunks + 4 };
}

function documentRows(ctx, engine, label, file) {
  let chunked = false; // both paths: whole and chunked results
  prime(ctx, () => extractFile(engine, file, (chunked = !chunked) ? CHUNKING : {}, { input: chunked ? 'copy' : 'zerocopy' }));
  const best = [];
  for (const input of ['copy', 'zerocopy']) {
    const whole = sample(ctx, () => extractFile(engine, file, {}, { input }).record, documentSamples(ctx));
    ctx.results.cases.push({ name: `extract ${label} [${input}/whole]`, engine: 'wasm', ...whole });
    best.push(whole.total.median);
  }
  for (const input of ['copy', 'zerocopy']) {
    const whole = sample(ctx, () => extractFile(engine, file, CHUNKING, { input }).record, documentSamples(ctx));
    ctx.results.cases.push({ name: `extract ${label} chunked 1000/100 [${input}/whole]`, engine: 'wasm', ...whole });
    const stream = sample(ctx, () => pullStream(engine, file, CHUNKING, input), documentSamples(ctx));
    ctx.results.cases.push({ name: `extract ${label} chunked 1000/100 [${input}/stream, ${stream.crossings} crossings]`, engine: 'wasm', ...stream });
  }
  return Math.min(...best);
}

function batchRows(ctx, engine, files) {
  prime(ctx, () => extractBatchFiles(engine, files, {}, { input: 'zerocopy', batch: 'arena' }));
  const medians = [];
  for (const input of ['copy', 'zerocopy']) {
    for (const batch of ['malloc', 'arena']) {
      const run = () => {
        const parts = extractBatchFiles(engine, files, {}, { input, batch });
        const sum = (f) => parts.reduce((a, p) => a + p.record[f], 0);
        return { total: sum('total'), compute: sum('compute'), engine_encode: sum('engine_encode'), crossings: 1 };
      };
      const s = sample(ctx, run);
      ctx.results.cases.push({ name: `extract batch 10 × 100 KB [${input}/${batch}]`, engine: 'wasm', ...s });
      medians.push(s.total.median);
    }
  }
  return Math.min(...medians);
}

// bench_extract's figures for the same documents (engine compute, reused buffers).
function nativeRows(ctx, docs) {
  const generator = path.join(path.dirname(ctx.args.bi), 'bench_extract');
  const json = path.join(docs.dir, 'native.json');
  const out = spawnSync(generator, ['--quick', '--json', json], { encoding: 'utf8', timeout: 300000 });
  if (out.status !== 0) return ctx.skip('native extraction (bench_extract)', (out.stderr || 'failed').trim());
  for (const c of JSON.parse(readFileSync(json, 'utf8')).cases) {
    if (/10 MB/.test(c.name)) continue; // not one of the boundary documents
    const s = { median: c.median_us, p95: c.p95_us, n: c.runs };
    ctx.results.cases.push({ name: `extract ${c.name} (bench_extract)`, engine: 'native', total: s, compute: s });
  }
}

// Wasm engine time (extraction + result JSON) over bench_extract's native figure for the
// same work, per document; ratios.extraction_wasm_vs_native. The engine does the same work
// whichever input strategy brought the bytes, so the lower of the copy and zero-copy rows
// counts (on a shared machine one of them is often hit by a burst of load).
const ENGINE_PAIRS = [
  ['html_1k5', 'extract HTML 1.5 KB [INPUT/whole]', 'HTML 1.5 KB'],
  ['md_33k', 'extract Markdown 33 KB [INPUT/whole]', 'Markdown 33 KB'],
  ['md_33k_chunked', 'extract Markdown 33 KB chunked 1000/100 [INPUT/whole]', 'Markdown 33 KB, chunked 1000/100'],
  ['batch_arena', 'extract batch 10 × 100 KB [INPUT/arena]', 'batch 10 x 100 KB, arena (reused buffers)'],
  ['batch_malloc', 'extract batch 10 × 100 KB [INPUT/malloc]', 'batch 10 x 100 KB, malloc (fresh objects)'],
];

function engineRatios(ctx) {
  const find = (name, engine) => ctx.results.cases.find((c) => c.engine === engine && c.name === name);
  const out = {};
  for (const [key, wasmName, nativeName] of ENGINE_PAIRS) {
    const wasm = ['copy', 'zerocopy'].map((i) => find(wasmName.replace('INPUT', i), 'wasm')?.engine_time?.median)
      .filter((v) => v !== undefined);
    const n = find(`extract ${nativeName} (bench_extract)`, 'native');
    if (wasm.length && n) out[key] = Math.min(...wasm) / n.total.median;
  }
  if (Object.keys(out).length) ctx.results.ratios.extraction_wasm_vs_native = out;
}

// A fresh process per run: import + compile + instantiate + first extraction,
// then the workload (each document, the batch) for the peak RSS.
const STARTUP_CHILD = `
const t0 = performance.now();
const { loadEngine } = await import(process.argv[1]);
const x = await import(process.argv[2]);
const engine = await loadEngine({ wasmDir: process.argv[3], variant: process.argv[4] });
const docs = JSON.parse(process.argv[5]);
const minimal = process.argv[4] === 'minimal';
const first = minimal ? docs.markdown : docs.html;
// The minimal module extracts text and Markdown only: its batch is the Markdown half.
const batch = minimal ? docs.batch.filter((f) => f.endsWith('.md')) : docs.batch;
x.extractFile(engine, first, {}, { input: 'zerocopy' });
const ms = performance.now() - t0;
let error = null;
const w0 = performance.now();
try {
  for (let i = 0; i < 5; i++) {
    x.extractFile(engine, docs.markdown, {}, { input: 'zerocopy' });
    x.extractFile(engine, docs.markdown, { maxChars: 1000, overlap: 100 }, { input: 'copy', output: 'stream' });
    x.extractBatchFiles(engine, batch, {}, { input: 'zerocopy', batch: 'arena' });
  }
} catch (e) { error = e.message; }
const workload_ms = performance.now() - w0;
process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, workload_ms, error }));`;

// The last row is a diagnostic, not a configuration the host uses: the workload's peak
// RSS is mostly V8 compiling the hottest (4–6 KB) functions of the standard module
// with TurboFan in the background; with Liftoff only (no tier-up) that memory is not
// needed, at the cost of slower code. It is not counted in the RSS target row.
const STARTUP_VARIANTS = [
  { label: 'standard', variant: 'standard', flags: [] },
  { label: 'standard-oz', variant: 'standard-oz', flags: [] },
  { label: 'minimal', variant: 'minimal', flags: [] },
  { label: 'standard, node --liftoff-only (diagnostic)', variant: 'standard', flags: ['--liftoff-only'] },
  // One TurboFan compile at a time: the two largest functions are no longer compiled side by
  // side; tier-up ends later (measured: HTML 1.5 KB reached its steady state after ~2700 calls
  // instead of ~1500), so it is not the host's default either.
  { label: 'standard, node --wasm-num-compilation-tasks=1 (diagnostic)', variant: 'standard', flags: ['--wasm-num-compilation-tasks=1'] },
];

function startupRows(ctx, docs) {
  const out = {};
  for (const { label, variant, flags } of STARTUP_VARIANTS) {
    if (!existsSync(path.join(ctx.args.wasmDir, `bi-engine-${variant}.wasm`))) {
      ctx.skip(`extraction start-up ${label}`, 'module not built');
      continue;
    }
    const runs = [];
    for (let i = 0; i < (ctx.args.quick ? 3 : 7); i++) {
      const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', STARTUP_CHILD,
        path.join(ctx.root, 'wasm/host/engine.mjs'), path.join(ctx.root, 'wasm/host/extract.mjs'),
        path.resolve(ctx.args.wasmDir), variant, JSON.stringify(docs)], { encoding: 'utf8' });
      if (r.status !== 0) {
        ctx.skip(`extraction start-up ${label}`, errorLine(r));
        break;
      }
      runs.push(JSON.parse(r.stdout));
    }
    if (runs.length === 0) continue;
    out[label] = { ms: ctx.stats(runs.map((r) => r.ms)), peak_rss_kb: ctx.stats(runs.map((r) => r.rss)),
      workload_ms: ctx.stats(runs.map((r) => r.workload_ms)), workload_error: runs[0].error, node_flags: flags };
  }
  ctx.results.extraction.startup = out;
}

// @kreuzberg/wasm: its dist/index.js looks for ../pkg/kreuzberg_wasm.js, which
// is not where the package puts it, so the pkg glue is imported directly. That
// glue fetch()es its .wasm by file URL, which Node's fetch does not serve, so
// file URLs are answered from disk (nothing else changes).
const KREUZBERG_CHILD = `
import { readFile } from 'node:fs/promises';
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => {
  const u = new URL(String(url));
  if (u.protocol !== 'file:') return realFetch(url, init);
  return new Response(await readFile(u), { headers: { 'content-type': 'application/wasm' } });
};
const docs = JSON.parse(process.argv[1]);
const n = Number(process.argv[2]);
const read = (f) => readFile(f).then((b) => new Uint8Array(b));
const t0 = performance.now();
const k = await import(docs.glue);
const html = await read(docs.html);
await k.extractBytes(html, 'text/html');
const startup = performance.now() - t0;
const md = await read(docs.markdown);
const batch = await Promise.all(docs.batch.map(read));
const mimes = docs.batch.map((f) => f.endsWith('.html') ? 'text/html' : 'text/markdown');
// The async calls: the sync ones refuse Markdown ("does not support synchronous extraction").
const time = async (fn) => { for (let i = 0; i < 2; i++) await fn(); const s = []; for (let i = 0; i < n; i++) { const a = performance.now(); await fn(); s.push(performance.now() - a); } return s; };
const out = { startup_ms: startup, html_ms: await time(() => k.extractBytes(html, 'text/html')),
  md_ms: await time(() => k.extractBytes(md, 'text/markdown')),
  batch_ms: await time(() => k.batchExtractBytes(batch, mimes)),
  rss_kb: process.resourceUsage().maxRSS, html_bytes: html.length, md_bytes: md.length };
process.stdout.write(JSON.stringify(out));`;

function kreuzbergRows(ctx, docs) {
  const glue = path.join(ctx.root, 'node_modules/@kreuzberg/wasm/dist/pkg/kreuzberg_wasm.js');
  if (!existsSync(glue)) return ctx.skip('@kreuzberg/wasm', `not installed (${glue} missing; it is an optional npm dependency)`);
  const n = ctx.args.quick ? 5 : 21;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', KREUZBERG_CHILD, JSON.stringify({ ...docs, glue }), String(n)],
    { encoding: 'utf8', cwd: ctx.root, timeout: 300000 });
  if (out.status !== 0) return ctx.skip('@kreuzberg/wasm', errorLine(out));
  const r = JSON.parse(out.stdout);
  const us = (v) => {
    const s = ctx.stats(v);
    return { median: s.median * 1000, p95: s.p95 * 1000, n: s.n };
  };
  ctx.results.kreuzberg = { startup_ms: r.startup_ms, peak_rss_kb: r.rss_kb, html: { bytes: r.html_bytes, total: us(r.html_ms) },
    markdown: { bytes: r.md_bytes, total: us(r.md_ms) }, batch: { total: us(r.batch_ms) } };
}

// Adds the extraction cases, ratios (html_1k5_us, md_33k_us, batch_ms) and
// results.extraction { startup, peak_rss_kb }. ctx: { args, root, results, skip, stats, SAMPLES, engine }.
export function extractionRows(ctx) {
  ctx.results.extraction = {};
  const docs = writeDocuments(ctx);
  if (!docs) return;
  try {
    const { engine } = ctx;
    if (engine && typeof engine.m.extractAt === 'function') {
      ctx.results.ratios.html_1k5_us = documentRows(ctx, engine, 'HTML 1.5 KB', docs.html);
      ctx.results.ratios.md_33k_us = documentRows(ctx, engine, 'Markdown 33 KB', docs.markdown);
      ctx.results.ratios.batch_ms = batchRows(ctx, engine, docs.batch) / 1000;
    } else {
      ctx.skip('wasm extraction', 'the standard module has no extraction bindings (rebuild it)');
    }
    nativeRows(ctx, docs);
    engineRatios(ctx);
    startupRows(ctx, docs);
    kreuzbergRows(ctx, docs);
  } finally {
    rmSync(docs.dir, { recursive: true, force: true });
  }
}

// Report lines for what the generic case table does not show.
export function extractionReportLines(results) {
  const x = results.extraction ?? {};
  const fmt = (v, d = 1) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(d));
  const lines = [];
  if (x.startup && Object.keys(x.startup).length) {
    lines.push('', '| extraction module | start-up (import+compile+instantiate+first extract) | workload | peak RSS during the workload | note |', '|---|---|---|---|---|');
    for (const [variant, s] of Object.entries(x.startup)) {
      lines.push(`| ${variant} | ${fmt(s.ms.median)} ms (p95 ${fmt(s.ms.p95)}) | ${fmt(s.workload_ms?.median)} ms | ${fmt(s.peak_rss_kb.median / 1024)} MB | ${s.workload_error ?? (variant === 'minimal' ? 'batch: the 5 Markdown documents only' : '')} |`);
    }
  }
  if (results.kreuzberg?.batch) lines.push('', `@kreuzberg/wasm batch 10 × 100 KB (batchExtractBytes): ${fmt(results.kreuzberg.batch.total.median / 1000, 2)} ms (p95 ${fmt(results.kreuzberg.batch.total.p95 / 1000, 2)})`);
  return lines;
}
