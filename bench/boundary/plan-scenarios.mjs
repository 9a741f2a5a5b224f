// SPDX-License-Identifier: GPL-3.0-or-later
// The plan-vs-legacy scenarios of issue 3's published case, `runs` batches each:
// used by the boundary bench and by the host tests that check both strategies agree.

// Corrected: l0.l1.….l{n-1} nesting, listener Li on depth i+1 (n distinct plan levels),
// each copying the input into out.Li; a fresh value every run.
export function correctedScenario(n, runs) {
  let leaf = 1;
  for (let i = n - 1; i >= 0; i--) leaf = { [`l${i}`]: leaf };
  const segs = Array.from({ length: n }, (_, i) => `l${i}`);
  const deepest = segs.join('.');
  const listeners = segs.map((_, i) => {
    const topic = segs.slice(0, i + 1).join('.');
    const rel = topic === deepest ? deepest : deepest.slice(topic.length + 1);
    return { id: `L${i}`, path: topic, produce: [{ path: `out.L${i}`, fromChange: rel }] };
  });
  const batches = Array.from({ length: runs }, (_, r) => [[deepest, r + 2]]);
  return { format: 'boundary-inspector/scenario@1', name: `corrected ${n} levels`, state: { ...leaf, out: {} }, listeners, batches };
}

// Literal: flat keys level{L}_item{i} (path depth 1 for all: one plan level), the
// published handlers, the same input every run (so runs after the first exit at the
// no-op filter, as the published numbers do). 15 levels is the main scenario with
// counts [10,5,4,4,3,3,3,3,3,2,2,2,2,2,2]; 5/10/20 the scaling block (5 items a level).
export function literalScenario(levels, runs) {
  const main = levels === 15;
  const counts = main ? [10, 5, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2] : Array(levels).fill(5);
  const state = {};
  const listeners = [];
  let k = 0;
  counts.forEach((count, L) => {
    for (let i = 0; i < count; i++, k++) {
      const key = `level${L}_item${i}`;
      state[key] = main ? { value: k, status: 'pending' } : { value: i };
      const produce = [];
      if (L + 1 < counts.length) {
        const next = counts[L + 1];
        produce.push({ path: `level${L + 1}_item${i % next}.value`, value: main ? k : i * 10 });
        if (main && next > 1 && i % 2 === 0) produce.push({ path: `level${L + 1}_item${(i + 1) % next}.value`, value: k + 1000 });
      }
      listeners.push({ id: key, path: key, produce });
    }
  });
  const batches = Array.from({ length: runs }, () => [['level0_item0.value', main ? 100 : 999]]);
  return { format: 'boundary-inspector/scenario@1', name: `literal ${levels} levels`, state, listeners, batches };
}
