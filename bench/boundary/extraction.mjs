// SPDX-License-Identifier: GPL-3.0-or-later
// Extraction rows of the boundary benchmark (boundary.mjs calls these): the
// documents of bench/extract (written by `bench_extract --write-docs`), every
// boundary strategy of wasm/host/extract.mjs as median + p95, native compute
// beside (short bench_extract runs interleaved with wasm samples of the same
// document, for the wasm/native engine-time ratios), module start-up per variant with the peak
// RSS of a process running the workload, and @kreuzberg/wasm on the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeStream, endStream, extractBatchFiles, extractFile, lastPhases, nextChunk, openStream } from '../../wasm/host/extract.mjs';

const CHUNKING = { maxChars: 1000, overlap: 100 };

// The line of a failed child's stderr that says what went wrong.
function errorLine(out) {
  const lines = (out.stderr || `exit status ${out.status}`).trim().split('\n');
  return (lines.find((l) => /Error/.test(l)) ?? lines[0]).trim();
}

// Writes the generated documents to a temporary folder; returns their paths or null.
export function writeDocuments(ctx) {
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

// One batch call as a record: the documents' records summed.
function batchCall(engine, files, input, batch) {
  const parts = extractBatchFiles(engine, files, {}, { input, batch });
  const sum = (f) => parts.reduce((a, p) => a + p.record[f], 0);
  return { total: sum('total'), compute: sum('compute'), engine_encode: sum('engine_encode'), crossings: 1 };
}

function batchRows(ctx, engine, files) {
  prime(ctx, () => extractBatchFiles(engine, files, {}, { input: 'zerocopy', batch: 'arena' }));
  const medians = [];
  for (const input of ['copy', 'zerocopy']) {
    for (const batch of ['malloc', 'arena']) {
      const s = sample(ctx, () => batchCall(engine, files, input, batch));
      ctx.results.cases.push({ name: `extract batch 10 × 100 KB [${input}/${batch}]`, engine: 'wasm', ...s });
      medians.push(s.total.median);
    }
  }
  return Math.min(...medians);
}

// ---- wasm vs native engine time, in interleaved rounds ------------------------------
// ratios.extraction_wasm_vs_native: wasm engine time (compute + engine encode, the
// extraction and its result JSON, what bench_extract times natively) over native. The
// machine's speed drifts by about 1.4× between minutes, so a native figure taken at another
// moment than the wasm one moved the ratio by as much (md_33k 0.91× and 1.78× in two runs).
// Each round therefore times both sides of one document within a few hundred milliseconds:
// a short bench_extract run of just that document (--quick --filter, a fresh process; its
// warm-up is a tenth of its runs) and as many wasm calls of it here, after the same warm-up
// (the code has tiered up in the rows before). A round's ratio is the wasm median over the
// native median; the figure is the median of the rounds' ratios. Zero-copy input: the
// engine does the same work whichever strategy brought the bytes. Load on the shared machine
// still moves one side of a round against the other (per-round ratios 0.9–2.8× in one run),
// so the cheap documents take more rounds: a round of HTML 1.5 KB costs ~30 ms, of Markdown
// 33 KB (both cases) ~0.13 s, of the batch (both cases) ~0.4 s.
const ROUND_GROUPS = [
  { filter: 'HTML 1.5 KB', rounds: { quick: 15, full: 21 }, cases: [
    { key: 'html_1k5', native: 'HTML 1.5 KB', call: (e, d) => () => extractFile(e, d.html, {}, { input: 'zerocopy' }).record },
  ] },
  { filter: 'Markdown 33 KB', rounds: { quick: 9, full: 11 }, cases: [
    { key: 'md_33k', native: 'Markdown 33 KB', call: (e, d) => () => extractFile(e, d.markdown, {}, { input: 'zerocopy' }).record },
    { key: 'md_33k_chunked', native: 'Markdown 33 KB, chunked 1000/100',
      call: (e, d) => () => extractFile(e, d.markdown, CHUNKING, { input: 'zerocopy' }).record },
  ] },
  { filter: 'batch 10 x 100 KB', rounds: { quick: 5, full: 7 }, cases: [
    { key: 'batch_arena', native: 'batch 10 x 100 KB, arena (reused buffers)', call: (e, d) => () => batchCall(e, d.batch, 'zerocopy', 'arena') },
    { key: 'batch_malloc', native: 'batch 10 x 100 KB, malloc (fresh objects)', call: (e, d) => () => batchCall(e, d.batch, 'zerocopy', 'malloc') },
  ] },
];

// ctx.rounds overrides the counts (the host test runs two, one of each order).
const roundCount = (ctx, group) => ctx.rounds ?? (ctx.args.quick ? group.rounds.quick : group.rounds.full);

export const ROUNDS_METHOD = 'per document, rounds of a short bench_extract run (--quick --filter, fresh process) and as many '
  + 'wasm calls in this process, the order swapped every round; ratio = median over the rounds of (wasm median engine time / '
  + 'native median)';

// The rounds of one group of cases. nativeRun() → { [key]: native samples (µs) }, one short
// native run; wasmRun(key, n) → n wasm engine-time samples (µs). Even rounds start with the
// native run, odd ones with the wasm block, which takes as many samples as the latest native
// run. Returns per key the median of the per-round ratios, the per-round figures and the
// pooled stats of each side; throws when a native run lacks a key.
export function interleavedRounds({ rounds, keys, nativeRun, wasmRun, stats }) {
  const acc = Object.fromEntries(keys.map((k) => [k, { per_round: [], wasm_medians: [], native_medians: [], wasm: [], native: [] }]));
  let counts = null;
  for (let r = 0; r < rounds; r++) {
    let native = null;
    const wasm = {};
    const runNative = () => {
      native = nativeRun();
      const missing = keys.find((k) => !(native[k]?.length > 0));
      if (missing !== undefined) throw new Error(`round ${r + 1}: the native run gave no samples for ${missing}`);
      counts = Object.fromEntries(keys.map((k) => [k, native[k].length]));
    };
    const runWasm = () => keys.forEach((k) => { wasm[k] = wasmRun(k, counts[k]); });
    if (r % 2 === 0) {
      runNative();
      runWasm();
    } else {
      runWasm();
      runNative();
    }
    for (const k of keys) {
      const a = acc[k];
      const w = stats(wasm[k]).median;
      const n = stats(native[k]).median;
      a.per_round.push(w / n);
      a.wasm_medians.push(w);
      a.native_medians.push(n);
      a.wasm.push(...wasm[k]);
      a.native.push(...native[k]);
    }
  }
  return Object.fromEntries(keys.map((k) => {
    const a = acc[k];
    return [k, { ratio: stats(a.per_round).median, per_round: a.per_round, per_round_wasm_us: a.wasm_medians,
      per_round_native_us: a.native_medians, wasm_engine_time: stats(a.wasm), native: stats(a.native), samples_per_round: counts[k] }];
  }));
}

// n engine-time samples of `call` after bench_extract's warm-up (a tenth of the runs, at least one).
function wasmEngineTimes(call, n) {
  for (let i = 0; i < Math.max(1, Math.floor(n / 10)); i++) call();
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = call();
    out.push(r.compute + (r.engine_encode ?? 0));
  }
  return out;
}

// One short bench_extract run of the group's cases: their samples by key.
function nativeRound(generator, json, group) {
  const out = spawnSync(generator, ['--quick', '--samples', '--filter', group.filter, '--json', json], { encoding: 'utf8', timeout: 120000 });
  if (out.error) throw new Error(`bench_extract: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`bench_extract: ${errorLine(out)}`);
  const cases = JSON.parse(readFileSync(json, 'utf8')).cases;
  return Object.fromEntries(group.cases.map((c) => [c.key, cases.find((n) => n.name === c.native)?.samples_us ?? []]));
}

// Adds ratios.extraction_wasm_vs_native, results.extraction.engine_vs_native (per key: the
// ratio, the per-round ratios and medians, the pooled stats of each side) and the native
// case rows (pooled over the rounds). ctx: { args: { bi, quick }, rounds?, results, skip, stats }.
export function engineRounds(ctx, engine, docs) {
  const generator = path.join(path.dirname(ctx.args.bi), 'bench_extract');
  const json = path.join(docs.dir, 'native.json');
  const ratios = {};
  const cases = {};
  const t0 = performance.now();
  for (const group of ROUND_GROUPS) {
    const calls = Object.fromEntries(group.cases.map((c) => [c.key, c.call(engine, docs)]));
    let result;
    try {
      result = interleavedRounds({ rounds: roundCount(ctx, group), keys: group.cases.map((c) => c.key), stats: ctx.stats,
        nativeRun: () => nativeRound(generator, json, group), wasmRun: (k, n) => wasmEngineTimes(calls[k], n) });
    } catch (e) {
      ctx.skip(`extraction engine time vs native (${group.filter})`, e.message);
      continue;
    }
    for (const c of group.cases) {
      const r = result[c.key];
      ratios[c.key] = r.ratio;
      cases[c.key] = { rounds: r.per_round.length, ...r };
      ctx.results.cases.push({ name: `extract ${c.native} (bench_extract)`, engine: 'native', total: r.native, compute: r.native });
    }
  }
  if (Object.keys(ratios).length) ctx.results.ratios.extraction_wasm_vs_native = ratios;
  ctx.results.extraction.engine_vs_native = { method: ROUNDS_METHOD, ms: performance.now() - t0, cases };
}

// A fresh process per run: extraction-startup-child.mjs.
const STARTUP_CHILD = fileURLToPath(new URL('./extraction-startup-child.mjs', import.meta.url));
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
      const r = spawnSync(process.execPath, [...flags, STARTUP_CHILD,
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

// Adds the extraction cases, ratios (html_1k5_us, md_33k_us, batch_ms,
// extraction_wasm_vs_native) and results.extraction { engine_vs_native, startup }. ctx: { args, root, results, skip, stats, SAMPLES, engine }.
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
      engineRounds(ctx, engine, docs);
    } else {
      ctx.skip('wasm extraction', 'the standard module has no extraction bindings (rebuild it)');
    }
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
  const rounds = x.engine_vs_native;
  if (rounds && Object.keys(rounds.cases).length) {
    lines.push('', '| engine time vs native, interleaved rounds | rounds | wasm/native (median of the rounds) | per-round ratios | wasm (pooled median) | native (pooled median) |',
      '|---|---|---|---|---|---|');
    for (const [key, r] of Object.entries(rounds.cases)) {
      lines.push(`| ${key} | ${r.rounds} | ${fmt(r.ratio, 2)}× | ${r.per_round.map((v) => fmt(v, 2)).join(', ')} | ${fmt(r.wasm_engine_time.median, 2)} µs | ${fmt(r.native.median, 2)} µs |`);
    }
    lines.push('', `Engine time = compute + engine encode (extraction and result JSON), zero-copy input; ${rounds.method}. `
      + `Both sides of a round are timed within a few hundred milliseconds, so the machine's drift between minutes cancels in its ratio (all rounds: ${fmt(rounds.ms / 1000)} s).`);
  }
  if (x.startup && Object.keys(x.startup).length) {
    lines.push('', '| extraction module | start-up (import+compile+instantiate+first extract) | workload | peak RSS during the workload | note |', '|---|---|---|---|---|');
    for (const [variant, s] of Object.entries(x.startup)) {
      lines.push(`| ${variant} | ${fmt(s.ms.median)} ms (p95 ${fmt(s.ms.p95)}) | ${fmt(s.workload_ms?.median)} ms | ${fmt(s.peak_rss_kb.median / 1024)} MB | ${s.workload_error ?? (variant === 'minimal' ? 'batch: the 5 Markdown documents only' : '')} |`);
    }
  }
  if (results.kreuzberg?.batch) lines.push('', `@kreuzberg/wasm batch 10 × 100 KB (batchExtractBytes): ${fmt(results.kreuzberg.batch.total.median / 1000, 2)} ms (p95 ${fmt(results.kreuzberg.batch.total.p95 / 1000, 2)})`);
  return lines;
}
