// SPDX-License-Identifier: GPL-3.0-or-later
// The three codecs carry the same document: JSON text, direct embind objects and the
// binary layout give identical results, on echo and on the pipeline session ops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, defaultWasmDir } from '../../wasm/host/engine.mjs';
import { runScenarioHosted } from '../../wasm/host/pipeline-run.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenario = (name) => readFileSync(path.resolve(here, '../scenarios', name), 'utf8');
const CODECS = ['json', 'direct', 'binary'];

const changes = [
  ['a.b', 1.5], ['name', 'Zoë 😀 "q" \\ \n'], ['obj', { x: [true, false, null], y: { z: -0.1, big: 1e300 } }],
  ['u', { $undefined: true }], ['', 0], ['list', []], ['empty', {}],
];
const asObjects = changes.map(([p, v]) => ({ path: p, value: v }));

test('json, direct and binary codecs give the same result, in the engine change shape', async () => {
  const engine = await loadEngine();
  for (const input of [changes, asObjects]) {
    for (const codec of CODECS) {
      const { value, record } = engine.call('echo', input, { codec });
      assert.equal(record.strategy, codec);
      assert.equal(record.crossings, 1);
      assert.ok(record.total >= record.compute);
      assert.equal(record.overhead, record.total - record.compute);
      assert.deepEqual(value, { changes: asObjects, count: changes.length }, codec);
    }
  }
});

test('bad input is the same engine error under every codec, and the engine keeps working', async () => {
  const engine = await loadEngine();
  for (const codec of CODECS) {
    assert.throws(() => engine.call('echo', { not: 'a list' }, { codec }), /echo: changes.*array/, codec);
    assert.throws(() => engine.call('echo', [[1, 2]], { codec }), /echo: changes\[0\]/, codec);
    assert.throws(() => engine.call('no-such-op', [], { codec }), /unknown engine op/, codec);
  }
  assert.throws(() => engine.call('echo', [], { codec: 'smoke' }), /unknown codec/);
  assert.throws(() => engine.call('echo', [['x', () => 0]], { codec: 'direct' }), /cannot pass a JS function/);
  assert.throws(() => engine.call('echo', [['x', () => 0]], { codec: 'binary' }), /cannot pass a JS function/);
  assert.equal(engine.call('echo', [['x', 1]], { codec: 'binary' }).value.count, 1);
});

test('pipeline ops: prepare, finalize and the legacy calls agree across codecs', async () => {
  const engine = await loadEngine();
  const text = scenario('worked-run-3-18.scenario.json');
  const seen = {};
  for (const codec of CODECS) {
    const { session, described } = engine.openSession(text);
    const args = String(session);
    const planned = engine.call('prepare', described.batches[0], { codec, args }).value;
    assert.ok(planned.execution_plan.groups.length > 0);
    engine.call('abort', null, { codec, args });
    // The legacy flow's first call: the same run without the plan.
    const prepared = engine.call('processChanges', described.batches[0], { codec, args }).value;
    assert.deepEqual(Object.keys(prepared), ['changes', 'concern_changes', 'guards']);
    assert.deepEqual(prepared.changes, planned.changes);
    const level = engine.call('createDispatchPlan', null, { codec, args }).value;
    const produced = level.groups.flat().map((e) => ({ dispatch_id: e.dispatch_id, changes: [] }));
    const next = engine.call('routeProducedChanges', produced, { codec, args: `${session} ${level.level}` }).value;
    const finalized = engine.call('finalize', [], { codec, args }).value;
    seen[codec] = JSON.stringify([planned, prepared, level, next, finalized]);
    engine.closeSession(session);
  }
  assert.equal(seen.direct, seen.json);
  assert.equal(seen.binary, seen.json);
});

test('session ops name bad arguments and unknown sessions; a failed call rolls the run back', async () => {
  const engine = await loadEngine();
  const { session, described } = engine.openSession(scenario('worked-run-3-18.scenario.json'));
  for (const codec of CODECS) {
    assert.throws(() => engine.call('prepare', [], { codec, args: 'x' }), /prepare: args must be "<session>"/);
    assert.throws(() => engine.call('prepare', [], { codec, args: '999' }), /no open session 999/);
    assert.throws(() => engine.call('routeProducedChanges', [], { codec, args: String(session) }), /<session> <level>/);
    assert.throws(() => engine.call('finalize', [], { codec, args: String(session) }), /no run is open/);
    engine.call('prepare', described.batches[0], { codec, args: String(session) });
    assert.throws(() => engine.call('finalize', [{ dispatch_id: 99, changes: [] }], { codec, args: String(session) }), /unknown dispatch id 99/);
    // The failed finalize aborted the run: a new prepare is accepted.
    engine.call('prepare', described.batches[0], { codec, args: String(session) });
    engine.call('abort', null, { codec, args: String(session) });
  }
  assert.equal(engine.closeSession(session), true);
  assert.equal(engine.closeSession(session), false);
  assert.throws(() => engine.openSession('{"format":"boundary-inspector/scenario@1",}'), /line 1, column/);
  for (const bad of [1.5, -1, Number.NaN]) {
    assert.throws(() => engine.openSession(scenario('worked-run-3-18.scenario.json'), { maxListenerWrites: bad }), /maxListenerWrites must be a whole number/);
  }
});

test('calls shorter than the clock resolves are timed in blocks; session ops never', async () => {
  const engine = await loadEngine();
  engine.resolutionMicros = 100; // as if the clock stepped every 100 µs: echo needs a block
  const { value, record } = engine.call('echo', [['a', 1]], { codec: 'binary' });
  assert.ok(record.block > 1, `block ${record.block}`);
  assert.deepEqual(value, { changes: [{ path: 'a', value: 1 }], count: 1 });
  assert.equal(record.overhead, record.total - record.compute);
  const { session, described } = engine.openSession(scenario('worked-run-3-18.scenario.json'));
  assert.equal(engine.call('prepare', described.batches[0], { args: String(session) }).record.block, 1);
  engine.closeSession(session);
});

test('a host-driven run counts its crossings: open + calls of every run + report', async () => {
  const engine = await loadEngine();
  for (const strategy of ['plan', 'legacy']) {
    for (const codec of CODECS) {
      const { json, record } = runScenarioHosted(engine, scenario('worked-run-3-18.scenario.json'), { strategy, codec });
      const calls = JSON.parse(json).runs.map((r) => r.calls);
      assert.equal(record.crossings, 2 + calls.reduce((a, b) => a + b, 0));
      assert.equal(calls[0], strategy === 'plan' ? 2 : 2 + 1 + JSON.parse(json).runs[0].execution_plan.levels.length);
      assert.equal(record.strategy, codec === 'json' ? strategy : `${strategy}/${codec}`);
      assert.ok(record.bytes_in > 0 && record.total >= record.compute);
    }
  }
});

test('a listener carrying a JS handler source runs it instead of its produce rules', async () => {
  const engine = await loadEngine();
  const doc = {
    format: 'boundary-inspector/scenario@1', name: 'handler source', state: { a: 1, out: {} },
    listeners: [{ id: 'h', path: 'a', produce: [{ path: 'out.rule', value: true }],
      handler: '(changes, d) => [["out.seen", changes.length], ["out.topic", d.topic_path]]' }],
    batches: [[['a', 2]]],
  };
  for (const codec of CODECS) {
    const report = JSON.parse(runScenarioHosted(engine, JSON.stringify(doc), { codec }).json);
    assert.deepEqual(report.final_state.out, { seen: 1, topic: 'a' }, codec);
    assert.deepEqual(report.runs[0].dispatches[0].output, [{ path: 'out.seen', value: 1 }, { path: 'out.topic', value: 'a' }]);
  }
  const bad = { ...doc, listeners: [{ ...doc.listeners[0], handler: '() => 5' }] };
  assert.throws(() => runScenarioHosted(engine, JSON.stringify(bad)), /batch 0: listener h: handler must return an array/);
});

test('a relative --wasm-dir is taken from the working directory', async () => {
  // require() alone would resolve it against wasm/host/, not the cwd.
  const relative = path.relative(process.cwd(), defaultWasmDir());
  assert.ok(!path.isAbsolute(relative));
  const engine = await loadEngine({ wasmDir: relative });
  assert.equal(engine.call('echo', [['a', 1]]).value.count, 1);
});

test('binary answers carry change lists compactly (tag 8), read back as {path, value} objects', async () => {
  const { decodeDocument } = await import('../../wasm/host/binary-codec.mjs');
  // 'BIB1', tag 8, 2 changes: "a" = 1 and "b.c" = [true]
  const bytes = Uint8Array.from([0x42, 0x49, 0x42, 0x31, 8, 2, 0, 0, 0, 1, 0, 0, 0, 0x61, 3, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
    3, 0, 0, 0, 0x62, 0x2e, 0x63, 5, 1, 0, 0, 0, 2]);
  assert.deepEqual(decodeDocument(bytes), [{ path: 'a', value: 1 }, { path: 'b.c', value: [true] }]);
  assert.throws(() => decodeDocument(bytes.subarray(0, bytes.length - 1)), /binary codec: truncated value tag/);
  // The engine writes its change lists that way: echo's answer is its input's bytes plus
  // the answer's small frame, not a {path, value} object (two keys) per change.
  const engine = await loadEngine();
  const many = Array.from({ length: 50 }, (_, i) => [`k${i}`, i]);
  const { value, record } = engine.call('echo', many, { codec: 'binary' });
  assert.deepEqual(value, { changes: many.map(([p, v]) => ({ path: p, value: v })), count: 50 });
  const frame = 4 + 1 + 4 + (4 + 7) + (4 + 5 + 9); // magic, object of 2, "changes", "count" = number
  assert.equal(record.bytes_out, record.bytes_in - 8 + 1 + 4 + frame);
});

test('the binary reader gives every number back as the same JS value (whole ones as small integers)', async () => {
  const { decodeDocument, encodeDocument } = await import('../../wasm/host/binary-codec.mjs');
  const numbers = [0, -0, 1, -1, 7.5, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300, 5e-324,
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const back = decodeDocument(encodeDocument({ numbers, nested: [{ v: -0 }, { v: 3 }] }));
  // deepStrictEqual compares numbers with Object.is: -0 and NaN must come back as themselves.
  assert.deepStrictEqual(back, { numbers, nested: [{ v: -0 }, { v: 3 }] });
  assert.ok(Object.is(back.numbers[1], -0));
});

test('a change-list op times its decode and encode apart from the engine work, under every codec', async () => {
  const engine = await loadEngine();
  const { session, described } = engine.openSession(scenario('worked-run-3-18.scenario.json'));
  for (const codec of CODECS) {
    const { record } = engine.call('prepare', described.batches[0], { codec, args: String(session) });
    assert.ok(record.engine_decode > 0 && record.compute > 0 && record.engine_encode > 0, `${codec}: ${JSON.stringify(record)}`);
    engine.call('abort', null, { codec, args: String(session) });
  }
  engine.closeSession(session);
});

test('bad binary change-list bytes are an engine error naming the byte, not a crash', async () => {
  const engine = await loadEngine();
  const m = engine.m;
  const bad = Uint8Array.from([0x42, 0x49, 0x43, 0x31, 1, 0, 0, 0, 200, 0, 0, 0, 0x61]); // 'BIC1', 1 change, path of 200 bytes
  const ptr = m.allocBytes(bad.length);
  m.HEAPU8.set(bad, ptr);
  try {
    assert.equal(m.callBinary('echo', '', ptr, bad.length), false);
    assert.match(m.lastError(), /binary codec: truncated string bytes at byte 12/);
  } finally {
    m.freeBytes(ptr);
  }
  assert.equal(engine.call('echo', [['x', 1]], { codec: 'binary' }).value.count, 1);
});

test('the minimal module runs scenarios through a session; it leaves out the in-engine run', async () => {
  const standard = await loadEngine();
  const minimal = await loadEngine({ variant: 'minimal' });
  const text = scenario('worked-run-3-18.scenario.json');
  assert.throws(() => minimal.runScenario(text), /the 'minimal' module has no in-engine run \(use runScenarioHosted\)/);
  for (const strategy of ['plan', 'legacy']) {
    assert.equal(runScenarioHosted(minimal, text, { strategy, codec: 'binary' }).json, runScenarioHosted(standard, text, { strategy }).json);
  }
  assert.ok(standard.runScenario(text).json.startsWith('{'));
});

test('the binary input buffer grows when an input does not fit, and the input is written again whole', async () => {
  const engine = await loadEngine();
  const small = engine.call('echo', [['a', 1]], { codec: 'binary' });
  assert.equal(small.value.count, 1);
  const firstCapacity = engine.inputCapacity;
  // Past the first buffer: ASCII, then multi-byte text (the writer's two string paths).
  for (const text of ['x'.repeat(100), 'é😀'.repeat(60)]) {
    const big = Array.from({ length: 2000 }, (_, i) => [`k${i}`, { text, i }]);
    const viaBinary = engine.call('echo', big, { codec: 'binary' });
    assert.ok(viaBinary.record.bytes_in > firstCapacity, `${viaBinary.record.bytes_in} bytes`);
    assert.deepEqual(viaBinary.value, engine.call('echo', big, { codec: 'json' }).value);
  }
  assert.ok(engine.inputCapacity > firstCapacity);
  assert.equal(engine.call('echo', [['b', 2]], { codec: 'binary' }).value.changes[0].path, 'b');
});

test('preparePlan answers the same plan under every codec (the JSON text is written from the plan itself)', async () => {
  const { readdirSync } = await import('node:fs');
  const engine = await loadEngine();
  const dir = path.resolve(here, '../scenarios');
  let plans = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.scenario.json'))) {
    let opened;
    try {
      opened = engine.openSession(readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      continue; // the scenarios that are errors on purpose
    }
    const args = String(opened.session);
    for (const batch of opened.described.batches) {
      const seen = CODECS.map((codec) => {
        try {
          const { value } = engine.call('preparePlan', batch, { codec, args });
          engine.call('abort', null, { codec: 'json', args });
          return value;
        } catch (e) {
          return { error: e.message }; // a failed prepare rolls the run back itself
        }
      });
      assert.deepEqual(seen[1], seen[0], `${name}: direct`);
      assert.deepEqual(seen[2], seen[0], `${name}: binary`);
      if (seen[0].plan) plans += 1;
    }
    engine.closeSession(opened.session);
  }
  assert.ok(plans > 3, `${plans} plans compared`);
});

test('a binary write that fails although the input fits is a host error, not an endless retry', async () => {
  const engine = await loadEngine();
  const capacity = () => engine.inputCapacity;
  assert.throws(() => engine.writeInput(() => { throw new RangeError('not about the buffer'); }, () => 10),
    /binary codec: the input could not be written/);
  // One that keeps failing after growing once to the measured size: the same error.
  let calls = 0;
  assert.throws(() => engine.writeInput(() => { calls++; throw new RangeError('still'); }, () => 2 * capacity()),
    /binary codec: the input could not be written/);
  assert.equal(calls, 2);
  assert.equal(engine.call('echo', [['still', 'works']], { codec: 'binary' }).value.count, 1);
});

// The minimal module reads numbers without fast_float (engine/core/DecimalParse.cpp:
// an exact short path, then a table-free exact conversion): every module must read
// the same double from the same digits, the correctly rounded one JavaScript's
// Number() reads.
test('every module reads hard-to-round numbers as the correctly rounded double', async () => {
  const tokens = [
    '0.1', '-2.5e-3', '123456789012345678901234567890', '9007199254740993', '9007199254740995',
    '2.2250738585072011e-308', '2.2250738585072014e-308', '4.9406564584124654e-324', '2.4703282292062328e-324',
    '1.7976931348623157e308', '1.00000000000000011102230246251565404236316680908203125',
    '1.000000000000000111022302462515654042363166809082031250000001', '0.30000000000000004441',
    '7.3177701707893310e+15', '1e22', '1e23', '8.41e21', '1448997445238699', '0.000001', '1e-7', '123.456e-30',
  ];
  const minimal = await echoNumbers('minimal', tokens);
  assert.deepEqual(minimal, await echoNumbers('standard', tokens));
  assert.deepEqual(minimal, tokens.map(Number));
});

// Echoes [["n0", t0], ...] through a module's JSON codec; the numbers it read, as written back.
async function echoNumbers(variant, tokens) {
  const { m } = await loadEngine({ variant });
  const bytes = new TextEncoder().encode(`[${tokens.map((t, i) => `["n${i}",${t}]`).join(',')}]`);
  const ptr = m.allocBytes(bytes.length);
  m.HEAPU8.set(bytes, ptr);
  try {
    assert.ok(m.callJson('echo', '', ptr, bytes.length), m.lastError());
  } finally {
    m.freeBytes(ptr);
  }
  const text = new TextDecoder().decode(m.HEAPU8.slice(m.resultPtr(), m.resultPtr() + m.resultLen()));
  return JSON.parse(text).changes.map((c) => c.value);
}

// The exact decimal halfway between a positive double and the next one up, as
// digits and a power of ten: (2m + 1) 2^(e-1) for x = m 2^e.
function halfwayAbove(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const k = (biased === 0 ? 1 : biased) - 1075 - 1;
  return k >= 0 ? { digits: (2n * m + 1n) << BigInt(k), exponent: 0 } : { digits: (2n * m + 1n) * 5n ** BigInt(-k), exponent: k };
}

// The minimal module's conversion compiled to wasm, on the inputs its native unit
// test (tests/engine/DecimalParseTest.cpp) gives glibc's strtod.
test('the minimal module reads random, long and halfway numbers as Number() does', async () => {
  let state = 2463534242; // xorshift32: the same tokens every run
  const next = (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
  const digits = (n) => Array.from({ length: n }, () => next(10)).join('');
  const tokens = [];
  for (let i = 0; i < 2000; i++) {
    const count = 1 + next(40);
    let d = next(4) === 0 ? `0.${'0'.repeat(next(30))}${digits(count)}` : `${1 + next(9)}${digits(count - 1)}`;
    const point = next(d.length + 1);
    if (!d.includes('.') && point > 0 && point < d.length) {
      d = `${d.slice(0, point)}.${d.slice(point)}`;
    }
    tokens.push(`${next(2) ? '-' : ''}${d}${next(5) ? `e${next(700) - 360}` : ''}`);
  }
  for (let i = 0; i < 40; i++) {
    tokens.push(`${1 + next(9)}${digits(700 + next(600))}e${next(700) - 1000}`);
  }
  const doubles = [5e-324, 1e-320, 2.2250738585072009e-308, 2.2250738585072014e-308, 1, 0.1, 3, 2 ** 53, 1e23];
  // Ties within the exact path's reach, where only the far digit says "round up".
  for (let i = 0; i < 100; i++) {
    doubles.push(2 ** (53 + next(20)) * (1 + next(0x100000) / 0x100000 + next(0x100000) / 2 ** 52));
  }
  tokens.push(`18014398509482010.${'0'.repeat(900)}1`);
  while (doubles.length < 400) {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, next(0x7FE00000));
    view.setUint32(4, next(0x100000000));
    doubles.push(view.getFloat64(0));
  }
  for (const x of doubles) {
    const { digits: half, exponent } = halfwayAbove(x);
    tokens.push(`${half}e${exponent}`, `${half}${'0'.repeat(900)}1e${exponent - 901}`,
      `${half - 1n}${'9'.repeat(900)}e${exponent - 900}`);
  }
  const finite = tokens.filter((t) => Number.isFinite(Number(t)));
  assert.ok(finite.length > tokens.length * 0.9);
  const values = await echoNumbers('minimal', finite);
  // (-0 is written as 0, as JSON.stringify does.)
  assert.deepEqual(values, finite.map((t) => Number(t) + 0));
  assert.deepEqual(await echoNumbers('standard', finite), values);
});
