// SPDX-License-Identifier: GPL-3.0-or-later
// Timing records: the same fields and order as engine/trace/TimingRecord.
const FIELDS = ['op', 'strategy', 'engine', 'bytes_in', 'bytes_out', 'crossings', 'block',
  'host_encode', 'copy_in', 'engine_decode', 'compute', 'engine_encode', 'copy_out',
  'host_decode', 'total', 'overhead'];

export function formatRecord(record) {
  const out = {};
  for (const f of FIELDS) out[f] = record[f];
  return out;
}

// Appends "timings" as the last member of the engine's result object, as the native bi does.
export function withTimings(resultJson, records) {
  const body = resultJson.slice(0, -1);
  const sep = body.length > 1 ? ',' : '';
  return `${body}${sep}"timings":${JSON.stringify(records)}}`;
}
