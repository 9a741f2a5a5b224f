// SPDX-License-Identifier: GPL-3.0-or-later
// One extraction start-up in a fresh process (extraction.mjs startupRows): import +
// compile + instantiate + first extraction, timed from this script's first line (a
// script file, as startup-child.mjs explains), then the workload (each document, the
// batch) for the peak RSS.
// argv: engine.mjs path, extract.mjs path, wasm dir, variant, documents (JSON).
const t0 = performance.now();
const [engineModule, extractModule, wasmDir, variant, docsJson] = process.argv.slice(2);
const { loadEngine } = await import(engineModule);
const x = await import(extractModule);
const engine = await loadEngine({ wasmDir, variant });
const docs = JSON.parse(docsJson);
const minimal = variant === 'minimal';
const first = minimal ? docs.markdown : docs.html;
// The minimal module extracts text and Markdown only: its batch is the Markdown half.
const batch = minimal ? docs.batch.filter((f) => f.endsWith('.md')) : docs.batch;
x.extractFile(engine, first, {}, { input: 'zerocopy' });
const ms = performance.now() - t0;
let error = null;
const w0 = performance.now();
try {
  for (let i = 0; i < 5; i++) {
    x.extractFile(engine, docs.markdown, {}, { input: 'zerocopy' });
    x.extractFile(engine, docs.markdown, { maxChars: 1000, overlap: 100 }, { input: 'copy', output: 'stream' });
    x.extractBatchFiles(engine, batch, {}, { input: 'zerocopy', batch: 'arena' });
  }
} catch (e) { error = e.message; }
const workload_ms = performance.now() - w0;
process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, workload_ms, error }));
