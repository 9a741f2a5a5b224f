// SPDX-License-Identifier: GPL-3.0-or-later
// The three processChanges codecs carry the same document: JSON text, direct
// embind objects and the binary layout give identical results and records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '../../wasm/host/engine.mjs';

const changes = [
  ['a.b', 1.5], ['name', 'Zoë 😀 "q" \\ \n'], ['obj', { x: [true, false, null], y: { z: -0.1, big: 1e300 } }],
  ['u', { $undefined: true }], ['', 0], ['list', []], ['empty', {}],
];

test('json, direct and binary codecs give the same result', async () => {
  const engine = await loadEngine();
  const results = {};
  for (const codec of ['json', 'direct', 'binary']) {
    const { value, record } = engine.call('echo', changes, { codec });
    results[codec] = value;
    assert.equal(record.strategy, codec);
    assert.equal(record.crossings, 1);
    assert.ok(record.total >= record.compute);
    assert.equal(record.overhead, record.total - record.compute);
  }
  assert.deepEqual(results.json, { changes, count: changes.length });
  assert.equal(JSON.stringify(results.direct), JSON.stringify(results.json));
  assert.equal(JSON.stringify(results.binary), JSON.stringify(results.json));
});

test('codec errors are thrown as host errors, and the engine keeps working', async () => {
  const engine = await loadEngine();
  assert.throws(() => engine.call('no-such-op', [], { codec: 'binary' }), /unknown engine op/);
  assert.throws(() => engine.call('echo', [], { codec: 'smoke' }), /unknown codec/);
  assert.throws(() => engine.call('echo', [[1, () => 0]], { codec: 'direct' }), /cannot pass a JS function/);
  assert.equal(engine.call('echo', [['x', 1]], { codec: 'direct' }).value.count, 1);
});
