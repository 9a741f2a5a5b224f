// SPDX-License-Identifier: GPL-3.0-or-later
// The serve protocol's pipeline ops (docs/host-protocol.md): a client (the Qt app)
// opens a session on a scenario and drives the crossing-level API itself, batch by
// batch, through the codec of its choice; its listeners run on its side.
import { formatRecord } from './records.mjs';

export const PIPELINE_OPS = ['session_open', 'prepare', 'process_changes', 'create_dispatch_plan', 'route_produced_changes', 'finalize',
  'abort', 'session_report', 'session_close'];

// The engine op and its input for each request op; `level` travels in args.
const ENGINE_CALLS = {
  prepare: (req) => ['prepare', field(req, 'changes', Array.isArray, 'an array')],
  process_changes: (req) => ['processChanges', field(req, 'changes', Array.isArray, 'an array')],
  create_dispatch_plan: () => ['createDispatchPlan', null],
  route_produced_changes: (req) => ['routeProducedChanges', field(req, 'produced', Array.isArray, 'an array')],
  finalize: (req) => ['finalize', field(req, 'outputs', Array.isArray, 'an array')],
  abort: () => ['abort', null],
};

function field(req, name, check, what) {
  if (!check(req[name])) throw new Error(`${req.op}: "${name}" must be ${what}`);
  return req[name];
}

const isId = (v) => Number.isInteger(v) && v > 0;
const isLevel = (v) => Number.isInteger(v) && v >= 0;

// Returns the answer (without id) for one pipeline request; throws on bad input.
export function handlePipelineOp(engine, req) {
  if (req.op === 'session_open') {
    if (typeof req.scenario !== 'string') throw new Error('session_open: "scenario" must be the scenario text');
    const limit = req.max_listener_writes ?? 0;
    if (!Number.isInteger(limit) || limit < 0) throw new Error('session_open: "max_listener_writes" must be a non-negative integer');
    const { session, described, record } = engine.openSession(req.scenario, { maxListenerWrites: limit });
    return { ok: true, session, ...described, timings: [formatRecord(record)] };
  }
  const session = field(req, 'session', isId, 'a session id');
  if (req.op === 'session_report') {
    const { json, record } = engine.sessionReport(session);
    return { ok: true, timings: [formatRecord(record)], rawResult: json };
  }
  if (req.op === 'session_close') {
    if (!engine.closeSession(session)) throw new Error(`session_close: no open session ${session}`);
    return { ok: true };
  }
  const [op, input] = ENGINE_CALLS[req.op](req);
  const args = req.op === 'route_produced_changes' ? `${session} ${field(req, 'level', isLevel, 'a level number')}` : String(session);
  const { value, record } = engine.call(op, input, { codec: req.codec ?? 'json', args });
  return { ok: true, timings: [formatRecord(record)], value };
}
