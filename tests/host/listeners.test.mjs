// SPDX-License-Identifier: GPL-3.0-or-later
// The host's listener loops: the plan loop on the worked example of the pipeline
// notes (three nested listeners, one change, each receiver sees deeper listeners'
// output), the legacy level loop on the engine's LegacyLevel JSON, and handlers
// built from produce rules (value, fromChange, when).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executePlan, executeLegacyLevel, relativize, topicMatches, buildHandler } from '../../wasm/host/listeners.mjs';

const plan = {
  groups: [
    { level: 2, dispatches: [{ dispatch_id: 0, subscriber_id: 'l1', scope_path: 'orders.order_0', topic_path: 'orders.order_0', input_change_ids: [0] }] },
    { level: 1, dispatches: [{ dispatch_id: 1, subscriber_id: 'l2', scope_path: 'orders', topic_path: 'orders', input_change_ids: [0] }] },
    { level: 0, dispatches: [{ dispatch_id: 2, subscriber_id: 'l3', scope_path: '', topic_path: '', input_change_ids: [0] }] },
  ],
  propagation_map: [[{ target_dispatch_id: 1, remap_prefix: '' }, { target_dispatch_id: 2, remap_prefix: '' }], [{ target_dispatch_id: 2, remap_prefix: '' }], []],
  cascade_map: [[], [], []],
};

test('relativize and topicMatches follow the engine rules', () => {
  assert.equal(relativize('orders.order_0.status', 'orders'), 'order_0.status');
  assert.equal(relativize('orders', 'orders'), 'orders');
  assert.equal(relativize('a.b', ''), 'a.b');
  assert.equal(relativize('ordersX.a', 'orders'), 'ordersX.a');
  assert.ok(topicMatches('a', 'a.b') && topicMatches('a.b.c', 'a.b') && !topicMatches('ab', 'a'));
  // A root write is above every topic (state::paths::related).
  assert.ok(topicMatches('', 'a.b'));
});

test('the plan loop relativizes inputs and forwards output along the maps', () => {
  const handlers = new Map([
    ['l1', buildHandler({ id: 'l1', produce: [{ path: 'orders.order_0.total', value: 10, when: false }] })],
    ['l2', buildHandler({ id: 'l2', produce: [] })],
    ['l3', buildHandler({ id: 'l3', handler: '(changes) => [["audit.count", changes.length]]' })],
  ]);
  const records = executePlan(plan, [{ path: 'orders.order_0.status', value: 'paid' }], handlers);
  assert.deepEqual(records.map((d) => d.input), [
    [['status', 'paid']],
    [['order_0.status', 'paid'], ['order_0.total', 10]],
    [['orders.order_0.status', 'paid'], ['orders.order_0.total', 10]],
  ]);
  assert.deepEqual(records[2], { dispatch_id: 2, input: records[2].input, changes: [['audit.count', 2]] });
});

test('the plan loop follows the maps it is given, and only those', () => {
  const handlers = new Map([['l1', buildHandler({ id: 'l1', produce: [{ path: 'orders.x', value: 1, when: false }] })],
    ['l2', () => []], ['l3', () => []]]);
  const cut = { ...plan, propagation_map: [[{ target_dispatch_id: 2, remap_prefix: '' }], [], []] };
  const records = executePlan(cut, [['orders.order_0.status', 'paid']], handlers);
  assert.deepEqual(records[1].input, [['order_0.status', 'paid']]);
  assert.deepEqual(records[2].input, [['orders.order_0.status', 'paid'], ['orders.x', 1]]);
});

test('handlers may mutate their input without touching later inputs', () => {
  const handlers = new Map([
    ['l1', (changes) => { changes[0][1] = 'mutated'; return []; }],
    ['l2', () => []],
    ['l3', () => []],
  ]);
  const records = executePlan(plan, [{ path: 'orders.order_0.status', value: { s: 1 } }], handlers);
  assert.deepEqual(records[1].input[0][1], { s: 1 });
});

test('produce rules: fromChange copies the last matching input, when follows the engine guard', () => {
  const h = buildHandler({ id: 'x', produce: [
    { path: 'copy', from_change: 'a', when: false },
    { path: 'missing', from_change: 'zzz', when: false },
    { path: 'guarded', value: 'g', when: true },
    { path: 'lit', value: { deep: [1] }, when: false },
  ] });
  const input = [['a', 1], ['a', { v: 2 }]];
  const out = h(input, { subscriber_id: 'x' }, [true, true, false, true]);
  assert.deepEqual(out, [['copy', { v: 2 }], ['lit', { deep: [1] }]]);
  out[0][1].v = 99;
  assert.equal(input[1][1].v, 2, 'output values are copies');
  assert.deepEqual(h([], {}, [true, true, true, true]).map((c) => c[0]), ['guarded', 'lit']);
  assert.deepEqual(h([], {}, undefined).map((c) => c[0]), ['lit'], 'no guard result: a guarded rule does not write');
});

test('the legacy loop reads the engine level shape and forwards earlier output within the level', () => {
  const level = { level: 1, groups: [
    [{ dispatch_id: 3, subscriber_id: 'a', scope_path: 'p', topic_path: 'p', changes: [{ path: 'x', value: 1 }] }],
    [{ dispatch_id: 4, subscriber_id: 'b', scope_path: 'p', topic_path: 'p', changes: [['y', 2]] },
      { dispatch_id: 5, subscriber_id: 'c', scope_path: 'q', topic_path: 'q', changes: [] }],
  ] };
  const handlers = new Map([
    ['a', buildHandler({ id: 'a', produce: [{ path: 'p.z', from_change: 'x', when: false }] })],
    ['b', buildHandler({ id: 'b', produce: [{ path: 'q.w', from_change: 'z', when: false }] })],
    ['c', buildHandler({ id: 'c', produce: [{ path: 'r', from_change: 'w', when: false }] })],
  ]);
  const records = executeLegacyLevel(level, handlers);
  assert.deepEqual(records.map((r) => r.dispatch_id), [3, 4, 5]);
  assert.deepEqual(records[1].input, [['y', 2], ['z', 1]]);
  assert.deepEqual(records[2].input, [['w', 1]]);
  assert.deepEqual(records[2].changes, [['r', 1]]);
  assert.throws(() => executeLegacyLevel(level, new Map()), /no handler for listener 'a'/);
});
