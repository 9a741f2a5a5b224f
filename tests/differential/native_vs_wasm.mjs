// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every scenario under the given directories (recursively) through the native
// `bi` and the wasm host, each strategy natively and each strategy × codec in wasm,
// and requires byte-identical output once timings are removed, or the same exit
// status and error text. The wasm record must count the crossings the report's
// "calls" name (plus opening the session and fetching the report).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const hostScript = path.resolve(here, '../../wasm/host/bi.mjs');

function parseArgs(argv) {
  const args = { dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bi') args.bi = path.resolve(argv[++i]);
    else if (argv[i] === '--wasm-dir') args.wasmDir = path.resolve(argv[++i]);
    else args.dirs.push(argv[i]);
  }
  return args;
}

function* scenarioFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* scenarioFiles(full);
    else if (name.endsWith('.scenario.json')) yield full;
  }
}

// Both tools print the engine's result with "timings" spliced in as the last member.
function stripTimings(text) {
  const at = text.lastIndexOf(',"timings":');
  if (at < 0) throw new Error(`no timings member in output: ${text.slice(0, 200)}`);
  return text.slice(0, at) + '}';
}

function run(cmd, argv) {
  try {
    return { ok: true, out: execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, err: String(e.stderr ?? e.message) };
  }
}

// Checks a timing record against the report: every run's calls, plus open and report
// (one definition for the native and the wasm engine).
function crossingProblem(text) {
  const doc = JSON.parse(text);
  const calls = doc.runs.reduce((n, r) => n + r.calls, 0);
  const bad = doc.timings.find((t) => t.crossings !== calls + 2);
  return bad ? `record counts ${bad.crossings} crossings, the report ${calls} calls + 2` : null;
}

function compare(native, wasm) {
  if (native.ok !== wasm.ok) return `native ok=${native.ok}, wasm ok=${wasm.ok}: ${(native.err ?? wasm.err).split('\n').slice(0, 3).join(' | ')}`;
  if (!native.ok) {
    if (native.status !== wasm.status) return `exit status native ${native.status}, wasm ${wasm.status}`;
    return native.err === wasm.err ? null : `errors differ:\n  native: ${native.err}  wasm:   ${wasm.err}`;
  }
  if (stripTimings(native.out) !== stripTimings(wasm.out)) return 'outputs differ';
  return crossingProblem(wasm.out) ?? crossingProblem(native.out);
}

const args = parseArgs(process.argv.slice(2));
let passed = 0;
let failed = 0;
for (const dir of args.dirs) {
  for (const file of scenarioFiles(path.resolve(dir))) {
    for (const strategy of ['plan', 'legacy']) {
      const native = run(args.bi, ['run', file, '--strategy', strategy]);
      for (const codec of ['json', 'direct', 'binary']) {
        const wasm = run(process.execPath, [hostScript, 'run', file, '--strategy', strategy, '--codec', codec, '--wasm-dir', args.wasmDir]);
        const label = `${path.relative(process.cwd(), file)} [${strategy}, ${codec}]`;
        const problem = compare(native, wasm);
        if (problem) {
          failed++;
          console.log(`FAIL ${label}: ${problem}`);
        } else {
          passed++;
          console.log(`ok   ${label}${native.ok ? '' : ` (exit ${native.status})`}`);
        }
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
