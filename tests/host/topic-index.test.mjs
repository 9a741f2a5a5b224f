// SPDX-License-Identifier: GPL-3.0-or-later
// The host loop's forwarding by topic (wasm/host/topic-index.mjs): the index finds
// exactly the topics topicMatches accepts, and the compact plan run with it gives the
// dispatch records of the plain rule (push all output to every target, filter there)
// on random plans: overlapping and unordered ranges, remap prefixes, root topics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopicIndex } from '../../wasm/host/topic-index.mjs';
import { executePlan, topicMatches } from '../../wasm/host/listeners.mjs';

// A small deterministic generator (the tests must be repeatable).
function random(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const SEGMENTS = ['a', 'b', 'c', ''];
function randomPath(next, maxDepth = 4) {
  const depth = next(maxDepth + 1);
  return Array.from({ length: depth }, () => SEGMENTS[next(SEGMENTS.length)]).join('.');
}

test('the index reaches exactly the topics topicMatches accepts, each once', () => {
  const next = random(7);
  for (let round = 0; round < 200; round++) {
    const topics = Array.from({ length: 1 + next(12) }, () => randomPath(next));
    const index = new TopicIndex(topics);
    for (let q = 0; q < 10; q++) {
      const path = randomPath(next);
      const reached = [];
      index.forEachReached(path, (id) => reached.push(id));
      const expected = topics.flatMap((t, id) => (topicMatches(path, t) ? [id] : []));
      assert.deepEqual(reached.sort((x, y) => x - y), expected, `path '${path}' over ${JSON.stringify(topics)}`);
      // reached() gives the same ids, the same array again on the next call (its memo).
      const remembered = index.reached(path);
      assert.deepEqual([...remembered].sort((x, y) => x - y), expected, `reached('${path}')`);
      assert.equal(index.reached(path), remembered);
    }
  }
});

// A random compact plan: groups in id order, targets as ranges over later dispatches
// (some overlapping or out of order), a few remap prefixes.
function randomPlan(next) {
  const n = 2 + next(10);
  const dispatches = Array.from({ length: n }, (_, i) => [`L${next(4)}`, randomPath(next, 3), null, i % 3 === 0 ? [0] : []]);
  const groups = [];
  for (let id = 0; id < n;) {
    const size = 1 + next(3);
    groups.push([groups.length, Array.from({ length: Math.min(size, n - id) }, (_, k) => id + k)]);
    id += size;
  }
  const ranges = (from) => {
    const out = [];
    for (let r = next(3); r > 0 && from + 1 < n; r--) {
      const lo = from + 1 + next(n - from - 1);
      out.push(lo, lo + 1 + next(n - lo));
    }
    return out;
  };
  const propagation = dispatches.map((_, i) => ranges(i));
  const prefixes = [];
  propagation.forEach((r, from) => {
    if (r.length && next(4) === 0) prefixes.push([from, r[0], randomPath(next, 2) || 'p']);
  });
  return { groups, dispatches, propagation, prefixes, cascade: dispatches.map((_, i) => ranges(i)) };
}

test('forwarding by topic gives the records of the plain rule on random plans', () => {
  const next = random(11);
  let forwarded = 0;
  for (let round = 0; round < 300; round++) {
    const plan = randomPlan(next);
    const writes = Array.from({ length: 4 }, () => Array.from({ length: next(4) }, () => randomPath(next)));
    // Each listener writes its paths with its input size, so that every forwarded change shows.
    const handlers = new Map(writes.map((paths, i) => [`L${i}`, (input) => paths.map((p) => [p, input.length])]));
    const changes = [[randomPath(next), round]];
    const plain = executePlan(plan, changes, handlers, {}, { indexed: false });
    const indexed = executePlan(plan, changes, handlers, {}, { indexed: true });
    assert.deepEqual(indexed, plain, JSON.stringify(plan));
    forwarded += plain.reduce((sum, r) => sum + r.input.length, 0);
  }
  assert.ok(forwarded > 300, 'the random plans forward something');
});
