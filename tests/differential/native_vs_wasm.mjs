// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every scenario under the given directories through the native `bi` and
// the wasm host and requires byte-identical output once timings are removed.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const hostScript = path.resolve(here, '../../wasm/host/bi.mjs');

function parseArgs(argv) {
  const args = { dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bi') args.bi = argv[++i];
    else if (argv[i] === '--wasm-dir') args.wasmDir = argv[++i];
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
    return { ok: false, status: e.status, err: String(e.stderr) };
  }
}

const args = parseArgs(process.argv.slice(2));
let passed = 0;
let failed = 0;
for (const dir of args.dirs) {
  for (const file of scenarioFiles(dir)) {
    for (const strategy of ['plan', 'legacy']) {
      const native = run(args.bi, ['run', file, '--strategy', strategy]);
      const wasm = run(process.execPath, [hostScript, 'run', file, '--strategy', strategy, '--wasm-dir', args.wasmDir]);
      const label = `${path.relative(process.cwd(), file)} [${strategy}]`;
      let problem = null;
      if (native.ok !== wasm.ok) problem = `native ok=${native.ok}, wasm ok=${wasm.ok}: ${native.err ?? ''}${wasm.err ?? ''}`;
      else if (!native.ok) problem = native.err === wasm.err ? null : `errors differ:\n  native: ${native.err}  wasm:   ${wasm.err}`;
      else if (stripTimings(native.out) !== stripTimings(wasm.out)) problem = 'outputs differ';
      if (problem) {
        failed++;
        console.log(`FAIL ${label}: ${problem}`);
      } else {
        passed++;
        console.log(`ok   ${label}`);
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
