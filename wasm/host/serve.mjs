// SPDX-License-Identifier: GPL-3.0-or-later
// Line-delimited JSON protocol over stdio (docs/host-protocol.md). Every request
// gets exactly one answer line; errors are answers, never a crash.
import { createInterface } from 'node:readline';
import { loadEngine } from './engine.mjs';
import { formatRecord, recordsToCsv, recordsToJson, recordsToChromeTrace } from './records.mjs';
import { EXTRACT_OPS, handleExtractOp } from './serve-extract.mjs';
import { PIPELINE_OPS, handlePipelineOp } from './serve-pipeline.mjs';
import { runScenarioHosted } from './pipeline-run.mjs';
import { warmupBudget, warmUp } from './warmup.mjs';

const EXPORTERS = { csv: recordsToCsv, json: recordsToJson, trace: recordsToChromeTrace };

// 2: `run` is driven from the host (crossings counted, a `codec` field), `call` takes any
// `input` and echo answers {path, value} changes; pipeline session ops added.
export const PROTOCOL_VERSION = 2;

// The engine's result is spliced in as its own bytes, so serve answers carry
// exactly what `bi.mjs run` prints.
function send(obj) {
  const { rawResult, ...rest } = obj;
  let line = JSON.stringify(rest);
  if (rawResult !== undefined) line = `${line.slice(0, -1)},"result":${rawResult}}`;
  process.stdout.write(line + '\n');
}

export async function serve({ wasmDir } = {}) {
  let engine = null;
  let loadError = null;
  try {
    engine = await loadEngine({ wasmDir });
  } catch (e) {
    loadError = e.message;
  }
  send({
    hello: 'boundary-inspector-host', protocol: PROTOCOL_VERSION, ok: engine !== null,
    ...(engine ? { variant: engine.info.variant, startup_ms: engine.info.startupMs, wasm_bytes: engine.info.wasmBytes } : { error: loadError }),
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    send(answer(engine, loadError, line));
  }
}

function runOp(engine, req) {
  const repeat = Math.max(1, req.repeat | 0);
  const warmupMs = warmupBudget(req);
  const scenario = String(req.scenario ?? '');
  const options = { strategy: req.strategy ?? 'plan', codec: req.codec ?? 'json' };
  const warmupRuns = warmUp(warmupMs, () => runScenarioHosted(engine, scenario, options));
  const timings = [];
  let json = '';
  for (let i = 0; i < repeat; i++) {
    const out = runScenarioHosted(engine, scenario, options);
    json = out.json;
    timings.push(formatRecord(out.record));
  }
  return { ok: true, timings, warmup_runs: warmupRuns, rawResult: json };
}

// Every line gets an answer, whatever goes wrong while handling it.
function answer(engine, loadError, line) {
  try {
    return handle(engine, loadError, line);
  } catch (e) {
    return { id: null, ok: false, error: `internal error: ${e.message}` };
  }
}

function handle(engine, loadError, line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { id: null, ok: false, error: `malformed request: ${e.message}` };
  }
  if (req === null || typeof req !== 'object' || Array.isArray(req)) {
    return { id: null, ok: false, error: 'request must be a JSON object' };
  }
  const id = req.id ?? null;
  if (!engine) return { id, ok: false, error: loadError };
  try {
    switch (req.op) {
      case 'ping':
        return { id, ok: true };
      case 'info':
        return { id, ok: true, protocol: PROTOCOL_VERSION, variant: engine.info.variant, startup_ms: engine.info.startupMs,
          wasm_bytes: engine.info.wasmBytes, ops: ['ping', 'info', 'run', 'call', 'export', ...EXTRACT_OPS, ...PIPELINE_OPS] };
      case 'call': {
        const input = 'input' in req ? req.input : req.changes;
        if (!('input' in req) && !Array.isArray(input)) return { id, ok: false, error: 'call: "changes" must be an array (or give "input")' };
        const { value, record } = engine.call(String(req.engine_op ?? ''), input, { codec: req.codec ?? 'json', args: String(req.args ?? '') });
        return { id, ok: true, timings: [formatRecord(record)], value };
      }
      case 'export': {
        const exporter = EXPORTERS[req.format];
        if (!exporter) return { id, ok: false, error: `export: unknown format '${req.format}' (expected csv, json or trace)` };
        if (!Array.isArray(req.records)) return { id, ok: false, error: 'export: "records" must be an array' };
        return { id, ok: true, text: exporter(req.records) };
      }
      case 'run':
        return { id, ...runOp(engine, req) };
      default:
        if (EXTRACT_OPS.includes(req.op)) return handleExtractOp(engine, req);
        if (PIPELINE_OPS.includes(req.op)) return { id, ...handlePipelineOp(engine, req) };
        return { id, ok: false, error: `unknown op '${req.op}'` };
    }
  } catch (e) {
    return { id, ok: false, error: e.message };
  }
}
