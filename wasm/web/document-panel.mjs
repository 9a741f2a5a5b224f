// SPDX-License-Identifier: GPL-3.0-or-later
// The document panel: extracts a document (demo, picked or dropped file) through the
// host's extraction calls (wasm/host/extract.mjs) with the chosen input and output
// strategy; in stream mode the chunks are pulled one by one (Next chunk, key N).
import { extractFile, supportsExtraction } from '../host/extract.mjs';
import { formatRecord, withTimings } from '../host/records.mjs';
import { HostError } from '../host/host-error.mjs';
import { DocumentStream } from './document-stream.mjs';
import { acceptDrops, demoSource, fileSource, fillSelect, sizeLabel } from './sources.mjs';
import { formatMicros } from './records-view.mjs';
import { JsonView } from './json-view.mjs';

const $ = (id) => document.getElementById(id);

export class DocumentPanel {
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.source = null; // { name, bytes, label }
    this.stream = null;
    this.result = new JsonView($('document-result'), $('document-pretty'), $('document-indent'));
    $('document-demo').addEventListener('change', (e) => this.load(() => demoSource(e.target.value), e.target.value));
    $('document-file').addEventListener('change', (e) => {
      const file = e.target.files[0];
      if (file) this.load(() => fileSource(file), file.name);
      e.target.value = '';
    });
    $('extract').addEventListener('click', () => this.extract());
    $('next-chunk').addEventListener('click', () => this.nextChunk());
    $('all-chunks').addEventListener('click', () => this.allChunks());
    $('doc-output').addEventListener('change', () => this.#endStream());
    for (const tab of root.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => this.showTab(tab.dataset.tab));
    acceptDrops(root, (file) => this.load(() => fileSource(file), file.name));
  }

  async init(demoNames) {
    fillSelect($('document-demo'), demoNames);
    if (demoNames.length > 0) await this.load(() => demoSource(demoNames[0]), demoNames[0]);
  }

  async load(read, label) {
    try {
      const source = await read();
      this.#endStream();
      this.source = source;
      $('document-name').textContent = source.label;
      $('document-size').textContent = sizeLabel(source.bytes.length);
    } catch (e) {
      this.app.errors.add(`load document ${label}`, e);
    }
  }

  // Called when the engine is replaced: an open stream belongs to the old one.
  engineChanged() {
    this.#endStream();
  }

  options() {
    const text = $('max-chars').value.trim();
    if (!/^\d*$/.test(text)) throw new HostError(`max chars must be a non-negative whole number, not '${text}'`);
    return { maxChars: Number(text || 0) };
  }

  extract() {
    const engine = this.app.engine();
    if (!engine || !this.source) return;
    const input = $('doc-input').value;
    const output = $('doc-output').value;
    try {
      if (!supportsExtraction(engine)) throw new HostError(`the ${engine.info.variant} module has no extraction bindings`);
      const options = this.options();
      this.#endStream();
      if (output === 'stream') {
        this.stream = new DocumentStream(engine, this.source, options, input);
        this.#showStreamStart();
        this.app.records.add(this.stream.records, this.source.label);
        return;
      }
      const out = extractFile(engine, this.source, options, { input, output });
      const record = formatRecord(out.record);
      this.#showResult(withTimings(out.json, [record]), out.json, `${input}/${output}`, [record]);
      this.app.records.add([record], this.source.label);
    } catch (e) {
      this.app.errors.add(`extract ${this.source.label} (${input}, ${output})`, e);
    }
  }

  // Returns whether a chunk (or the end) was pulled.
  nextChunk() {
    const stream = this.stream;
    if (!stream || stream.done) return false;
    const before = stream.records.length;
    try {
      const chunk = stream.next();
      if (chunk !== null) this.#appendChunk(JSON.parse(chunk), stream.chunks.length);
      else this.#showResult(withTimings(stream.result, stream.records), stream.result, `${stream.input}/stream`, stream.records);
    } catch (e) {
      this.app.errors.add(`next chunk of ${this.source.label}`, e);
      this.#setStreamButtons();
    }
    this.app.records.add(stream.records.slice(before), this.source.label);
    return true;
  }

  allChunks() {
    while (this.stream && !this.stream.done && this.nextChunk());
  }

  showTab(name) {
    for (const tab of this.root.querySelectorAll('[role=tab]')) tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    for (const body of this.root.querySelectorAll('.tab-body')) body.hidden = body.dataset.tab !== name;
  }

  #endStream() {
    this.stream?.close();
    this.stream = null;
    this.#setStreamButtons();
  }

  #setStreamButtons() {
    const open = Boolean(this.stream && !this.stream.done && this.stream.id !== 0);
    $('next-chunk').disabled = !open;
    $('all-chunks').disabled = !open;
  }

  #showStreamStart() {
    $('doc-content').textContent = '';
    $('doc-metadata').textContent = '';
    this.result.set('');
    $('doc-chunks').replaceChildren();
    $('chunk-count').textContent = '(0 so far)';
    $('document-summary').textContent = `${this.source.label}: stream open (${this.stream.input}); pull chunks with Next chunk (N)`;
    this.#setStreamButtons();
    this.showTab('chunks');
  }

  #appendChunk(chunk, count) {
    $('doc-chunks').append(chunkItem(chunk));
    $('chunk-count').textContent = `(${count} so far)`;
    $('document-summary').textContent = `${this.source.label}: ${count} chunk${count === 1 ? '' : 's'} pulled; Next chunk (N) for more`;
    $('doc-chunks').lastElementChild.scrollIntoView({ block: 'nearest' });
  }

  // `shown`: the text with timings (as the CLI prints it); `json`: the engine's result.
  #showResult(shown, json, strategy, records) {
    const doc = JSON.parse(json);
    this.result.set(shown);
    $('doc-content').textContent = doc.content ?? '';
    $('doc-metadata').textContent = JSON.stringify({ mime_type: doc.mime_type, metadata: doc.metadata, tables: doc.tables }, null, 2);
    const chunks = Array.isArray(doc.chunks) ? doc.chunks : [];
    $('doc-chunks').replaceChildren(...chunks.map(chunkItem));
    $('chunk-count').textContent = `(${chunks.length})`;
    const total = records.reduce((s, r) => s + r.total, 0);
    const overhead = records.reduce((s, r) => s + r.overhead, 0);
    $('document-summary').textContent = `${this.source.label} (${doc.mime_type}, ${strategy}): ${[...(doc.content ?? '')].length} chars, `
      + `${chunks.length} chunk${chunks.length === 1 ? '' : 's'}, ${records.length} call${records.length === 1 ? '' : 's'} · `
      + `total ${formatMicros(total)} µs, overhead ${formatMicros(overhead)} µs`;
    this.#setStreamButtons();
  }
}

function chunkItem(chunk) {
  const item = document.createElement('li');
  const meta = document.createElement('div');
  meta.className = 'chunk-meta';
  const m = chunk.metadata ?? {};
  const headings = Array.isArray(m.heading_context) ? m.heading_context.map((h) => h?.text ?? String(h)) : [];
  const heading = headings.length ? ` · ${headings.join(' › ')}` : '';
  meta.textContent = `chars ${m.char_start}–${m.char_end} · bytes ${m.byte_start}–${m.byte_end} · ${m.token_count} tokens${heading}`;
  const body = document.createElement('pre');
  body.className = 'text';
  body.textContent = chunk.content;
  item.append(meta, body);
  return item;
}
