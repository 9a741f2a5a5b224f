// SPDX-License-Identifier: GPL-3.0-or-later
// One module start-up in a fresh process (boundary.mjs startup rows): import of the host
// + compile + instantiate + first call, timed from this script's first line. A script
// file, as bi.mjs and `serve` load the engine: under `node -e`, the first import() also
// started Node's ES module loader itself (about 4 ms, what any ES module program has
// done before its first line), which was then counted as the host's import.
// argv: engine.mjs path, wasm dir, variant.
const t0 = performance.now();
const [engineModule, wasmDir, variant] = process.argv.slice(2);
const { loadEngine } = await import(engineModule);
const engine = await loadEngine({ wasmDir, variant });
engine.call('echo', [['a', 1]], { codec: 'json' });
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS }));
