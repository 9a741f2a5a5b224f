// SPDX-License-Identifier: GPL-3.0-or-later
// The host's plan loop on the worked example of the pipeline notes: three nested
// listeners, one change, each receiver sees deeper listeners' output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executePlan, relativize, topicMatches, buildHandler } from '../../wasm/host/listeners.mjs';

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
});

test('the plan loop relativizes inputs and forwards output along the maps', () => {
  const handlers = new Map([
    ['l1', buildHandler({ id: 'l1', produce: [['orders.order_0.total', 10]] })],
    ['l2', buildHandler({ id: 'l2', produce: [] })],
    ['l3', buildHandler({ id: 'l3', handler: '(changes) => [["audit.count", changes.length]]' })],
  ]);
  const { outputs, dispatches } = executePlan(plan, [{ path: 'orders.order_0.status', value: 'paid' }], handlers);
  assert.deepEqual(dispatches.map((d) => d.input), [
    [['status', 'paid']],
    [['order_0.status', 'paid'], ['order_0.total', 10]],
    [['orders.order_0.status', 'paid'], ['orders.order_0.total', 10]],
  ]);
  assert.deepEqual(outputs[2], { dispatch: 2, changes: [['audit.count', 2]] });
});

test('handlers may mutate their input without touching later inputs', () => {
  const handlers = new Map([
    ['l1', (changes) => { changes[0][1] = 'mutated'; return []; }],
    ['l2', () => []],
    ['l3', () => []],
  ]);
  const { dispatches } = executePlan(plan, [{ path: 'orders.order_0.status', value: { s: 1 } }], handlers);
  assert.deepEqual(dispatches[1].input[0][1], { s: 1 });
});
