// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5's start-up budget (import + load + one echo call <= 30 ms) has little margin:
// what the host loads on the way is checked here by module list, not by a timing.
// `import ... from 'node:fs'` builds fs's ES module namespace, whose lazy getters load
// Node's whole streams stack (~1-1.4 ms); engine.mjs takes fs through require instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const enginePath = path.resolve(here, '../../wasm/host/engine.mjs');
const wasmDir = process.env.BI_WASM_DIR ?? path.resolve(here, '../../build/wasm');

// The bench's start-up child (bench/boundary STARTUP_CHILD), printing the Node builtins
// it loaded after its first line instead of the time it took.
const CHILD = `
const before = new Set(process.moduleLoadList);
const { loadEngine } = await import(process.argv[1]);
const engine = await loadEngine({ wasmDir: process.argv[2], variant: process.argv[3] });
const { value } = engine.call('echo', [['a', 1]], { codec: 'json' });
const loaded = process.moduleLoadList.filter((m) => !before.has(m));
process.stdout.write(JSON.stringify({ value, loaded }));`;

function startupModules(variant) {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, enginePath, wasmDir, variant],
    { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout);
}

for (const variant of ['standard', 'minimal']) {
  test(`the ${variant} module's start-up loads no stream modules`, () => {
    const { value, loaded } = startupModules(variant);
    assert.deepEqual(value, { changes: [{ path: 'a', value: 1 }], count: 1 }, 'the echo call answered');
    const streams = loaded.filter((m) => /\bstreams?\b/.test(m));
    assert.deepEqual(streams, [], `start-up loaded: ${streams.join(', ')}`);
  });
}
