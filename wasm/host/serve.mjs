// SPDX-License-Identifier: GPL-3.0-or-later
// Line-delimited JSON protocol over stdio (docs/host-protocol.md). Every request
// gets exactly one answer line; errors are answers, never a crash.
import { createInterface } from 'node:readline';
import { loadEngine } from './engine.mjs';
import { formatRecord, recordsToCsv, recordsToJson, recordsToChromeTrace } from './records.mjs';

const EXPORTERS = { csv: recordsToCsv, json: recordsToJson, trace: recordsToChromeTrace };

export const PROTOCOL_VERSION = 1;

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
    send(handle(engine, loadError, line));
  }
}

function handle(engine, loadError, line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { id: null, ok: false, error: `malformed request: ${e.message}` };
  }
  const id = req.id ?? null;
  if (!engine) return { id, ok: false, error: loadError };
  try {
    switch (req.op) {
      case 'ping':
        return { id, ok: true };
      case 'info':
        return { id, ok: true, protocol: PROTOCOL_VERSION, variant: engine.info.variant, startup_ms: engine.info.startupMs,
          wasm_bytes: engine.info.wasmBytes, ops: ['ping', 'info', 'run', 'call', 'export'] };
      case 'call': {
        if (!Array.isArray(req.changes)) return { id, ok: false, error: 'call: "changes" must be an array' };
        const { value, record } = engine.call(String(req.engine_op ?? ''), req.changes, { codec: req.codec ?? 'json', args: String(req.args ?? '') });
        return { id, ok: true, timings: [formatRecord(record)], value };
      }
      case 'export': {
        const exporter = EXPORTERS[req.format];
        if (!exporter) return { id, ok: false, error: `export: unknown format '${req.format}' (expected csv, json or trace)` };
        if (!Array.isArray(req.records)) return { id, ok: false, error: 'export: "records" must be an array' };
        return { id, ok: true, text: exporter(req.records) };
      }
      case 'run': {
        const repeat = Math.max(1, req.repeat | 0);
        const timings = [];
        let json = '';
        for (let i = 0; i < repeat; i++) {
          const out = engine.runScenario(String(req.scenario ?? ''), { strategy: req.strategy ?? 'plan' });
          json = out.json;
          timings.push(formatRecord(out.record));
        }
        return { id, ok: true, timings, rawResult: json };
      }
      default:
        return { id, ok: false, error: `unknown op '${req.op}'` };
    }
  } catch (e) {
    return { id, ok: false, error: e.message };
  }
}
