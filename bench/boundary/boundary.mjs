#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// The boundary benchmark: native and wasm in one run, every figure a median with its
// p95, every ratio computed within this run. Prints a Markdown table with the
// issue's targets beside the measured values and writes JSON (--json FILE).
//   node bench/boundary/boundary.mjs [--json FILE] [--bi build/bin/bi] [--wasm-dir build/wasm] [--quick]
// Cases whose engine call does not exist yet are listed as "not measured" with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../wasm/host/engine.mjs';
import { clockResolutionMicros, blockSizeFor } from '../../wasm/host/records.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function parseArgs(argv) {
  const args = { json: null, bi: path.join(root, 'build/bin/bi'), wasmDir: path.join(root, 'build/wasm'), quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = argv[++i];
    else if (argv[i] === '--bi') args.bi = argv[++i];
    else if (argv[i] === '--wasm-dir') args.wasmDir = argv[++i];
    else if (argv[i] === '--quick') args.quick = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const SAMPLES = args.quick ? 7 : 31;
const resolution = clockResolutionMicros();

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

// Times fn() SAMPLES times; calls shorter than the clock allows are timed in blocks.
function measure(fn) {
  const t0 = performance.now();
  fn();
  const once = (performance.now() - t0) * 1000;
  const block = blockSizeFor(once, resolution);
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const a = performance.now();
    for (let i = 0; i < block; i++) fn();
    samples.push(((performance.now() - a) * 1000) / block);
  }
  return { ...stats(samples), block };
}

// Median/p95 of one record field over repeated record-producing calls.
function recordStats(records, field) {
  return stats(records.map((r) => r[field]));
}

const results = { resolution_us: resolution, cases: [], skipped: [], sizes: {}, startup: {}, ratios: {} };
const skip = (name, reason) => results.skipped.push({ name, reason });

// ---- module sizes -------------------------------------------------------------
function moduleSizes() {
  if (!existsSync(args.wasmDir)) return;
  for (const f of readdirSync(args.wasmDir).filter((n) => n.endsWith('.wasm')).sort()) {
    results.sizes[f.replace(/\.wasm$/, '')] = statSync(path.join(args.wasmDir, f)).size;
  }
}

// ---- start-up: import + compile + instantiate + first call, each in a fresh process
const STARTUP_CHILD = `
const t0 = performance.now();
const { loadEngine } = await import(process.argv[1]);
const engine = await loadEngine({ wasmDir: process.argv[2], variant: process.argv[3] });
engine.call('echo', [['a', 1]], { codec: 'json' });
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS }));`;

function startup(variant) {
  const runs = [];
  for (let i = 0; i < (args.quick ? 3 : 7); i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', STARTUP_CHILD,
      path.join(root, 'wasm/host/engine.mjs'), args.wasmDir, variant], { encoding: 'utf8' });
    if (out.status !== 0) return skip(`startup ${variant}`, out.stderr.trim().split('\n').pop());
    runs.push(JSON.parse(out.stdout));
  }
  results.startup[variant] = { ms: stats(runs.map((r) => r.ms)), peak_rss_kb: stats(runs.map((r) => r.rss)) };
}

// ---- codecs: processChanges input/output at 100/500/1000 changes ---------------
// The change shape of the published serialization benchmark (nested objects).
function codecChanges(n, salt) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push([`field_${i}`, { id: i + salt, name: `item ${i}`, description: `description of item ${i}`,
      metadata: { created: 1700000000 + i, updated: 1700000000 + salt, tags: ['a', 'b', 'c'] },
      nested: { level1: { level2: { level3: { value: i * salt } } } } }]);
  }
  return out;
}

function codecCases(engine, op) {
  for (const n of [100, 500, 1000]) {
    const input = codecChanges(n, 7);
    const perCodec = {};
    for (const codec of ['json', 'direct', 'binary']) {
      for (let w = 0; w < 5; w++) engine.call(op, input, { codec });
      const records = [];
      for (let s = 0; s < SAMPLES; s++) records.push(engine.call(op, input, { codec }).record);
      perCodec[codec] = { total: recordStats(records, 'total'), compute: recordStats(records, 'compute'),
        overhead: recordStats(records, 'overhead'), bytes_in: records[0].bytes_in };
      results.cases.push({ name: `codec ${codec} ${n} changes (${op})`, engine: 'wasm', ...perCodec[codec] });
    }
    results.ratios[`direct_vs_json_${n}`] = perCodec.json.total.median / perCodec.direct.total.median;
    results.ratios[`binary_vs_json_${n}`] = perCodec.json.total.median / perCodec.binary.total.median;
    results.ratios[`binary_overhead_share_${n}`] = perCodec.binary.overhead.median / perCodec.binary.total.median;
    results.ratios[`json_minus_direct_ms_${n}`] = (perCodec.json.total.median - perCodec.direct.total.median) / 1000;
  }
}

// ---- whole scenario runs: native `bi run --repeat` vs wasm -----------------------
function nativeRun(file, strategy) {
  if (!existsSync(args.bi)) return skip(`native run ${path.basename(file)}`, `${args.bi} not built`);
  try {
    const out = execFileSync(args.bi, ['run', file, '--strategy', strategy, '--repeat', String(SAMPLES)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const timings = JSON.parse(out).timings;
    results.cases.push({ name: `run ${path.basename(file)} [${strategy}]`, engine: 'native', total: recordStats(timings, 'total'), compute: recordStats(timings, 'compute') });
  } catch (e) {
    skip(`native run ${path.basename(file)} [${strategy}]`, String(e.stderr ?? e.message).trim());
  }
}

function wasmRun(engine, file, text, strategy) {
  const records = [];
  try {
    for (let s = 0; s < SAMPLES; s++) records.push(engine.runScenario(text, { strategy }).record);
  } catch (e) {
    return skip(`wasm run ${path.basename(file)} [${strategy}]`, e.message);
  }
  results.cases.push({ name: `run ${path.basename(file)} [${strategy}]`, engine: 'wasm', total: recordStats(records, 'total'), compute: recordStats(records, 'compute'), overhead: recordStats(records, 'overhead') });
}

// ---- plan vs legacy, extraction: engine calls of the pipeline / extraction issues --
function optionalCase(name, engine, op, run) {
  if (!engine.supports(op)) return skip(name, `engine op '${op}' not in this build yet`);
  try {
    run();
  } catch (e) {
    skip(name, e.message);
  }
}

// ---- @kreuzberg/wasm on comparable documents, when installed --------------------
const KREUZBERG_CHILD = `
const t0 = performance.now();
const k = await import('@kreuzberg/wasm');
await k.initWasm();
const html = new TextEncoder().encode('<html><body>' + '<p>Hello <b>world</b> &amp; friends.</p>'.repeat(36) + '</body></html>');
const md = new TextEncoder().encode(('# Title\\n\\nSome *markdown* text with a [link](http://x).\\n\\n- item\\n- item\\n\\n').repeat(440));
await k.extractBytes(html, 'text/html');
const startup = performance.now() - t0;
const time = async (bytes, mime, n) => { const s = []; for (let i = 0; i < n; i++) { const a = performance.now(); await k.extractBytes(bytes, mime); s.push(performance.now() - a); } return s; };
const out = { startup_ms: startup, html_ms: await time(html, 'text/html', ${args.quick ? 5 : 21}), md_ms: await time(md, 'text/markdown', ${args.quick ? 5 : 21}),
  rss_kb: process.resourceUsage().maxRSS, html_bytes: html.length, md_bytes: md.length };
process.stdout.write(JSON.stringify(out));`;

function kreuzberg() {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', KREUZBERG_CHILD], { encoding: 'utf8', cwd: root, timeout: 120000 });
  if (out.status !== 0) {
    const lines = (out.stderr || 'not installed').split('\n');
    return skip('@kreuzberg/wasm', (lines.find((l) => /Error/.test(l)) ?? lines[0]).trim());
  }
  const r = JSON.parse(out.stdout);
  const ms = (v) => { const s = stats(v); return { median: s.median * 1000, p95: s.p95 * 1000, n: s.n }; };
  results.kreuzberg = { startup_ms: r.startup_ms, peak_rss_kb: r.rss_kb, html: { bytes: r.html_bytes, total: ms(r.html_ms) }, markdown: { bytes: r.md_bytes, total: ms(r.md_ms) } };
}

// ---- report ------------------------------------------------------------------------
const fmt = (v, digits = 1) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));
const medP95 = (s) => (s ? `${fmt(s.median, 2)} (p95 ${fmt(s.p95, 2)})` : '–');

function targetRows() {
  const r = results.ratios;
  const minimal = results.sizes['bi-engine-minimal'];
  const startups = Object.entries(results.startup).map(([v, s]) => `${v} ${fmt(s.ms.median)} ms`).join(', ');
  const rss = Math.max(0, ...Object.values(results.startup).map((s) => s.peak_rss_kb.median));
  return [
    ['wasm single plan vs legacy, 15 levels (corrected)', '≥ 3×', r.plan_vs_legacy_corrected_15 ? `${fmt(r.plan_vs_legacy_corrected_15, 2)}×` : 'not measured'],
    ['binary codec overhead share at 1000 changes', '≤ 10%', r.binary_overhead_share_1000 !== undefined ? `${fmt(100 * r.binary_overhead_share_1000)}%` : 'not measured'],
    ['direct vs JSON at 1000 changes (published 7–8%, 1.5 ms)', 'faster', r.direct_vs_json_1000 ? `${fmt(100 * (r.direct_vs_json_1000 - 1))}%, ${fmt(r.json_minus_direct_ms_1000, 3)} ms` : 'not measured'],
    ['module start-up (import+compile+instantiate+first call)', '≤ 30 ms', startups || 'not measured'],
    ['minimal module size', '≤ 300 KB', minimal ? `${fmt(minimal / 1024)} KB` : 'not built'],
    ['peak RSS of the Node host', '≤ 80 MB', rss ? `${fmt(rss / 1024)} MB` : 'not measured'],
    ['HTML 1.5 KB per wasm call incl. boundary', '≤ 50 µs', r.html_1k5_us ? `${fmt(r.html_1k5_us)} µs` : 'not measured'],
    ['Markdown 33 KB per wasm call incl. boundary', '≤ 500 µs', r.md_33k_us ? `${fmt(r.md_33k_us)} µs` : 'not measured'],
    ['batch 10 × 100 KB', '≤ 15 ms', r.batch_ms ? `${fmt(r.batch_ms, 2)} ms` : 'not measured'],
  ];
}

function printReport() {
  const lines = ['## Boundary benchmark', '', `clock resolution ${fmt(resolution, 3)} µs, ${SAMPLES} samples per figure (median, p95; µs per call)`, '',
    '| target | goal | measured |', '|---|---|---|', ...targetRows().map((r) => `| ${r.join(' | ')} |`), '',
    '| case | engine | total | compute | overhead |', '|---|---|---|---|---|'];
  for (const c of results.cases) lines.push(`| ${c.name} | ${c.engine} | ${medP95(c.total)} | ${medP95(c.compute)} | ${medP95(c.overhead)} |`);
  lines.push('', '| module | bytes |', '|---|---|', ...Object.entries(results.sizes).map(([k, v]) => `| ${k}.wasm | ${v} |`));
  if (results.kreuzberg) {
    const k = results.kreuzberg;
    lines.push('', '| @kreuzberg/wasm (same machine, this run) | measured | published note |', '|---|---|---|',
      `| start-up | ${fmt(k.startup_ms)} ms | 750 ms |`, `| HTML ${k.html.bytes} B | ${medP95(k.html.total)} µs | 1.9 ms |`,
      `| Markdown ${k.markdown.bytes} B | ${medP95(k.markdown.total)} µs | 6.3 ms |`, `| peak RSS | ${fmt(k.peak_rss_kb / 1024)} MB | 250–320 MB |`,
      `| module | ${results.sizes_kreuzberg ?? '–'} | 19.7 MB |`);
  }
  if (results.skipped.length) lines.push('', 'Not measured:', ...results.skipped.map((s) => `- ${s.name}: ${s.reason}`));
  process.stdout.write(lines.join('\n') + '\n');
}

async function main() {
  moduleSizes();
  let engine = null;
  try {
    engine = await loadEngine({ wasmDir: args.wasmDir });
  } catch (e) {
    skip('wasm engine', e.message);
  }
  for (const variant of ['standard', 'minimal']) {
    if (existsSync(path.join(args.wasmDir, `bi-engine-${variant}.wasm`))) startup(variant);
  }
  const demo = path.join(root, 'resources/demo/checkout.scenario.json');
  for (const strategy of ['plan', 'legacy']) nativeRun(demo, strategy);
  if (engine) {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(demo, 'utf8');
    for (const strategy of ['plan', 'legacy']) wasmRun(engine, demo, text, strategy);
    codecCases(engine, engine.supports('process_changes') ? 'process_changes' : 'echo');
    optionalCase('plan vs legacy (literal and corrected, 5/10/15/20 levels)', engine, 'prepare', () => {});
    optionalCase('extraction (HTML 1.5 KB, Markdown 33 KB, batch 10 × 100 KB)', engine, 'extract', () => {});
  }
  kreuzberg();
  const kdir = path.join(root, 'node_modules/@kreuzberg/wasm/dist/pkg');
  if (existsSync(kdir)) {
    const wasmFile = readdirSync(kdir).find((f) => f.endsWith('.wasm'));
    if (wasmFile) results.sizes_kreuzberg = `${fmt(statSync(path.join(kdir, wasmFile)).size / 1048576)} MB`;
  }
  printReport();
  if (args.json) {
    mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    writeFileSync(args.json, JSON.stringify(results, null, 1) + '\n');
  }
}

await main();
