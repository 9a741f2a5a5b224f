// SPDX-License-Identifier: GPL-3.0-or-later
// One document pulled chunk by chunk from an engine-side stream, through the host's
// stream calls (wasm/host/extract.mjs): open, one next per chunk, end. Each call gets
// its own timing record (the fields the serve protocol's stream ops report); once the
// stream is done, the chunks and the head assemble into the same result JSON as the
// Node host's `extract --output stream`.
import { assembleResult, closeStream, endStream, lastPhases, nextChunk, openStream, utf8Length } from '../host/extract.mjs';
import { formatRecord } from '../host/records.mjs';

const micros = (a, b) => (b - a) * 1000;

export class DocumentStream {
  constructor(engine, source, options, input) {
    this.engine = engine;
    this.input = input;
    this.chunks = [];
    this.records = [];
    this.result = null; // the assembled result JSON, once done
    const t0 = performance.now();
    const open = openStream(engine.m, source, options, input);
    this.id = open.id;
    this.#record('stream_open', t0, {
      bytes_in: open.bytesIn, compute: open.compute,
      host_encode: input === 'copy' ? open.read : 0, copy_in: input === 'zerocopy' ? open.read : 0,
    });
  }

  get done() {
    return this.result !== null;
  }

  // Pulls the next chunk: returns its JSON text, or null when the stream ended (and
  // `result` holds the whole result). An engine error closes the stream.
  next() {
    if (this.done) return null;
    const m = this.engine.m;
    try {
      const t0 = performance.now();
      const chunk = nextChunk(m, this.id);
      if (chunk !== null) {
        this.chunks.push(chunk);
        this.#record('stream_next', t0, { bytes_out: utf8Length(chunk), compute: lastPhases(m).compute });
        return chunk;
      }
      const t1 = performance.now();
      const head = endStream(m, this.id, true);
      this.#record('stream_end', t1, { bytes_out: utf8Length(head), compute: lastPhases(m).compute });
      this.result = assembleResult(head, this.chunks);
      this.close();
      return null;
    } catch (e) {
      this.close();
      throw e;
    }
  }

  close() {
    if (this.id === 0) return;
    closeStream(this.engine.m, this.id);
    this.id = 0;
  }

  #record(op, t0, fields) {
    this.records.push(formatRecord({ op, strategy: `${this.input}/stream`, engine: 'wasm', crossings: 1, ...fields, total: micros(t0, performance.now()) }));
  }
}
