// SPDX-License-Identifier: GPL-3.0-or-later
// Every document case through the native `bi` and the wasm host (bi.mjs), for
// every input × output strategy, plus --batch (malloc and arena, copy and
// zero copy) and md2html on the Markdown files: identical bytes required once
// timings are removed; failing cases must fail with the same message.
//   node documents_native_vs_wasm.mjs --bi BI --wasm-dir DIR [--cases cases.json] [DIR...]
// Cases come from tests/documents/cases.json (with their options); every other
// document in the given directories runs with and without chunking.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const hostScript = path.resolve(here, '../../wasm/host/bi.mjs');
const DOCUMENT = /\.(html?|md|markdown|txt|xml|json|csv|tsv)$/;

function parseArgs(argv) {
  const args = { dirs: [], cases: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bi') args.bi = argv[++i];
    else if (argv[i] === '--wasm-dir') args.wasmDir = argv[++i];
    else if (argv[i] === '--cases') args.cases = argv[++i];
    else args.dirs.push(argv[i]);
  }
  if (!args.bi || !args.wasmDir) throw new Error('usage: documents_native_vs_wasm.mjs --bi BI --wasm-dir DIR [--cases FILE] [DIR...]');
  return args;
}

function optionArgv(o = {}) {
  const argv = [];
  if (o.mime) argv.push('--mime', o.mime);
  if (o.text) argv.push('--text');
  if (o.max_chars !== undefined) argv.push('--max-chars', String(o.max_chars));
  if (o.overlap !== undefined) argv.push('--overlap', String(o.overlap));
  return argv;
}

function documentsUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) continue; // expected/ holds results, not inputs
    if (DOCUMENT.test(name) && !name.endsWith('.scenario.json') && name !== 'cases.json') out.push(full);
  }
  return out;
}

// The list of { label, files, options } to compare.
function collectCases(args) {
  const cases = [];
  const covered = new Set();
  if (args.cases) {
    const doc = JSON.parse(readFileSync(args.cases, 'utf8'));
    const base = path.dirname(args.cases);
    for (const c of doc.cases) {
      const file = path.join(base, c.file);
      covered.add(path.resolve(file));
      cases.push({ label: c.name, file, options: c.options ?? {} });
    }
  }
  for (const dir of args.dirs) {
    for (const file of documentsUnder(dir)) {
      if (covered.has(path.resolve(file))) continue;
      cases.push({ label: path.basename(file), file, options: {} });
      cases.push({ label: `${path.basename(file)} chunked`, file, options: { max_chars: 400, overlap: 50 } });
    }
  }
  return cases;
}

// Both tools splice "timings" in as the last member of every result object.
function stripTimings(text) {
  return text.replace(/,"timings":\[[^\]]*\]\}/g, '}');
}

function run(cmd, argv) {
  try {
    return { ok: true, out: execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, err: String(e.stderr) };
  }
}

// Compares one native run with one wasm run; returns a problem or null.
function compare(native, wasm, transform) {
  if (native.ok !== wasm.ok) return `native ok=${native.ok}, wasm ok=${wasm.ok}: ${native.err ?? ''}${wasm.err ?? ''}`;
  if (!native.ok) {
    if (wasm.status !== 2 || native.status !== 2) return `exit status native ${native.status}, wasm ${wasm.status}`;
    return native.err === wasm.err ? null : `errors differ:\n  native: ${native.err}  wasm:   ${wasm.err}`;
  }
  const a = transform(native.out);
  const b = transform(wasm.out);
  if (a === b) return null;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return `outputs differ at byte ${at}: native …${a.slice(at, at + 60)}… wasm …${b.slice(at, at + 60)}…`;
}

const args = parseArgs(process.argv.slice(2));
const wasmDir = path.resolve(args.wasmDir); // the host require()s the module by this path
// --wasm-dir right after the command, so that a trailing option still lacks its value.
const wasm = (argv) => run(process.execPath, [hostScript, argv[0], '--wasm-dir', wasmDir, ...argv.slice(1)]);
let passed = 0;
let failed = 0;
function report(label, problem) {
  if (problem) {
    failed++;
    console.log(`FAIL ${label}: ${problem}`);
  } else {
    passed++;
    console.log(`ok   ${label}`);
  }
}

const cases = collectCases(args);
const succeeded = new Set();
for (const c of cases) {
  const opts = optionArgv(c.options);
  const native = run(args.bi, ['extract', c.file, ...opts]);
  if (native.ok) succeeded.add(c);
  for (const input of ['copy', 'zerocopy']) {
    for (const output of ['whole', 'stream']) {
      const mine = wasm(['extract', c.file, ...opts, '--input', input, '--output', output]);
      report(`${c.label} [${input}/${output}]`, compare(native, mine, stripTimings));
    }
  }
}

// Batches: the documents of each group of options, once all of them (a failing
// document fails the batch, naming itself) and once only those that succeed.
const groups = new Map();
for (const c of cases) {
  for (const key of [JSON.stringify(c.options), `${JSON.stringify(c.options)} ok`]) {
    if (key.endsWith(' ok') && !succeeded.has(c)) continue;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c.file);
  }
}
for (const [key, files] of groups) {
  if (key.endsWith(' ok') && files.length === groups.get(key.slice(0, -3)).length) continue; // same batch
  const opts = optionArgv(JSON.parse(key.replace(/ ok$/, '')));
  const native = run(args.bi, ['extract', '--batch', ...files, ...opts]);
  for (const input of ['copy', 'zerocopy']) {
    for (const batch of ['--malloc', '--arena']) {
      const mine = wasm(['extract', '--batch', ...files, ...opts, '--input', input, batch]);
      report(`batch of ${files.length} ${key} [${input}/${batch.slice(2)}]`, compare(native, mine, stripTimings));
    }
  }
}

const markdown = [...new Set(cases.map((c) => c.file).filter((f) => /\.(md|markdown)$/.test(f)))];
for (const file of markdown) {
  report(`md2html ${path.basename(file)}`, compare(run(args.bi, ['md2html', file]), wasm(['md2html', file]), (t) => t));
}

// Command-line errors: the same first line (the usage text that follows names each tool) and status 2.
const notes = cases.find((c) => c.file.endsWith('notes.txt'))?.file ?? cases[0].file;
const missing = path.join(path.dirname(notes), 'no-such-document.txt');
const badLines = [['extract'], ['extract', notes, notes], ['extract', notes, '--overlap', '3'], ['extract', notes, '--max-chars'],
  ['extract', notes, '--max-chars', '1x'], ['extract', notes, '--bogus'], ['extract', missing], ['extract', '--batch', notes, missing],
  ['md2html'], ['md2html', missing]];
const firstLine = (r) => ({ ok: r.ok, status: r.status, err: r.err === undefined ? undefined : `${r.err.split('\n')[0]}\n`, out: r.out });
for (const argv of badLines) {
  report(`error: bi ${argv.map((a) => path.basename(a)).join(' ')}`, compare(firstLine(run(args.bi, argv)), firstLine(wasm(argv)), (t) => t));
}

console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
