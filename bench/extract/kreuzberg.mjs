// SPDX-License-Identifier: GPL-3.0-or-later
// Measures kreuzberg on bench_extract's documents, for its comparison column:
//   build/bin/bench_extract --write-docs DIR
//   node bench/extract/kreuzberg.mjs DIR --json OUT.json [--quick]
// Uses @kreuzberg/node when it resolves, else @kreuzberg/wasm (both optional
// npm dependencies). Neither installed: prints "not installed" and writes
// {"installed": false}, so that the table says so instead of showing numbers.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const args = { dir: null, json: null, quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json' && i + 1 < argv.length) args.json = argv[++i];
    else if (argv[i] === '--quick') args.quick = true;
    else if (!argv[i].startsWith('--') && !args.dir) args.dir = argv[i];
    else throw new Error(`usage: kreuzberg.mjs DOCS_DIR --json OUT.json [--quick] (bad argument '${argv[i]}')`);
  }
  if (!args.dir || !args.json) throw new Error('usage: kreuzberg.mjs DOCS_DIR --json OUT.json [--quick]');
  return args;
}

// { name, version, extract(bytes, mime, config) -> Promise, sync: Set of MIME types extracted synchronously }
async function loadNode() {
  const require = createRequire(path.join(root, 'package.json'));
  let resolved;
  try {
    resolved = require.resolve('@kreuzberg/node');
  } catch {
    return null;
  }
  const k = require(resolved);
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules/@kreuzberg/node/package.json'), 'utf8')).version;
  const extract = (bytes, mime, config) => k.extractBytesSync(Buffer.from(bytes), mime, config ?? null);
  return { name: '@kreuzberg/node', version, extract, mode: 'sync' };
}

// The wasm package's dist/index.js looks for its glue where the package does
// not put it, so the glue (dist/pkg) is imported directly; it fetch()es its
// .wasm by file URL, which Node's fetch does not serve, so those are read
// from disk. Its synchronous call refuses Markdown: async calls throughout.
async function loadWasm() {
  const glue = path.join(root, 'node_modules/@kreuzberg/wasm/dist/pkg/kreuzberg_wasm.js');
  if (!existsSync(glue)) return null;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const u = new URL(String(url));
    if (u.protocol !== 'file:') return realFetch(url, init);
    return new Response(await readFile(u), { headers: { 'content-type': 'application/wasm' } });
  };
  const k = await import(pathToFileURL(glue).href);
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules/@kreuzberg/wasm/package.json'), 'utf8')).version;
  const extract = (bytes, mime, config) => k.extractBytes(bytes, mime, config ?? null);
  return { name: '@kreuzberg/wasm', version, extract, mode: 'async' };
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
}

async function measure(runs, call) {
  for (let i = 0; i < Math.max(1, Math.floor(runs / 10)); i++) await call(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await call();
    samples.push((performance.now() - t0) * 1000);
  }
  return { runs, median_us: percentile(samples, 0.5), p95_us: percentile(samples, 0.95) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const write = (value) => {
    mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    writeFileSync(args.json, JSON.stringify(value) + '\n');
  };
  const k = (await loadNode()) ?? (await loadWasm());
  if (!k) {
    console.log('kreuzberg: not installed (@kreuzberg/node and @kreuzberg/wasm are optional npm dependencies)');
    write({ installed: false });
    return;
  }
  const read = (name) => {
    const file = path.join(args.dir, name);
    if (!existsSync(file)) throw new Error(`${file} is missing: run bench_extract --write-docs ${args.dir} first`);
    return new Uint8Array(readFileSync(file));
  };
  const html = read('html-1k5.html');
  const markdown = read('markdown-33k.md');
  const batch = [...Array(10).keys()].map((i) => read(`batch-0${i}${i < 5 ? '.html' : '.md'}`));
  const scale = args.quick ? 10 : 1;
  const chunked = { chunking: { maxChars: 1000, maxOverlap: 100 } };
  // Ids match bench_extract's cases.
  const cases = {
    'html-1k5': await measure(3000 / scale, () => k.extract(html, 'text/html')),
    'markdown-33k': await measure(500 / scale, () => k.extract(markdown, 'text/markdown')),
    'markdown-33k-chunked': await measure(500 / scale, () => k.extract(markdown, 'text/markdown', chunked)),
    'batch-10x100k': await measure(Math.floor(40 / scale) + 1, async () => {
      for (let i = 0; i < batch.length; i++) await k.extract(batch[i], i < 5 ? 'text/html' : 'text/markdown');
    }),
  };
  console.log(`kreuzberg: measured ${k.name} ${k.version} (${k.mode} calls) on ${args.dir}`);
  write({ installed: true, package: `${k.name} ${k.version}`, mode: k.mode, cases });
}

main().catch((error) => {
  console.error(`kreuzberg.mjs: ${error.message}`);
  process.exit(2);
});
