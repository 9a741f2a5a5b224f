// SPDX-License-Identifier: GPL-3.0-or-later
// The host's call layer over the module's plain exports (wasm/host/raw-calls.mjs):
// string arguments of any length and script cross intact, wrong argument types are
// refused before they reach the engine, and embind binds only the calls that take JS
// values (each bound function costs start-up: its invoker is built at registration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, defaultWasmDir } from '../../wasm/host/engine.mjs';
import { rawCalls } from '../../wasm/host/raw-calls.mjs';

const require = createRequire(import.meta.url);
const encoder = new TextEncoder();

// Extracts `bytes` zero-copy under `file`; returns the engine's error text or null.
function extractError(m, bytes, file, mime = '') {
  const ptr = m.allocBytes(bytes.length);
  m.HEAPU8.set(bytes, ptr);
  try {
    return m.extractAt(ptr, bytes.length, file, mime, false, 0, 0) ? null : m.extractError();
  } finally {
    m.freeBytes(ptr);
  }
}

for (const variant of ['standard', 'minimal']) {
  const present = existsSync(path.join(defaultWasmDir(), `bi-engine-${variant}.wasm`));
  const skip = !present && `the ${variant} module is not built`;

  test(`${variant}: file names of any script and length reach the engine intact`, { skip }, async () => {
    const { m } = await loadEngine({ variant });
    const bad = encoder.encode('{"a": '); // truncated JSON: the engine's error names the file
    const names = ['short.json', 'résumé-€-😀.json', `${'долгий-путь/'.repeat(60)}doc.json`, `${'a'.repeat(5000)}.json`];
    for (const name of names) {
      const error = extractError(m, bad, name, 'application/json');
      assert.ok(error?.startsWith(`${name}: `), `${name.slice(0, 40)}…: ${error?.slice(0, 80)}`);
    }
    // After the scratch buffer grew, short arguments still cross without leftovers.
    assert.ok(extractError(m, bad, 'x.json', 'application/json').startsWith('x.json: '));
  });

  test(`${variant}: op names and args cross as strings; other types are refused`, { skip }, async () => {
    const engine = await loadEngine({ variant });
    const input = [['π', 'ü'.repeat(300)]];
    const viaBinary = engine.call('echo', input, { codec: 'binary', args: 'ärg' }).value;
    assert.deepEqual(viaBinary, engine.call('echo', input, { codec: 'json', args: 'ärg' }).value);
    assert.deepEqual(viaBinary.changes, [{ path: 'π', value: 'ü'.repeat(300) }]);
    const { m } = engine;
    const bytes = encoder.encode('[]');
    const ptr = m.allocBytes(bytes.length);
    m.HEAPU8.set(bytes, ptr);
    try {
      assert.equal(m.callJson('no-such-op', '', ptr, bytes.length), false);
      assert.match(m.lastError(), /no-such-op/);
      assert.throws(() => m.callJson(7, '', ptr, bytes.length), TypeError);
      assert.throws(() => m.callBinary('echo', undefined, ptr, bytes.length), TypeError);
      assert.ok(m.callJson('echo', '', ptr, bytes.length), m.lastError());
      assert.equal(m.lastError(), '');
    } finally {
      m.freeBytes(ptr);
    }
    assert.equal(m.variantName(), variant);
    assert.ok(m.supportedOps().split(',').includes('prepare'));
  });

  test(`${variant}: embind binds only the calls that take or build JS values`, { skip }, async () => {
    const base = path.join(defaultWasmDir(), `bi-engine-${variant}`);
    const module = await require(`${base}.js`)({ wasmBinary: readFileSync(`${base}.wasm`) });
    // embind's bound functions are the module's own-property functions without the
    // `_` of plain exports (the rest of Module is the glue's runtime).
    const runtime = new Set(['ready', 'inspect', 'run', 'getInheritedInstanceCount', 'getLiveInheritedInstances',
      'flushPendingDeletes', 'setDelayFunction', 'count_emval_handles', 'get_first_emval', 'BindingError',
      'InternalError', 'UnboundTypeError', 'preloadedImages', 'preloadedAudios']);
    const bound = Object.keys(module)
      .filter((k) => typeof module[k] === 'function' && !k.startsWith('_') && !runtime.has(k))
      .sort();
    assert.deepEqual(bound, ['callDirect', 'extractBatch', 'extractCopy', 'extractParts', 'streamOpenCopy']);
    assert.doesNotThrow(() => rawCalls(module));
    assert.throws(() => rawCalls({ ...module, _bi_call_binary: undefined }), /lacks the export bi_call_binary/);
  });
}
