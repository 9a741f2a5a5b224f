#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// A static server for the browser page (docs/web-page.md), on 127.0.0.1 only:
//   node wasm/web/serve.mjs [--port N] [--wasm-dir DIR]     (--port 0: a free port)
// It serves four trees and nothing else, by URL prefix, mirroring the repository so
// that the page's relative imports of ../host/*.mjs resolve:
//   /wasm/web/  /wasm/host/  /resources/demo/  /build/wasm/ (BI_WASM_DIR or build/wasm)
// plus /demo-files.json (the demo files, for the page's pickers). Prints the page's URL.
import http from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const MIME = {
  '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { port: 8737, wasmDir: process.env.BI_WASM_DIR || path.join(root, 'build/wasm') };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`option ${argv[i]} needs a value`);
      return argv[++i];
    };
    if (argv[i] === '--port') {
      const text = value();
      args.port = Number(text);
      if (!/^\d+$/.test(text) || args.port > 65535) throw new UsageError(`--port must be 0..65535, not '${text}'`);
    } else if (argv[i] === '--wasm-dir') args.wasmDir = path.resolve(value());
    else throw new UsageError(`unknown argument '${argv[i]}'`);
  }
  return args;
}

// URL prefix -> directory on disk.
export function servedTrees(wasmDir) {
  return [
    ['/wasm/web/', path.join(root, 'wasm/web')],
    ['/wasm/host/', path.join(root, 'wasm/host')],
    ['/resources/demo/', path.join(root, 'resources/demo')],
    ['/build/wasm/', path.resolve(wasmDir)],
  ];
}

// The file a URL path names, or null when it is outside every served tree. The path is
// decoded once and normalised; a result that leaves its tree (.., encoded slashes,
// NUL) is refused rather than clamped.
export function resolveRequest(trees, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  for (const [prefix, dir] of trees) {
    if (!decoded.startsWith(prefix)) continue;
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + decoded.slice(prefix.length)));
    const inside = file === dir || file.startsWith(dir + path.sep);
    return inside && !decoded.slice(prefix.length).split('/').includes('..') ? file : null;
  }
  return null;
}

async function demoFiles() {
  const names = (await readdir(path.join(root, 'resources/demo'))).sort();
  return {
    scenarios: names.filter((n) => n.endsWith('.scenario.json')),
    documents: names.filter((n) => /\.(html?|md|markdown|txt)$/i.test(n)),
  };
}

// Cross-origin isolation: without it Chromium coarsens performance.now() to 100 µs,
// too coarse for a crossing of a few µs (the records' phases).
const HEADERS = { 'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff' };

function send(res, status, type, body, head = false) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function refuse(res, status, urlPath, why) {
  send(res, status, 'text/plain; charset=utf-8', `${status} ${why}: ${urlPath}\n`);
}

async function handle(trees, req, res) {
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return refuse(res, 405, urlPath, 'only GET and HEAD');
  if (urlPath === '/' || urlPath === '/wasm/web') {
    res.writeHead(302, { Location: '/wasm/web/' });
    return res.end();
  }
  if (urlPath === '/demo-files.json') return send(res, 200, MIME['.json'], JSON.stringify(await demoFiles()), head);
  let file = resolveRequest(trees, urlPath);
  if (file === null) {
    const known = trees.some(([prefix]) => urlPath.startsWith(prefix));
    return known ? refuse(res, 403, urlPath, 'outside the served directories')
      : refuse(res, 404, urlPath, `not served (only ${trees.map(([p]) => p).join(', ')})`);
  }
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { ...HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
    res.end(head ? undefined : body);
  } catch {
    const hint = urlPath.startsWith('/build/wasm/') ? ' (build the wasm modules: scripts/build wasm)' : '';
    refuse(res, 404, urlPath, `no such file${hint}`);
  }
}

export function startServer({ port = 8737, wasmDir } = {}) {
  const trees = servedTrees(wasmDir ?? path.join(root, 'build/wasm'));
  const server = http.createServer((req, res) => {
    handle(trees, req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `500 ${e.message}\n`);
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`serve: ${e.message}\nusage: serve.mjs [--port N] [--wasm-dir DIR]\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const server = await startServer(args);
    process.stdout.write(`Boundary Inspector page: http://127.0.0.1:${server.address().port}/wasm/web/\n`);
  } catch (e) {
    process.stderr.write(`serve: cannot listen on 127.0.0.1:${args.port}: ${e.message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
