// SPDX-License-Identifier: GPL-3.0-or-later
// Record exports of the Node host; tests/engine/RecordExportTest.cpp checks the C++
// exports against the same fixture files, so both write identical bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRecord, recordsToCsv, recordsToJson, recordsToChromeTrace, blockSizeFor, clockResolutionMicros }
  from '../../wasm/host/records.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name) => readFileSync(path.join(fixtures, name), 'utf8');
const records = JSON.parse(read('records.json'));

test('CSV, JSON and trace exports match the fixture bytes', () => {
  assert.equal(recordsToCsv(records), read('records.csv'));
  assert.equal(recordsToJson(records) + '\n', read('records.export.json'));
  assert.equal(recordsToChromeTrace(records) + '\n', read('records.trace.json'));
});

test('the trace opens as trace events: metadata then complete events', () => {
  const trace = JSON.parse(recordsToChromeTrace(records));
  assert.equal(trace.traceEvents[0].ph, 'M');
  const calls = trace.traceEvents.filter((e) => e.ph === 'X' && e.tid === 1);
  assert.equal(calls.length, records.length);
  assert.deepEqual(calls.map((e) => e.pid), [1, 2, 2]);
  assert.equal(calls[2].ts, records[1].total);
});

test('formatRecord fills every field and recomputes overhead', () => {
  const r = formatRecord({ op: 'x', total: 9, compute: 4 });
  assert.equal(r.overhead, 5);
  assert.equal(r.block, 1);
  assert.equal(Object.keys(r).length, 16);
});

test('short calls are timed in blocks, long ones alone', () => {
  assert.equal(blockSizeFor(1000, 0.1), 1);
  assert.ok(blockSizeFor(0.05, 0.1) >= 200);
  assert.ok(clockResolutionMicros(10) > 0);
});
