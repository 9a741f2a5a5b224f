// SPDX-License-Identifier: GPL-3.0-or-later
// The wasm functions that extraction runs stay small enough for V8 to compile
// with TurboFan in little memory: TurboFan needs about 1 KB of compiler memory
// per byte of a function's body on its worker thread, and the 27-31 KB functions
// of earlier builds (the HTML converter's pump with the tokenizer inlined, the
// extractor's per-format work) kept the Node host's peak RSS at 105-117 MB.
// They are kept apart by core/WasmOutline.h and Binaryen's one-caller inlining
// limit (wasm/CMakeLists.txt); without either this test fails. The Markdown
// parser's and the chunker's rare branches are kept apart the same way
// (InlineParser::parseOne was 13.4 KB, Chunker::next 10.4 KB); now the largest
// is the JSON parser's Parser::parseValue (11.8 KB, core/Json.cpp), then
// HtmlConverter::restart (8.5 KB, once per document); the per-line Markdown
// functions (BlockParser::parse, incorporateLine) are about 6 KB. The functions
// are those V8 compiles lazily (on first call) while the test documents are
// extracted in every strategy, as V8's compilation trace lists them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.resolve(process.env.BI_WASM_DIR ?? path.resolve(here, '../../build/wasm'));
const kMaxBodyBytes = 13000;

const CHILD = `
import { readFileSync } from 'node:fs';
import path from 'node:path';
const [engineUrl, extractUrl, wasmDir, documents] = process.argv.slice(1);
const { loadEngine } = await import(engineUrl);
const x = await import(extractUrl);
const engine = await loadEngine({ wasmDir, variant: 'standard' });
const cases = JSON.parse(readFileSync(path.join(documents, 'cases.json'), 'utf8')).cases;
const files = [];
// Errors (the malformed cases) are fine here: only what runs counts; host.extract checks results.
for (const c of cases) {
  const file = path.join(documents, c.file);
  const options = { mime: c.options?.mime, text: c.options?.text, maxChars: c.options?.max_chars ?? 200, overlap: c.options?.overlap ?? 20 };
  files.push(file);
  for (const input of ['copy', 'zerocopy']) {
    for (const output of ['whole', 'stream']) {
      try { x.extractFile(engine, file, options, { input, output }); } catch {}
      try { x.extractFile(engine, file, { mime: options.mime, text: options.text }, { input, output: 'whole' }); } catch {}
    }
  }
}
for (const batch of ['malloc', 'arena']) {
  try { x.extractBatchFiles(engine, files, {}, { input: 'zerocopy', batch }); } catch {}
}
`;

test('the functions extraction runs in the standard module are at most 13,000 bytes each', {
  skip: !existsSync(path.join(wasmDir, 'bi-engine-standard.wasm')) && 'the standard module is not built',
}, () => {
  const url = (p) => new URL(`file://${path.resolve(here, p)}`).href;
  const r = spawnSync(process.execPath, ['--wasm-lazy-compilation', '--trace-wasm-compilation-times', '--input-type=module',
    '-e', CHILD, url('../../wasm/host/engine.mjs'), url('../../wasm/host/extract.mjs'), wasmDir,
    path.resolve(here, '../documents')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  // "Compiled function ...#N using Liftoff, took ... bytes; bodysize B codesize C"
  const bodies = [...r.stdout.matchAll(/#(\d+) using Liftoff.*?bodysize (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(bodies.length > 100, `V8 traced ${bodies.length} compiled functions`);
  const [index, largest] = bodies.reduce((a, b) => (b[1] > a[1] ? b : a));
  assert.ok(largest <= kMaxBodyBytes, `wasm function #${index} has a ${largest}-byte body (limit ${kMaxBodyBytes})`);
});
