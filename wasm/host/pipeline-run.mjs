// SPDX-License-Identifier: GPL-3.0-or-later
// `bi.mjs run` driven from JS: the engine (a wasm PipelineSession) runs the declarative
// stages and plans the listener calls; the listeners are JS functions in this host.
//   plan:   preparePlan (prepare with the plan in its compact form) → the host loop over
//           the FullExecutionPlan → finalize   (2 crossings a batch)
//   legacy: processChanges (prepare without the plan) → createDispatchPlan → per level: run it,
//           routeProducedChanges → finalize
// Every crossing goes through the chosen codec (json, direct, binary) and is counted;
// the session counts the same crossings into each run's "calls", and its report is the
// document `bi run` prints (wasm/bindings/PipelineSession.h).
import { HostError } from './host-error.mjs';
import { executePlan, executeLegacyLevel, handlersFor } from './listeners.mjs';

export const STRATEGIES = ['plan', 'legacy'];
export const CODECS = ['json', 'direct', 'binary'];

const PHASE_FIELDS = ['bytes_in', 'bytes_out', 'host_encode', 'copy_in', 'engine_decode', 'compute',
  'engine_encode', 'copy_out', 'host_decode'];

// Sums the records of the crossings of one run into a single record.
export class CrossingTally {
  constructor() {
    this.crossings = 0;
    this.sums = Object.fromEntries(PHASE_FIELDS.map((f) => [f, 0]));
  }

  add(record) {
    this.crossings += record.crossings;
    for (const f of PHASE_FIELDS) this.sums[f] += record[f] ?? 0;
  }
}

// One batch through an open session: prepare, the listeners (plan loop or legacy levels),
// finalize. Each crossing's record goes to tally.add(record); the host's listener time
// accumulates in host.micros. reportInputs: send each dispatch's input with finalize, for
// the session report (a host that never fetches the report leaves it out).
export function runHostedBatch(engine, session, batch, handlers, { strategy, codec, reportInputs = true }, tally, host) {
  const call = (op, input, args = String(session)) => {
    const { value, record } = engine.call(op, input, { codec, args });
    tally.add(record);
    return value;
  };
  const timeHost = (fn) => {
    const t0 = performance.now();
    const out = fn();
    host.micros += (performance.now() - t0) * 1000;
    return out;
  };
  // preparePlan: the plan in its compact crossing form (wasm/bindings/CompactPlan.h).
  const planOp = engine.supports('preparePlan') ? 'preparePlan' : 'prepare';
  const prepared = call(strategy === 'plan' ? planOp : 'processChanges', batch);
  try {
    let records;
    if (strategy === 'plan') {
      const plan = planOp === 'preparePlan' ? prepared.plan : prepared.execution_plan;
      records = timeHost(() => executePlan(plan, prepared.changes, handlers, prepared.guards));
    } else {
      records = [];
      let level = call('createDispatchPlan', null);
      while (level.groups.length > 0) {
        const done = timeHost(() => executeLegacyLevel(level, handlers, prepared.guards));
        records.push(...done);
        level = call('routeProducedChanges', done.map((r) => ({ dispatch_id: r.dispatch_id, changes: r.changes })),
          `${session} ${level.level}`);
      }
    }
    call('finalize', reportInputs ? records : records.map((r) => ({ dispatch_id: r.dispatch_id, changes: r.changes })));
  } catch (e) {
    // Engine errors aborted the run already; a host error (a handler) leaves it open.
    try {
      engine.call('abort', null, { codec: 'json', args: String(session) });
    } catch {
      // the session is closed by the caller either way
    }
    throw e;
  }
}

// The engine describes listeners by their produce rules; a listener may also carry a JS
// `handler` source string (host-only: the native `bi` ignores it and uses `produce`),
// which the host takes from the scenario text itself. The engine has parsed the text
// already, so it is valid JSON here, and listeners come in scenario order.
function withHandlerSources(listeners, text) {
  const raw = JSON.parse(text).listeners;
  if (!Array.isArray(raw)) return listeners;
  return listeners.map((l, i) => (typeof raw[i]?.handler === 'string' ? { ...l, handler: raw[i].handler } : l));
}

// Runs a scenario's batches through a wasm pipeline session. Returns { json, record }:
// json is the engine's report (the bytes `bi run` prints before "timings"); the record
// sums every crossing of the run (openSession, each batch's calls, report), so
// `crossings` = 2 + the sum of the runs' "calls". compute is the engine's compute plus
// the host's listener calls (what the native record's compute covers), so overhead is
// the boundary alone.
export function runScenarioHosted(engine, text, { strategy = 'plan', codec = 'json', maxListenerWrites = 0 } = {}) {
  if (!STRATEGIES.includes(strategy)) throw new HostError(`unknown strategy '${strategy}' (expected plan or legacy)`);
  if (!CODECS.includes(codec)) throw new HostError(`unknown codec '${codec}' (expected json, direct or binary)`);
  const t0 = performance.now();
  const tally = new CrossingTally();
  const host = { micros: 0 };
  const opened = engine.openSession(text, { maxListenerWrites });
  tally.add(opened.record);
  let json;
  try {
    const handlers = handlersFor(withHandlerSources(opened.described.listeners, text));
    opened.described.batches.forEach((batch, i) => {
      try {
        runHostedBatch(engine, opened.session, batch, handlers, { strategy, codec }, tally, host);
      } catch (e) {
        throw new HostError(`batch ${i}: ${e.message}`);
      }
    });
    const report = engine.sessionReport(opened.session);
    tally.add(report.record);
    json = report.json;
  } finally {
    engine.closeSession(opened.session);
  }
  const record = {
    op: 'run', strategy: codec === 'json' ? strategy : `${strategy}/${codec}`, engine: 'wasm',
    crossings: tally.crossings, block: 1, ...tally.sums, total: (performance.now() - t0) * 1000,
  };
  record.compute += host.micros;
  record.overhead = record.total - record.compute;
  return { json, record };
}
