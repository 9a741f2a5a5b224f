// SPDX-License-Identifier: GPL-3.0-or-later
// Timing records: the same fields and order as engine/trace/TimingRecord, and the
// same CSV / JSON / Chrome trace-event bytes as engine/trace/RecordExport.
export const FIELDS = ['op', 'strategy', 'engine', 'bytes_in', 'bytes_out', 'crossings', 'block',
  'host_encode', 'copy_in', 'engine_decode', 'compute', 'engine_encode', 'copy_out',
  'host_decode', 'total', 'overhead'];

// Phases in the order a call passes through them.
export const PHASES = ['host_encode', 'copy_in', 'engine_decode', 'compute', 'engine_encode',
  'copy_out', 'host_decode'];

const DEFAULTS = { op: '', strategy: '', engine: '', bytes_in: 0, bytes_out: 0, crossings: 0, block: 1 };

// A record with every field in order; overhead is always total − compute.
export function formatRecord(record) {
  const out = {};
  for (const f of FIELDS) out[f] = record[f] ?? DEFAULTS[f] ?? 0;
  out.overhead = out.total - out.compute;
  return out;
}

// Appends "timings" as the last member of the engine's result object, as the native bi does.
export function withTimings(resultJson, records) {
  const body = resultJson.slice(0, -1);
  const sep = body.length > 1 ? ',' : '';
  return `${body}${sep}"timings":${JSON.stringify(records)}}`;
}

function csvCell(value) {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (!/[",\n\r]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export function recordsToCsv(records) {
  let out = FIELDS.join(',') + '\n';
  for (const r of records.map(formatRecord)) out += FIELDS.map((f) => csvCell(r[f])).join(',') + '\n';
  return out;
}

export function recordsToJson(records) {
  return JSON.stringify(records.map(formatRecord));
}

function traceEvent(name, cat, ts, dur, pid, tid) {
  return { name, cat, ph: 'X', ts, dur, pid, tid };
}

// Native calls on pid 1, wasm calls on pid 2; each call is one event on tid 1 with its
// non-zero phases laid end to end beneath it on tid 2.
export function recordsToChromeTrace(records) {
  const events = [
    { name: 'process_name', ph: 'M', pid: 1, args: { name: 'native' } },
    { name: 'process_name', ph: 'M', pid: 2, args: { name: 'wasm' } },
  ];
  const clock = [0, 0, 0];
  for (const r of records.map(formatRecord)) {
    const pid = r.engine === 'wasm' ? 2 : 1;
    const cat = `${r.op}/${r.strategy}`;
    events.push({ ...traceEvent(r.op, cat, clock[pid], r.total, pid, 1), args: r });
    let at = clock[pid];
    for (const phase of PHASES) {
      if (r[phase] > 0) {
        events.push(traceEvent(phase, cat, at, r[phase], pid, 2));
        at += r[phase];
      }
    }
    clock[pid] += r.total;
  }
  return JSON.stringify({ traceEvents: events, displayTimeUnit: 'ns' });
}

// The smallest step performance.now() shows, in microseconds.
export function clockResolutionMicros(samples = 200) {
  let best = Infinity;
  for (let i = 0; i < samples; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    best = Math.min(best, (b - a) * 1000);
  }
  return best;
}

// Calls shorter than `resolutionFactor` clock steps are timed in blocks: returns how
// many calls one timed block must hold so that it lasts at least that long.
export function blockSizeFor(callMicros, resolutionMicros, resolutionFactor = 100) {
  const wanted = resolutionMicros * resolutionFactor;
  if (callMicros >= wanted) return 1;
  return Math.min(1 << 20, Math.ceil(wanted / Math.max(callMicros, resolutionMicros / 10)));
}
