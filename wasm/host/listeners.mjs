// SPDX-License-Identifier: GPL-3.0-or-later
// The host's side of listener dispatch: JS handlers run by the single-plan loop
// (one crossing: the FullExecutionPlan) or level by level for the legacy flow.
// Semantics follow engine/pipeline/ExecutionPlan.h: handler output uses absolute
// paths; forwarded changes reach a receiver when related to its topic and are
// relativized against the topic.

// Whether `path` is `base` or below it.
function isBelow(path, base) {
  return path.length > base.length && path.startsWith(base) && path[base.length] === '.';
}

export function relativize(path, topic) {
  if (topic === '' || path === topic || !isBelow(path, topic)) return path;
  return path.slice(topic.length + 1);
}

export function topicMatches(path, topic) {
  return topic === '' || path === topic || isBelow(path, topic) || isBelow(topic, path);
}

const clone = (v) => (v !== null && typeof v === 'object' ? structuredClone(v) : v);
const pathOf = (c) => (Array.isArray(c) ? c[0] : c.path);
const valueOf = (c) => (Array.isArray(c) ? c[1] : c.value);

// A handler from a scenario listener: its JS source when it carries one, else a
// function returning the listener's `produce` list ([path, value] pairs, absolute).
export function buildHandler(listener) {
  if (typeof listener.handler === 'string') {
    // eslint-disable-next-line no-new-func
    const fn = new Function(`return (${listener.handler});`)();
    if (typeof fn !== 'function') throw new Error(`listener ${listener.id}: handler is not a function`);
    return (changes, scoped) => normalizeOutput(fn(changes, scoped), listener.id);
  }
  const produce = (listener.produce ?? []).map((c) => [pathOf(c), valueOf(c)]);
  return () => produce.map(([p, v]) => [p, clone(v)]);
}

function normalizeOutput(out, id) {
  if (out === undefined || out === null) return [];
  if (!Array.isArray(out)) throw new Error(`listener ${id}: handler must return an array of [path, value]`);
  return out.map((c) => {
    const path = pathOf(c);
    if (typeof path !== 'string') throw new Error(`listener ${id}: produced change without a string path`);
    return [path, valueOf(c)];
  });
}

// Runs a FullExecutionPlan in the host. `changes` are the run's state changes
// ({path, value} or [path, value]); `handlers` maps subscriber ids to functions.
// Returns { outputs: [{dispatch, changes}], dispatches: [{dispatch_id, subscriber_id, input, output}] }.
export function executePlan(plan, changes, handlers) {
  const outputs = [];
  const dispatches = [];
  if (!plan) return { outputs, dispatches };
  const pending = new Map();
  const forward = (target, produced) => {
    if (!pending.has(target)) pending.set(target, []);
    pending.get(target).push(...produced);
  };
  for (const group of plan.groups) {
    for (const d of group.dispatches) {
      const input = d.input_change_ids.map((i) => [relativize(pathOf(changes[i]), d.topic_path), clone(valueOf(changes[i]))]);
      for (const [p, v] of pending.get(d.dispatch_id) ?? []) {
        if (topicMatches(p, d.topic_path)) input.push([relativize(p, d.topic_path), clone(v)]);
      }
      const handler = handlers.get(d.subscriber_id);
      if (!handler) throw new Error(`no handler for listener '${d.subscriber_id}'`);
      const produced = handler(input, d.scope_path);
      dispatches.push({ dispatch_id: d.dispatch_id, subscriber_id: d.subscriber_id, input, output: produced });
      outputs.push({ dispatch: d.dispatch_id, changes: produced });
      for (const t of plan.propagation_map[d.dispatch_id] ?? []) {
        forward(t.target_dispatch_id, produced.map(([p, v]) => [t.remap_prefix ? (p ? `${t.remap_prefix}.${p}` : t.remap_prefix) : p, v]));
      }
      for (const target of plan.cascade_map[d.dispatch_id] ?? []) forward(target, produced);
    }
  }
  return { outputs, dispatches };
}

// Runs one legacy level (LegacyLevel JSON: groups of {dispatch, input}); inputs are
// materialized by the engine. Returns the produced output per dispatch.
export function executeLegacyLevel(level, handlers) {
  const outputs = [];
  const dispatches = [];
  for (const group of level.groups ?? []) {
    for (const entry of group) {
      const d = entry.dispatch;
      const handler = handlers.get(d.subscriber_id);
      if (!handler) throw new Error(`no handler for listener '${d.subscriber_id}'`);
      const input = (entry.input ?? []).map((c) => [pathOf(c), clone(valueOf(c))]);
      const produced = handler(input, d.scope_path);
      dispatches.push({ dispatch_id: d.dispatch_id, subscriber_id: d.subscriber_id, input, output: produced });
      outputs.push({ dispatch: d.dispatch_id, changes: produced });
    }
  }
  return { outputs, dispatches };
}
