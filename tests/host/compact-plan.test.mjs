// SPDX-License-Identifier: GPL-3.0-or-later
// preparePlan's compact plan (wasm/bindings/CompactPlan.h) against prepare's object
// plan: the host loop runs both to the same dispatch records, in the JS form alone
// (ranges, remap prefixes, cascade) and on plans the engine makes for every batch of
// the test scenarios; the corrected 15-level plan crosses as one range per dispatch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../wasm/host/engine.mjs';
import { executePlan, handlersFor, isCompactPlan } from '../../wasm/host/listeners.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenarioDir = path.resolve(here, '../scenarios');

// Every handler writes one change below its own topic and echoes its input size, so
// that each forwarding edge shows in the later inputs.
const writer = (tag) => (input, d) => [[`${d.topic_path ? `${d.topic_path}.` : ''}${tag}`, input.length]];

const dispatch = (id, subscriber, topic, scope = topic) => ({ dispatch_id: id, subscriber_id: subscriber, scope_path: scope, topic_path: topic, input_change_ids: [0] });
const objectPlan = {
  groups: [
    { level: 2, dispatches: [dispatch(0, 'a', 'x.y'), dispatch(1, 'b', 'x.y')] },
    { level: 1, dispatches: [dispatch(2, 'c', 'x', 'x.z')] },
    { level: 0, dispatches: [dispatch(3, 'd', ''), dispatch(4, 'e', 'x')] },
  ],
  cascade_map: [[1], [], [], [4], []],
  // Out of order and with a gap, and one remapped edge: ranges must keep all three.
  propagation_map: [
    [{ target_dispatch_id: 4, remap_prefix: '' }, { target_dispatch_id: 2, remap_prefix: '' }, { target_dispatch_id: 3, remap_prefix: '' }],
    [{ target_dispatch_id: 2, remap_prefix: 'x' }, { target_dispatch_id: 4, remap_prefix: '' }],
    [{ target_dispatch_id: 3, remap_prefix: '' }, { target_dispatch_id: 4, remap_prefix: '' }],
    [], [],
  ],
};
const compactPlan = {
  groups: [[2, [0, 1]], [1, [2]], [0, [3, 4]]],
  dispatches: [['a', 'x.y', null, [0]], ['b', 'x.y', null, [0]], ['c', 'x', 'x.z', [0]], ['d', '', null, [0]], ['e', 'x', null, [0]]],
  propagation: [[4, 5, 2, 4], [2, 3, 4, 5], [3, 5], [], []],
  prefixes: [[1, 2, 'x']],
  cascade: [[1, 2], [], [], [4, 5], []],
};

test('the compact plan runs to the same records as the object plan', () => {
  const handlers = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, writer(id)]));
  const changes = [['x.y.v', 1]];
  const fromObjects = executePlan(objectPlan, changes, handlers);
  const fromCompact = executePlan(compactPlan, changes, handlers);
  assert.ok(isCompactPlan(compactPlan) && !isCompactPlan(objectPlan));
  assert.deepEqual(fromCompact, fromObjects);
  // The remapped edge b -> c: c (topic x) sees b's x.y.b under the prefix as x.x.y.b.
  assert.deepEqual(fromCompact[2].input.map(([p]) => p), ['y.v', 'y.a', 'x.y.b']);
});

test('the compact plan hands handlers the dispatch the object plan describes', () => {
  const seen = [];
  const handlers = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, (input, d) => { seen.push(d); return []; }]));
  executePlan(compactPlan, [['x.y.v', 1]], handlers);
  assert.deepEqual(seen, objectPlan.groups.flatMap((g) => g.dispatches));
});

function scenarios() {
  return readdirSync(scenarioDir).filter((f) => f.endsWith('.scenario.json') && !f.startsWith('error-'))
    .map((f) => [f, readFileSync(path.join(scenarioDir, f), 'utf8')]);
}

// Runs every batch through prepare (object plan) and preparePlan (compact plan) on two
// sessions and compares what the host loop makes of each.
test('engine plans: preparePlan and prepare give the same dispatch records on every test scenario', async () => {
  const engine = await loadEngine();
  let planned = 0;
  for (const [name, text] of scenarios()) {
    const a = engine.openSession(text);
    const b = engine.openSession(text);
    try {
      const handlers = handlersFor(a.described.listeners);
      for (const batch of a.described.batches) {
        const full = engine.call('prepare', batch, { args: String(a.session) }).value;
        const compact = engine.call('preparePlan', batch, { codec: 'binary', args: String(b.session) }).value;
        assert.deepEqual(compact.changes, full.changes, name);
        assert.equal(compact.plan === null, full.execution_plan === null, name);
        const records = executePlan(full.execution_plan, full.changes, handlers, full.guards);
        assert.deepEqual(executePlan(compact.plan, compact.changes, handlers, compact.guards), records, name);
        planned += records.length;
        const outputs = records.map((r) => ({ dispatch_id: r.dispatch_id, changes: r.changes }));
        engine.call('finalize', outputs, { args: String(a.session) });
        engine.call('finalize', outputs, { args: String(b.session) });
      }
    } finally {
      engine.closeSession(a.session);
      engine.closeSession(b.session);
    }
  }
  assert.ok(planned > 0, 'no scenario planned a dispatch');
});

test('the corrected 15-level plan crosses as one id range per dispatch', async () => {
  const engine = await loadEngine();
  let leaf = 1;
  for (let i = 14; i >= 0; i--) leaf = { [`l${i}`]: leaf };
  const segs = Array.from({ length: 15 }, (_, i) => `l${i}`);
  const listeners = segs.map((_, i) => ({ id: `L${i}`, path: segs.slice(0, i + 1).join('.'), produce: [{ path: `out.L${i}`, value: i }] }));
  const doc = { format: 'boundary-inspector/scenario@1', name: 'corrected 15', state: { ...leaf, out: {} }, listeners, batches: [] };
  const { session } = engine.openSession(JSON.stringify(doc));
  try {
    const { plan } = engine.call('preparePlan', [[segs.join('.'), 2]], { args: String(session) }).value;
    assert.equal(plan.dispatches.length, 15);
    // Dispatch k propagates to every later one: [k+1, 15), the last to none.
    assert.deepEqual(plan.propagation, segs.map((_, k) => (k < 14 ? [k + 1, 15] : [])));
    assert.deepEqual(plan.prefixes, []);
    engine.call('abort', null, { args: String(session) });
  } finally {
    engine.closeSession(session);
  }
});
