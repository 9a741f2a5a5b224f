// SPDX-License-Identifier: GPL-3.0-or-later
// The binary codec's own layouts for the pipeline ops (docs/boundary-strategies.md):
// preparePlan's compact plan as value tag 9 (wasm/bindings/BinaryResultWriter.h) and
// listener output as 'BIO1' (wasm/bindings/BinaryChangeReader.h), checked against the
// JSON codec on random scenarios (same answers, same reports), byte by byte on a
// hand-made plan, and on damaged bytes; and plan against legacy (same final changes and
// listener inputs) under the binary codec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, defaultWasmDir } from '../../wasm/host/engine.mjs';
import { decodeDocument, encodeOutputs, isOutputList } from '../../wasm/host/binary-codec.mjs';
import { executePlan, handlersFor } from '../../wasm/host/listeners.mjs';
import { runScenarioHosted } from '../../wasm/host/pipeline-run.mjs';
import { correctedScenario } from '../../bench/boundary/plan-scenarios.mjs';

// A small seeded generator (mulberry32), so that a failure names a reproducible seed.
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

// State: a tree of objects k0.. with number leaves, 2–3 levels deep. Listeners on random
// nodes (the root too), some with an explicit scope above their path, some with a `when`
// guard; rules copy an input or write a literal under out.<id>. Batches set random leaves.
function randomScenario(seed) {
  const r = random(seed);
  const nodes = [];
  const leaves = [];
  const tree = (prefix, depth) => {
    const o = {};
    const width = 1 + r.int(3);
    for (let i = 0; i < width; i++) {
      const key = `k${i}`;
      const p = prefix ? `${prefix}.${key}` : key;
      if (depth > 1 && r.chance(0.7)) {
        nodes.push(p);
        o[key] = tree(p, depth - 1);
      } else {
        leaves.push(p);
        o[key] = r.int(100);
      }
    }
    return o;
  };
  const state = { ...tree('', 3), mode: 'on', out: {} };
  leaves.push('mode');
  const ancestors = (p) => p.split('.').slice(0, -1).map((_, i, segs) => p.split('.').slice(0, i + 1).join('.'));
  const listeners = Array.from({ length: 1 + r.int(7) }, (_, i) => {
    const topic = r.chance(0.15) ? null : r.pick([...nodes, ...leaves]);
    const listener = { id: `R${i}`, path: topic };
    const above = topic === null ? [] : ancestors(topic);
    if (above.length && r.chance(0.3)) listener.scope = r.pick(above);
    listener.produce = Array.from({ length: 1 + r.int(2) }, (_, k) => {
      const rule = { path: `out.R${i}_${k}` };
      if (r.chance(0.5)) rule.value = r.chance(0.5) ? r.int(1000) : { n: r.int(9), tag: 'é' };
      else rule.fromChange = r.pick(leaves);
      if (r.chance(0.25)) rule.when = ['mode', r.pick(['on', 'off'])];
      return rule;
    });
    return listener;
  });
  const batches = Array.from({ length: 1 + r.int(4) }, () =>
    Array.from({ length: 1 + r.int(3) }, () => [r.pick(leaves), r.chance(0.2) ? r.pick(['on', 'off']) : r.int(1000)]));
  return { format: 'boundary-inspector/scenario@1', name: `random ${seed}`, state, listeners, batches };
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

test('the binary compact plan (tag 9) and listener output (BIO1) give the JSON codec\'s answers and report on random scenarios', async () => {
  const engine = await loadEngine();
  assert.ok(engine.supports('binaryPlan') && engine.supports('binaryOutputs'), 'the standard module reads both layouts');
  let dispatches = 0;
  for (const seed of SEEDS) {
    const text = JSON.stringify(randomScenario(seed));
    const viaJson = engine.openSession(text);
    const viaBinary = engine.openSession(text);
    try {
      const handlers = handlersFor(viaJson.described.listeners);
      for (const batch of viaJson.described.batches) {
        const a = engine.call('preparePlan', batch, { codec: 'json', args: String(viaJson.session) }).value;
        const b = engine.call('preparePlan', batch, { codec: 'binary', args: String(viaBinary.session) }).value;
        assert.deepEqual(b, a, `seed ${seed}`);
        const records = executePlan(b.plan, b.changes, handlers, b.guards);
        dispatches += records.length;
        // With the listener inputs (the report's), as runScenarioHosted sends them.
        const fa = engine.call('finalize', records, { codec: 'json', args: String(viaJson.session) });
        const fb = engine.call('finalize', records, { codec: 'binary', args: String(viaBinary.session) });
        assert.deepEqual(fb.value, fa.value, `seed ${seed}`);
        if (records.length > 0) assert.ok(fb.record.bytes_in > 8, 'the outputs crossed');
      }
      assert.equal(engine.sessionReport(viaBinary.session).json, engine.sessionReport(viaJson.session).json, `seed ${seed}`);
    } finally {
      engine.closeSession(viaJson.session);
      engine.closeSession(viaBinary.session);
    }
  }
  assert.ok(dispatches > 50, `the random scenarios planned only ${dispatches} dispatches`);
});

test('both strategies through the binary codec print the JSON codec\'s report on random scenarios', async () => {
  const engine = await loadEngine();
  for (const seed of SEEDS.slice(0, 20)) {
    const text = JSON.stringify(randomScenario(seed));
    for (const strategy of ['plan', 'legacy']) {
      const json = runScenarioHosted(engine, text, { strategy, codec: 'json' }).json;
      assert.equal(runScenarioHosted(engine, text, { strategy, codec: 'binary' }).json, json, `seed ${seed} ${strategy}`);
    }
  }
});

// What a run's listeners saw and the state it left, strategy aside.
const outcome = (report) => report.runs.map((run) => ({
  final_changes: run.final_changes,
  inputs: run.dispatches.map((d) => [d.listener, d.input]),
  outputs: run.dispatches.map((d) => [d.listener, d.output]),
}));

test('plan and legacy through the binary codec: the same final changes, listener inputs and outputs', async () => {
  const engine = await loadEngine();
  const docs = [correctedScenario(15, 3), correctedScenario(5, 2), ...SEEDS.slice(0, 20).map(randomScenario)];
  for (const doc of docs) {
    const text = JSON.stringify(doc);
    const plan = JSON.parse(runScenarioHosted(engine, text, { strategy: 'plan', codec: 'binary' }).json);
    const legacy = JSON.parse(runScenarioHosted(engine, text, { strategy: 'legacy', codec: 'binary' }).json);
    assert.deepEqual(outcome(plan), outcome(legacy), doc.name);
    assert.deepEqual(plan.final_state, legacy.final_state, doc.name);
  }
  const corrected = JSON.parse(runScenarioHosted(engine, JSON.stringify(correctedScenario(15, 1)), { codec: 'binary' }).json);
  const l0 = corrected.runs[0].dispatches.find((d) => d.listener === 'L0');
  assert.equal(corrected.runs[0].dispatches.length, 15);
  assert.deepEqual(l0.input, [{ path: 'l1.l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12.l13.l14', value: 2 }]);
});

// The tag 9 layout written by hand from a plan with everything the engine's plans rarely
// carry: a scope apart from the topic, a remap prefix, cascade targets, gaps in the ranges.
const handPlan = {
  groups: [[2, [0, 1]], [1, [2]], [0, [3, 4]]],
  dispatches: [['a', 'x.y', null, [0]], ['b', 'x.y', null, [0, 1]], ['c', 'x', 'x.z', []], ['d', '', null, [0]], ['é', 'x', null, [1]]],
  propagation: [[4, 5, 2, 4], [2, 3, 4, 5], [3, 5], [], []],
  prefixes: [[1, 2, 'x']],
  cascade: [[1, 2], [], [], [4, 5], []],
};

function encodeHandPlan(plan) {
  const out = [];
  const u32 = (v) => out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  const str = (s) => {
    const bytes = new TextEncoder().encode(s);
    u32(bytes.length);
    out.push(...bytes);
  };
  const ids = (list) => {
    u32(list.length);
    list.forEach(u32);
  };
  u32(0x31424942); // BIB1
  out.push(9);
  u32(plan.dispatches.length);
  for (const [subscriber, topic, scope, inputs] of plan.dispatches) {
    str(subscriber);
    str(topic);
    out.push(scope === null ? 0 : 1);
    if (scope !== null) str(scope);
    ids(inputs);
  }
  u32(plan.groups.length);
  for (const [level, list] of plan.groups) {
    u32(level);
    ids(list);
  }
  u32(plan.propagation.length);
  plan.propagation.forEach(ids);
  u32(plan.prefixes.length);
  for (const [from, target, prefix] of plan.prefixes) {
    u32(from);
    u32(target);
    str(prefix);
  }
  u32(plan.cascade.length);
  plan.cascade.forEach(ids);
  return new Uint8Array(out);
}

test('tag 9 decodes to the JSON compact plan; every truncation and a bad scope flag are errors naming the byte', () => {
  const bytes = encodeHandPlan(handPlan);
  assert.deepEqual(decodeDocument(bytes), handPlan);
  for (let n = 4; n < bytes.length; n++) {
    assert.throws(() => decodeDocument(bytes.subarray(0, n)), /^Error: binary codec: .* at byte \d+$/, `cut at ${n}`);
  }
  // The decoder reuses the last plan's string at the same place when the bytes match: plans
  // whose strings differ at the same places and lengths must still decode to themselves.
  const renamed = structuredClone(handPlan);
  renamed.dispatches = renamed.dispatches.map(([s, t, scope, ids], i) => [i === 4 ? 'è' : s.toUpperCase(), t.replace('x', 'w'), scope, ids]);
  for (const plan of [renamed, handPlan, handPlan, renamed]) assert.deepEqual(decodeDocument(encodeHandPlan(plan)), plan);
  const badFlag = bytes.slice();
  badFlag[4 + 1 + 4 + 5 + 7] = 2; // the first dispatch's scope flag: after tag, count, "a", "x.y"
  assert.throws(() => decodeDocument(badFlag), /scope flag must be 0 or 1 at byte/);
});

test('BIO1: what the host writes is what the engine reads; damaged bytes are errors naming the byte', async () => {
  const engine = await loadEngine();
  const doc = correctedScenario(3, 1);
  const { session } = engine.openSession(JSON.stringify(doc));
  const args = String(session);
  const raw = (bytes) => {
    const { ptr } = engine.writeInput((view) => {
      view.set(bytes);
      return bytes.length;
    }, () => bytes.length);
    return engine.m.callBinary('finalize', args, ptr, bytes.length) ? null : engine.lastError();
  };
  try {
    const outputs = [{ dispatch_id: 0, changes: [['out.L0', { a: [1, 'b', null, true] }]], input: [['l1.l2', 2]] }];
    assert.ok(isOutputList(outputs));
    const bytes = encodeOutputs(outputs);
    for (const n of [6, 9, 12, bytes.length - 1]) {
      engine.call('preparePlan', doc.batches[0], { codec: 'binary', args });
      assert.match(raw(bytes.subarray(0, n)), /^binary codec: truncated .* at byte \d+$/, `cut at ${n}`);
      engine.call('abort', null, { args });
    }
    const badFlag = bytes.slice();
    badFlag[12] = 2;
    engine.call('preparePlan', doc.batches[0], { codec: 'binary', args });
    assert.match(raw(badFlag), /^binary codec: input flag must be 0 or 1 at byte 13$/);
    engine.call('abort', null, { args });
    // The whole bytes finalize the run, input included in the report.
    engine.call('preparePlan', doc.batches[0], { codec: 'binary', args });
    assert.equal(raw(bytes), null);
    const run = JSON.parse(engine.sessionReport(session).json).runs[0];
    assert.deepEqual(run.dispatches[0].input, [{ path: 'l1.l2', value: 2 }]);
    assert.deepEqual(run.dispatches[0].output, [{ path: 'out.L0', value: { a: [1, 'b', null, true] } }]);
  } finally {
    engine.closeSession(session);
  }
});

test('listener output BIO1 cannot carry as JSON does crosses as a document: the engine judges it as under the JSON codec', async () => {
  const engine = await loadEngine();
  const doc = correctedScenario(3, 1);
  const bad = [
    [{ dispatch_id: -1, changes: [] }],
    [{ dispatch_id: 1.5, changes: [] }],
    [{ dispatch_id: 1e30, changes: [] }],
    [{ dispatch_id: 0 }],
    [{ dispatch_id: 0, changes: [], input: null }],
    [{ dispatch_id: 0, changes: [[1, 2]] }],
    { dispatch_id: 0, changes: [] },
  ];
  let errors = 0;
  for (const outputs of bad) {
    assert.equal(isOutputList(outputs), false, JSON.stringify(outputs));
    // Each codec's outcome: the error, or the answer and the report.
    const outcomes = ['json', 'binary'].map((codec) => {
      const { session } = engine.openSession(JSON.stringify(doc));
      try {
        engine.call('preparePlan', doc.batches[0], { codec, args: String(session) });
        try {
          const { value } = engine.call('finalize', outputs, { codec, args: String(session) });
          return { value, report: engine.sessionReport(session).json };
        } catch (e) {
          return { error: e.message };
        }
      } finally {
        engine.closeSession(session);
      }
    });
    assert.deepEqual(outcomes[1], outcomes[0], JSON.stringify(outputs));
    if (outcomes[0].error) errors++;
  }
  assert.equal(errors, bad.length, 'every one is an error (a fractional id too)');
  assert.equal(isOutputList([{ dispatch_id: 99, changes: [] }]), true, 'an unknown id is the engine\'s to reject');
});

test('a module without the binary layouts (minimal) gets documents and gives the same report', async (t) => {
  const wasmDir = defaultWasmDir();
  if (!existsSync(path.join(wasmDir, 'bi-engine-minimal.wasm'))) return t.skip('minimal module not built');
  const minimal = await loadEngine({ variant: 'minimal' });
  const standard = await loadEngine();
  assert.ok(!minimal.supports('binaryOutputs') && !minimal.supports('binaryPlan'));
  for (const seed of SEEDS.slice(0, 10)) {
    const text = JSON.stringify(randomScenario(seed));
    for (const strategy of ['plan', 'legacy']) {
      const expected = runScenarioHosted(standard, text, { strategy, codec: 'binary' }).json;
      assert.equal(runScenarioHosted(minimal, text, { strategy, codec: 'binary' }).json, expected, `seed ${seed} ${strategy}`);
    }
  }
});
