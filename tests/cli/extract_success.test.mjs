// SPDX-License-Identifier: GPL-3.0-or-later
// The success paths of `bi extract` and `bi md2html`: fields of one result,
// --batch, --text, --max-chars/--overlap chunking, and a CommonMark spec
// example. Environment: BI (the tool), DOCS (tests/documents), NODE_MODULES.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { BI, DOCS, NODE_MODULES } = process.env;
if (!BI || !DOCS || !NODE_MODULES) {
  throw new Error('set BI, DOCS and NODE_MODULES');
}

function bi(...args) {
  const r = spawnSync(BI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `bi ${args.join(' ')} failed: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return r.stdout;
}

const doc = (name) => path.join(DOCS, name);
const extract = (...args) => JSON.parse(bi('extract', ...args));

test('extract prints one result with kreuzberg fields and timings', () => {
  const r = extract(doc('guide.md'));
  assert.deepEqual(Object.keys(r), ['content', 'mime_type', 'metadata', 'tables', 'chunks', 'timings']);
  assert.equal(r.mime_type, 'text/markdown');
  assert.equal(r.metadata.title, 'Deploying the Inventory Service');
  assert.ok(r.content.startsWith('---\ntitle: Deploying the Inventory Service\n'));
  assert.ok(r.metadata.headings.length >= 2);
  assert.deepEqual(r.chunks, []);
  assert.equal(r.timings.length, 1);
  assert.equal(r.timings[0].op, 'extract');
});

test('--batch prints an array with one result per file, in order', () => {
  const files = ['guide.md', 'notes.txt', 'article.html', 'products.csv'];
  const results = JSON.parse(bi('extract', '--batch', ...files.map(doc)));
  assert.ok(Array.isArray(results));
  assert.equal(results.length, files.length);
  assert.deepEqual(results.map((r) => r.mime_type), ['text/markdown', 'text/plain', 'text/html', 'text/csv']);
  // The same bytes as one extraction each (timings aside).
  files.forEach((file, i) => {
    const single = extract(doc(file));
    delete single.timings;
    delete results[i].timings;
    assert.deepEqual(results[i], single, file);
  });
});

test('--text gives plain text instead of Markdown for HTML', () => {
  const markdown = extract(doc('article.html'));
  const plain = extract(doc('article.html'), '--text');
  assert.equal(plain.mime_type, 'text/html');
  assert.match(markdown.content, /\]\(/); // links as Markdown
  assert.doesNotMatch(plain.content, /\]\(|^#+ /m);
  assert.deepEqual(plain.metadata, markdown.metadata);
});

test('--max-chars and --overlap chunk the content', () => {
  const r = extract(doc('notes.txt'), '--max-chars', '80', '--overlap', '10');
  const chars = (s) => [...s].length;
  assert.ok(r.chunks.length > 2, `${r.chunks.length} chunks`);
  r.chunks.forEach((chunk, i) => {
    const m = chunk.metadata;
    assert.ok(chars(chunk.content) <= 80, `chunk ${i} has ${chars(chunk.content)} characters`);
    assert.equal(m.chunk_index, i);
    assert.equal(m.total_chunks, r.chunks.length);
    assert.equal(Buffer.from(r.content).subarray(m.byte_start, m.byte_end).toString(), chunk.content);
    if (i > 0) {
      const previous = r.chunks[i - 1].metadata;
      assert.ok(m.char_start < previous.char_end, `chunk ${i} does not overlap the one before`);
      assert.ok(previous.char_end - m.char_start <= 10, `chunk ${i} overlaps by more than 10`);
    }
  });
  const unchunked = extract(doc('notes.txt'));
  assert.deepEqual(unchunked.chunks, []);
});

test('md2html renders a CommonMark spec example as the spec does', () => {
  const require = createRequire(path.join(path.resolve(NODE_MODULES), 'noop.js'));
  const spec = require('commonmark-spec');
  // An example the tool's extensions (pipe tables, front matter) leave alone.
  const example = spec.tests.find((t) => t.section === 'Links' && t.markdown.includes('title'));
  assert.ok(example, 'no Links example with a title in the spec');
  const dir = mkdtempSync(path.join(tmpdir(), 'bi-md2html-'));
  const file = path.join(dir, `example-${example.number}.md`);
  writeFileSync(file, example.markdown.replace(/\u2192/g, '\t'));
  assert.equal(bi('md2html', file), example.html.replace(/\u2192/g, '\t'));
});
