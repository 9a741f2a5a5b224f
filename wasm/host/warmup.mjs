// SPDX-License-Identifier: GPL-3.0-or-later
// Untimed warm-up for the serve ops that time calls (`run`, `extract`). V8 runs a
// module's functions as Liftoff code first and tiers the hot ones up to TurboFan
// after 0.5-1 s of execution; `warmup_ms` repeats the call untimed for that long,
// so that the timed calls measure the steady state.
export const MAX_WARMUP_MS = 10000;

// The request's budget in ms (0 when absent); anything but a number in range is an error.
export function warmupBudget(req) {
  const ms = 'warmup_ms' in req ? req.warmup_ms : 0;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_WARMUP_MS) {
    throw new Error(`${req.op}: "warmup_ms" must be a number of milliseconds from 0 to ${MAX_WARMUP_MS}`);
  }
  return ms;
}

// Calls `once` until `ms` have passed, at least once when ms > 0 (so that a failing
// call fails here, before any timing, instead of spinning); returns the count.
export function warmUp(ms, once) {
  let runs = 0;
  for (const start = performance.now(); ms > 0 && (runs === 0 || performance.now() - start < ms);) {
    once();
    ++runs;
  }
  return runs;
}
