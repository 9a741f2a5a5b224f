// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5's size budget: the minimal module (text, Markdown, the pipeline) stays at or
// under 300,000 bytes, so that an engine change that grows it fails here, not in a bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = process.env.BI_WASM_DIR ?? path.resolve(here, '../../build/wasm');
const MINIMAL_BUDGET = 300000;

test('the minimal module fits its size budget', () => {
  const file = path.join(wasmDir, 'bi-engine-minimal.wasm');
  const size = statSync(file).size;
  assert.ok(size <= MINIMAL_BUDGET, `${file} is ${size} B, over the ${MINIMAL_BUDGET} B budget`);
});

test('the minimal module is smaller than the standard one', () => {
  const minimal = statSync(path.join(wasmDir, 'bi-engine-minimal.wasm')).size;
  const standard = statSync(path.join(wasmDir, 'bi-engine-standard.wasm')).size;
  assert.ok(minimal < standard, `minimal ${minimal} B, standard ${standard} B`);
});
