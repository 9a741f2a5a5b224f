// SPDX-License-Identifier: GPL-3.0-or-later
// Binary prepare answers name the input changes they repeat (value tag 10,
// wasm/bindings/BinaryResultWriter.h): the host hands the caller's own path and value
// out again. The answers must still equal the JSON codec's, changes that the pipeline
// made or altered must cross as values, and an input the codec writes lossily (an
// undefined, a Date, a lone surrogate) must come back as the engine read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '../../wasm/host/engine.mjs';
import { decodeDocument, encodeDocument } from '../../wasm/host/binary-codec.mjs';

const scenarioText = (state, sideEffects = {}) =>
  JSON.stringify({ format: 'boundary-inspector/scenario@1', name: 'refs', state, sideEffects, batches: [] });

function prepareBoth(engine, text, batch, op = 'prepare') {
  const answers = {};
  for (const codec of ['json', 'binary']) {
    const { session } = engine.openSession(text);
    answers[codec] = engine.call(op, batch, { codec, args: String(session) });
    engine.closeSession(session);
  }
  return answers;
}

test('pass-through changes come back as the caller\'s own values; made and altered ones as values', async () => {
  const engine = await loadEngine();
  const text = scenarioText(
    { billing: { zip: '1' }, shipping: { zip: '1' }, n: 1, same: { k: [1, 2] }, obj: { a: 1 } },
    { syncPaths: [['billing', 'shipping']] });
  const zip = { zip: '2', lines: ['x', 'y'] };
  const obj = { b: { c: [true, null, -1.5, 1e300, 'Zoë 😀'] }, a: 3 };
  // `same` is a no-op (dropped), `n` is written twice (the later value stays), billing
  // makes a synced change to shipping.
  const batch = [['same', { k: [1, 2] }], ['n', 5], ['billing', zip], ['n', 7], ['obj', obj]];
  for (const op of ['prepare', 'processChanges', 'preparePlan']) {
    const { json, binary } = prepareBoth(engine, text, batch, op);
    assert.deepEqual(binary.value.changes, json.value.changes, op);
    assert.deepEqual(binary.value, json.value, op);
    const byPath = new Map(binary.value.changes.map((c) => [c.path, c]));
    assert.equal(byPath.get('billing').value, zip, `${op}: billing is the caller's object`);
    assert.equal(byPath.get('obj').value, obj, `${op}: obj is the caller's object`);
    assert.notEqual(byPath.get('shipping').value, zip, `${op}: the synced change is the engine's`);
    assert.deepEqual(byPath.get('shipping').value, zip);
  }
});

test('a large pass-through batch crosses back as references, a fraction of its bytes', async () => {
  const engine = await loadEngine();
  const n = 500;
  const state = Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { value: i }]));
  const batch = Array.from({ length: n }, (_, i) => [`f${i}`, { id: i, name: `item ${i}`, tags: ['a', 'b'] }]);
  const { json, binary } = prepareBoth(engine, scenarioText(state), batch);
  assert.deepEqual(binary.value, json.value);
  binary.value.changes.forEach((c, i) => assert.equal(c.value, batch[i][1]));
  // 4 bytes a change instead of its path and value.
  assert.ok(binary.record.bytes_out < binary.record.bytes_in / 5,
    `bytes out ${binary.record.bytes_out} vs in ${binary.record.bytes_in}`);
});

test('inputs the codec writes lossily come back as the engine read them', async () => {
  const engine = await loadEngine();
  const text = scenarioText({ a: 0, d: 0, s: 0, h: 0, o: 0 });
  class Point { constructor() { this.x = 1; } }
  const batch = [
    ['a', { keep: 1, gone: undefined }],
    ['d', new Date(0)],
    ['s', 'lone \ud800 surrogate'],
    ['h', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['o', new Point()],
    ['p\udc00', 1],
  ];
  const { session } = engine.openSession(text);
  const read = engine.call('echo', batch, { codec: 'binary' }).value.changes;
  const answer = engine.call('prepare', batch, { codec: 'binary', args: String(session) }).value;
  engine.closeSession(session);
  assert.deepEqual(answer.changes, read);
  const byPath = new Map(answer.changes.map((c) => [c.path, c.value]));
  assert.deepEqual(byPath.get('d'), {});
  assert.equal(Object.getPrototypeOf(byPath.get('o')), Object.prototype);
  assert.deepEqual(byPath.get('h'), [1, { $undefined: true }, 3]);
  assert.ok(byPath.has('p\ufffd'));
  assert.deepEqual(read[0].value, { keep: 1, gone: { $undefined: true } });
  assert.equal(read[2].value, 'lone \ufffd surrogate');
});

test('a change reference without the call\'s input, or past it, is a decoding error', () => {
  // 'BIB1' | tag 10 | u32 1 | u32 ref
  const refs = (ref) => {
    const bytes = new Uint8Array(13);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x31424942, true);
    bytes[4] = 10;
    view.setUint32(5, 1, true);
    view.setUint32(9, ref, true);
    return bytes;
  };
  assert.throws(() => decodeDocument(refs(0)), /change reference 0 without a matching input change at byte 13/);
  assert.throws(() => decodeDocument(refs(2), [['a', 1]]), /change reference 2 without a matching input change/);
  assert.deepEqual(decodeDocument(refs(0), [['a', 1]]), [{ path: 'a', value: 1 }]);
  assert.throws(() => decodeDocument(refs(0).subarray(0, 11), [['a', 1]]), /truncated/);
  assert.deepEqual(decodeDocument(encodeDocument({ x: 1 })), { x: 1 });
});

test('an own "__proto__" member decodes as JSON.parse reads it, not as a prototype', async () => {
  const doc = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
  const decoded = decodeDocument(encodeDocument(doc));
  assert.deepEqual(Object.keys(decoded), ['__proto__', 'a']);
  assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
  assert.equal(decoded.polluted, undefined);
  const engine = await loadEngine();
  const echoed = engine.call('echo', [['x', doc]], { codec: 'binary' }).value.changes[0].value;
  assert.deepEqual(echoed, engine.call('echo', [['x', doc]], { codec: 'json' }).value.changes[0].value);
});
