// SPDX-License-Identifier: GPL-3.0-or-later
// The page hands extract.mjs in-memory documents ({ name, bytes }) instead of paths
// (wasm/web/sources.mjs): under Node, with the same engine, they must give the bytes a
// path gives, for every case of the document corpus and every input × output strategy,
// in batches, and for md2html; and the engine must see the document's name (its format
// comes from the extension).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../wasm/host/engine.mjs';
import { extractBatchFiles, extractFile, markdownFileToHtml } from '../../wasm/host/extract.mjs';

const documents = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../documents');
const cases = JSON.parse(readFileSync(path.join(documents, 'cases.json'), 'utf8')).cases.map((c) => ({
  name: c.name,
  file: path.join(documents, c.file),
  options: { mime: c.options?.mime, text: c.options?.text, maxChars: c.options?.max_chars, overlap: c.options?.overlap },
}));
const engine = await loadEngine();
const inMemory = (file) => ({ name: file, bytes: new Uint8Array(readFileSync(file)) });

function outcome(fn) {
  try {
    return { ok: true, json: fn().json };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}

test('an in-memory document extracts to the bytes of its file, every case and strategy', () => {
  let compared = 0;
  for (const c of cases) {
    for (const input of ['copy', 'zerocopy']) {
      for (const output of ['whole', 'stream']) {
        const strategy = { input, output };
        const fromPath = outcome(() => extractFile(engine, c.file, c.options, strategy));
        const fromBytes = outcome(() => extractFile(engine, inMemory(c.file), c.options, strategy));
        assert.deepEqual(fromBytes, fromPath, `${c.name} ${input}/${output}`);
        compared += fromPath.ok ? 1 : 0;
      }
    }
  }
  assert.ok(compared > 20, 'most cases succeed');
});

test('the engine sees the in-memory name: the extension picks the format', () => {
  const bytes = new TextEncoder().encode('# Title\n\nSome *text*.\n');
  const asMarkdown = JSON.parse(extractFile(engine, { name: 'notes.md', bytes }).json);
  const asText = JSON.parse(extractFile(engine, { name: 'notes.txt', bytes }).json);
  assert.equal(asMarkdown.mime_type, 'text/markdown');
  assert.equal(asText.mime_type, 'text/plain');
});

test('batches and md2html take in-memory documents too', () => {
  const files = cases.filter((c) => outcome(() => extractFile(engine, c.file, {})).ok).slice(0, 4).map((c) => c.file);
  assert.equal(files.length, 4);
  for (const input of ['copy', 'zerocopy']) {
    const fromPath = extractBatchFiles(engine, files, {}, { input }).map((p) => p.json);
    const fromBytes = extractBatchFiles(engine, files.map(inMemory), {}, { input }).map((p) => p.json);
    assert.deepEqual(fromBytes, fromPath, input);
  }
  const md = path.join(documents, 'guide.md');
  assert.deepEqual(markdownFileToHtml(engine, inMemory(md)).html, markdownFileToHtml(engine, md).html);
});
