// SPDX-License-Identifier: GPL-3.0-or-later
// The host's side of listener dispatch: JS handlers run by the single-plan loop
// (one crossing: the FullExecutionPlan) or level by level for the legacy flow.
// Semantics follow engine/pipeline/PipelineApi.h and the native RunDriver: handler
// output uses absolute paths; forwarded changes reach a receiver when related to
// its topic and are relativized against the topic. The forwarding targets are
// the engine's maps, followed as given.
import { TopicIndex } from './topic-index.mjs';

// Whether `path` is strictly below `base` (everything non-empty is below the root '').
function isBelow(path, base) {
  if (base === '') return path !== '';
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

// A handler from a scenario listener as the engine describes it (PipelineSession::describe):
// each `produce` rule writes its absolute path with its literal `value`, or with the value
// of the last input change whose relativized path equals `from_change`. A rule with a
// `when` guard writes only when the engine's evaluation of it (the dispatch's `guard`,
// one boolean per rule, from prepare's "guards") is true. A listener carrying a JS
// `handler` source string runs that function instead: (changes, dispatch) => [[path, value]…].
// Handlers are called as handler(input, dispatch, guard); input is a fresh copy.
export function buildHandler(listener) {
  if (typeof listener.handler === 'string') {
    // eslint-disable-next-line no-new-func
    const fn = new Function(`return (${listener.handler});`)();
    if (typeof fn !== 'function') throw new Error(`listener ${listener.id}: handler is not a function`);
    return (changes, dispatch) => normalizeOutput(fn(changes, dispatch), listener.id);
  }
  // Each rule as {path, when, literal, value, from}, read once: the handler runs per dispatch.
  const rules = (listener.produce ?? []).map((r) => (Array.isArray(r) ? { path: r[0], value: r[1] } : r))
    .map((r) => ({ path: r.path, when: Boolean(r.when), literal: 'value' in r, value: r.value, from: r.from_change }));
  return (input, dispatch, guard) => {
    const out = [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (rule.when && !(guard && guard[i])) continue;
      if (rule.literal) {
        out.push([rule.path, clone(rule.value)]);
        continue;
      }
      let match;
      for (let k = 0; k < input.length; k++) if (pathOf(input[k]) === rule.from) match = input[k];
      if (match !== undefined) out.push([rule.path, clone(valueOf(match))]);
    }
    return out;
  };
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

// Calls one dispatch's handler; returns the dispatch record {dispatch_id, input, changes}
// (the shape finalize takes, input kept for the report).
function callListener(d, input, handlers, guards) {
  const handler = handlers.get(d.subscriber_id);
  if (!handler) throw new Error(`no handler for listener '${d.subscriber_id}'`);
  const changes = handler(input, d, guards?.[d.subscriber_id]);
  return { dispatch_id: d.dispatch_id, input, changes };
}

// Appends the changes from `produced` that reach topic `topic`, relativized and copied.
function appendForwarded(input, produced, topic) {
  for (const c of produced) {
    const p = pathOf(c);
    if (topicMatches(p, topic)) input.push([relativize(p, topic), clone(valueOf(c))]);
  }
}

const remap = (prefix, produced) => (prefix
  ? produced.map(([p, v]) => [p ? `${prefix}.${p}` : prefix, v])
  : produced);

export const isCompactPlan = (plan) => Array.isArray(plan?.dispatches);

// Runs one planned dispatch: its input is the run changes it names, then what earlier
// dispatches forwarded to it, relativized to its topic.
function runDispatch(d, changes, pending, handlers, guards) {
  const ids = d.input_change_ids;
  const topic = d.topic_path;
  const input = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const c = changes[ids[k]];
    input[k] = [relativize(pathOf(c), topic), clone(valueOf(c))];
  }
  const forwarded = pending[d.dispatch_id];
  if (forwarded !== undefined) appendForwarded(input, forwarded, topic);
  return callListener(d, input, handlers, guards);
}

function forwardTo(pending, target, produced) {
  const list = (pending[target] ??= []);
  for (const c of produced) list.push(c);
}

// Prepare's object plan (ExecutionPlan::toJson): cascade_map, then propagation_map.
function executeObjectPlan(plan, changes, handlers, guards) {
  const records = [];
  const pending = [];
  for (const group of plan.groups) {
    for (const d of group.dispatches) {
      const rec = runDispatch(d, changes, pending, handlers, guards);
      records.push(rec);
      if (rec.changes.length === 0) continue;
      for (const target of plan.cascade_map[d.dispatch_id] ?? []) forwardTo(pending, target, rec.changes);
      for (const t of plan.propagation_map[d.dispatch_id] ?? []) forwardTo(pending, t.target_dispatch_id, remap(t.remap_prefix, rec.changes));
    }
  }
  return records;
}

// preparePlan's compact plan (wasm/bindings/CompactPlan.h): dispatches by id as
// [subscriber_id, topic_path, scope_path|null, input_change_ids], targets as [from, to)
// id ranges (cascade, then propagation), non-empty remap prefixes apart as
// [dispatch, target, prefix]. Handlers get the same dispatch objects as from the object plan.
// A dispatch's output goes only to the targets whose topic it reaches (TopicIndex): the
// inputs are the ones pushing all of it to every target and filtering there would give,
// in the same order (per range, per produced change). Output remapped by a prefix is
// forwarded whole, as the prefix changes the paths. indexed: false keeps the plain rule
// (the tests compare the two).
function executeCompactPlan(plan, changes, handlers, guards, indexed) {
  const records = [];
  const pending = [];
  const prefixes = plan.prefixes.length ? new Map(plan.prefixes.map(([from, to, prefix]) => [`${from} ${to}`, prefix])) : null;
  const prefixed = prefixes ? new Set(plan.prefixes.map(([from]) => from)) : null;
  let index = null;
  const forwardAll = (ranges, from, produced, remapped) => {
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      for (let target = ranges[r]; target < ranges[r + 1]; target++) {
        const prefix = remapped && prefixes ? prefixes.get(`${from} ${target}`) : undefined;
        forwardTo(pending, target, prefix ? remap(prefix, produced) : produced);
      }
    }
  };
  const forwardReached = (ranges, produced) => {
    index ??= TopicIndex.of(plan.dispatches.map((d) => d[1]));
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const lo = ranges[r];
      const hi = ranges[r + 1];
      for (const c of produced) {
        const reached = index.reached(pathOf(c));
        for (let k = 0; k < reached.length; k++) {
          const target = reached[k];
          if (target >= lo && target < hi) (pending[target] ??= []).push(c);
        }
      }
    }
  };
  const forward = (ranges, from, produced, remapped) => {
    if (!ranges || ranges.length < 2) return;
    if (!indexed || (remapped && prefixed?.has(from))) forwardAll(ranges, from, produced, remapped);
    else forwardReached(ranges, produced);
  };
  for (const [, ids] of plan.groups) {
    for (const id of ids) {
      const [subscriber, topic, scope, inputs] = plan.dispatches[id];
      const d = { dispatch_id: id, subscriber_id: subscriber, scope_path: scope ?? topic, topic_path: topic, input_change_ids: inputs };
      const rec = runDispatch(d, changes, pending, handlers, guards);
      records.push(rec);
      if (rec.changes.length === 0) continue;
      forward(plan.cascade[id], id, rec.changes, false);
      forward(plan.propagation[id], id, rec.changes, true);
    }
  }
  return records;
}

// Runs a FullExecutionPlan in the host, as the native RunDriver's runPlan does. `plan`
// is prepare's "execution_plan" or preparePlan's compact "plan"; `changes` are the
// run's state changes ({path, value} or [path, value]); `handlers` maps subscriber ids
// to handlers; `guards` is prepare's "guards". Returns the dispatch records in
// execution order (finalize's input).
// indexed: forward the compact plan's output by topic (the default; false: the plain rule).
export function executePlan(plan, changes, handlers, guards = {}, { indexed = true } = {}) {
  if (!plan) return [];
  return isCompactPlan(plan) ? executeCompactPlan(plan, changes, handlers, guards, indexed) : executeObjectPlan(plan, changes, handlers, guards);
}

// Runs one legacy level (LegacyLevel JSON: {level, groups: [[{dispatch_id, subscriber_id,
// scope_path, topic_path, changes}]]}, inputs materialized by the engine). Within the
// level, a dispatch also receives the output of the level's earlier dispatches that
// matches its topic (the host's share of the forwarding, see PipelineApi.h). Returns
// the dispatch records in execution order; {dispatch_id, changes} is routeProducedChanges' input.
export function executeLegacyLevel(level, handlers, guards = {}) {
  const records = [];
  const earlier = [];
  for (const group of level.groups ?? []) {
    for (const entry of group) {
      const input = (entry.changes ?? []).map((c) => [pathOf(c), clone(valueOf(c))]);
      appendForwarded(input, earlier, entry.topic_path);
      const rec = callListener(entry, input, handlers, guards);
      records.push(rec);
      earlier.push(...rec.changes);
    }
  }
  return records;
}

// Handlers for every listener the engine described, by id.
export function handlersFor(listeners) {
  return new Map(listeners.map((l) => [l.id, buildHandler(l)]));
}
