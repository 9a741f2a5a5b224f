// SPDX-License-Identifier: GPL-3.0-or-later
// The serve protocol: hello first, one answer per request, errors as answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const hostScript = path.resolve(here, '../../wasm/host/bi.mjs');
const demo = readFileSync(path.resolve(here, '../../resources/demo/checkout.scenario.json'), 'utf8');

function startHost(env = {}) {
  const child = spawn(process.execPath, [hostScript, 'serve'], { env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value);
  const send = (obj) => child.stdin.write(typeof obj === 'string' ? obj + '\n' : JSON.stringify(obj) + '\n');
  return { child, next, send };
}

test('answers run requests with results and timing records', async () => {
  const host = startHost();
  const hello = await host.next();
  assert.equal(hello.protocol, 2);
  assert.equal(hello.ok, true);
  host.send({ id: 7, op: 'run', scenario: demo, repeat: 3 });
  const answer = await host.next();
  assert.equal(answer.id, 7);
  assert.equal(answer.ok, true);
  assert.equal(answer.timings.length, 3);
  assert.ok(answer.timings.every((t) => t.engine === 'wasm' && t.total >= t.compute));
  assert.equal(answer.result.runs.length, 4);
  host.child.stdin.end();
});

test('run warms up untimed for warmup_ms first, and rejects a bad budget', async () => {
  const host = startHost();
  await host.next();
  host.send({ id: 1, op: 'run', scenario: demo, repeat: 2 });
  const cold = await host.next();
  assert.equal(cold.warmup_runs, 0);
  host.send({ id: 2, op: 'run', scenario: demo, repeat: 2, warmup_ms: 150 });
  const warm = await host.next();
  assert.equal(warm.ok, true, warm.error);
  assert.ok(warm.warmup_runs >= 2, `warm-up ran ${warm.warmup_runs} times in 150 ms`);
  assert.equal(warm.timings.length, 2);
  assert.deepEqual(warm.result, cold.result);
  for (const bad of [-1, 'soon', 1e9, null]) {
    host.send({ id: 3, op: 'run', scenario: demo, warmup_ms: bad });
    const a = await host.next();
    assert.equal(a.ok, false, `warmup_ms ${bad}`);
    assert.match(a.error, /"warmup_ms" must be a number of milliseconds/);
  }
  // A broken scenario fails in its first warm-up run instead of spinning for the budget.
  host.send({ id: 4, op: 'run', scenario: '{"format":', warmup_ms: 5000 });
  const broken = await host.next();
  assert.equal(broken.ok, false);
  assert.match(broken.error, /line 1, column/);
  host.child.stdin.end();
});

test('extract warms up untimed for warmup_ms first too', async () => {
  const host = startHost();
  await host.next();
  const file = path.resolve(here, '../../resources/demo/release-notes.html');
  host.send({ id: 1, op: 'extract', file });
  const cold = await host.next();
  assert.equal(cold.ok, true, cold.error);
  assert.equal(cold.warmup_runs, 0);
  host.send({ id: 2, op: 'extract', file, warmup_ms: 100 });
  const warm = await host.next();
  assert.equal(warm.ok, true, warm.error);
  assert.ok(warm.warmup_runs >= 2, `warm-up ran ${warm.warmup_runs} times in 100 ms`);
  assert.equal(warm.timings.length, 1);
  assert.deepEqual(warm.result, cold.result);
  host.send({ id: 3, op: 'extract', file, warmup_ms: -5 });
  assert.match((await host.next()).error, /^extract: "warmup_ms" must be a number of milliseconds/);
  host.send({ id: 4, op: 'extract', file: '/nonexistent/doc.html', warmup_ms: 5000 });
  const missing = await host.next();
  assert.equal(missing.ok, false);
  host.child.stdin.end();
});

test('malformed requests and bad scenarios are answers, not crashes', async () => {
  const host = startHost();
  await host.next();
  host.send('{not json');
  const a = await host.next();
  assert.equal(a.ok, false);
  assert.match(a.error, /malformed request/);
  host.send({ id: 2, op: 'run', scenario: '{"format":"boundary-inspector/scenario@1",}' });
  const b = await host.next();
  assert.equal(b.id, 2);
  assert.equal(b.ok, false);
  assert.match(b.error, /line 1, column/);
  host.send({ id: 3, op: 'ping' });
  assert.deepEqual(await host.next(), { id: 3, ok: true });
  for (const line of ['null', '[1,2]', '"ping"', '5', 'true']) {
    host.send(line);
    assert.deepEqual(await host.next(), { id: null, ok: false, error: 'request must be a JSON object' }, line);
  }
  host.send({ id: 4, op: 'run', scenario: demo, strategy: 'sideways' });
  assert.match((await host.next()).error, /unknown strategy 'sideways'/);
  host.send({ id: 5, op: 'ping' });
  assert.deepEqual(await host.next(), { id: 5, ok: true });
  host.child.stdin.end();
});

test('run drives the pipeline from the host under every codec, with the same result', async () => {
  const host = startHost();
  await host.next();
  const results = new Set();
  for (const [i, codec] of ['json', 'direct', 'binary'].entries()) {
    for (const strategy of ['plan', 'legacy']) {
      host.send({ id: 30 + i, op: 'run', scenario: demo, strategy, codec });
      const a = await host.next();
      assert.equal(a.ok, true, a.error);
      const calls = a.result.runs.reduce((n, r) => n + r.calls, 0);
      assert.equal(a.timings[0].crossings, calls + 2);
      results.add(`${strategy}:${JSON.stringify(a.result)}`);
    }
  }
  assert.equal(results.size, 2);
  host.child.stdin.end();
});

test('pipeline session ops: open, prepare, finalize, report, close', async () => {
  const host = startHost();
  await host.next();
  host.send({ id: 1, op: 'session_open', scenario: demo });
  const open = await host.next();
  assert.equal(open.ok, true, open.error);
  assert.ok(Number.isInteger(open.session) && open.batches.length === 4 && Array.isArray(open.listeners));
  const { session } = open;
  host.send({ id: 2, op: 'prepare', session, codec: 'binary', changes: open.batches[0] });
  const prepared = await host.next();
  assert.equal(prepared.ok, true, prepared.error);
  assert.ok(Array.isArray(prepared.value.changes) && 'execution_plan' in prepared.value && 'guards' in prepared.value);
  assert.equal(prepared.timings[0].strategy, 'binary');
  host.send({ id: 3, op: 'prepare', session, changes: [] });
  assert.match((await host.next()).error, /still open/);
  host.send({ id: 31, op: 'abort', session });
  assert.equal((await host.next()).ok, true);
  host.send({ id: 32, op: 'process_changes', session, codec: 'direct', changes: open.batches[0] });
  const legacyFirst = await host.next();
  assert.equal(legacyFirst.ok, true, legacyFirst.error);
  assert.deepEqual(legacyFirst.value.changes, prepared.value.changes);
  assert.ok(!('execution_plan' in legacyFirst.value));
  host.send({ id: 4, op: 'create_dispatch_plan', session, codec: 'direct' });
  const level = await host.next();
  assert.equal(level.ok, true, level.error);
  host.send({ id: 5, op: 'route_produced_changes', session, produced: [] });
  assert.match((await host.next()).error, /"level" must be a level number/);
  host.send({ id: 6, op: 'finalize', session, outputs: [] });
  const fin = await host.next();
  assert.equal(fin.ok, true, fin.error);
  assert.ok(Array.isArray(fin.value.final_changes));
  host.send({ id: 7, op: 'session_report', session });
  const report = await host.next();
  assert.equal(report.result.runs.length, 1);
  assert.equal(report.result.runs[0].calls, 3);
  host.send({ id: 8, op: 'session_close', session });
  assert.deepEqual(await host.next(), { id: 8, ok: true });
  host.send({ id: 9, op: 'prepare', session, changes: [] });
  assert.match((await host.next()).error, /no open session/);
  host.send({ id: 10, op: 'session_open', scenario: '{' });
  assert.match((await host.next()).error, /line 1, column/);
  host.child.stdin.end();
});

test('a missing module is reported in hello and in every answer', async () => {
  const host = startHost({ BI_WASM_DIR: '/nonexistent' });
  const hello = await host.next();
  assert.equal(hello.ok, false);
  assert.match(hello.error, /wasm module missing/);
  host.send({ id: 1, op: 'ping' });
  const a = await host.next();
  assert.equal(a.ok, false);
  host.child.stdin.end();
});

test('call carries changes through each codec; export and info answer too', async () => {
  const host = startHost();
  await host.next();
  const values = [];
  for (const [i, codec] of ['json', 'direct', 'binary'].entries()) {
    host.send({ id: 10 + i, op: 'call', engine_op: 'echo', codec, changes: [['a.b', { x: [1, 'é'] }]] });
    const a = await host.next();
    assert.equal(a.ok, true, a.error);
    assert.equal(a.timings[0].strategy, codec);
    values.push(JSON.stringify(a.value));
  }
  assert.equal(new Set(values).size, 1);
  host.send({ id: 20, op: 'export', format: 'csv', records: [{ op: 'run', total: 2, compute: 1 }] });
  const csv = await host.next();
  assert.match(csv.text, /^op,strategy,engine/);
  host.send({ id: 21, op: 'export', format: 'pdf', records: [] });
  assert.equal((await host.next()).ok, false);
  host.send({ id: 22, op: 'call', engine_op: 'echo', codec: 'smoke', changes: [] });
  assert.match((await host.next()).error, /unknown codec/);
  host.send({ id: 23, op: 'info' });
  const info = await host.next();
  assert.ok(info.ops.includes('call') && info.ops.includes('prepare') && info.ops.includes('session_open'));
  host.child.stdin.end();
});
