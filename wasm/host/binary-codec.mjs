// SPDX-License-Identifier: GPL-3.0-or-later
// The JS side of the compact binary layout (engine/api/BinaryCodec.h describes it).
// Changes are measured first, then written in one pass straight into a buffer the
// caller owns (wasm memory for the engine), so no intermediate copy exists.
const DOC_MAGIC = 0x31424942; // "BIB1"
const CHANGES_MAGIC = 0x31434942; // "BIC1"
const TAG = { null: 0, false: 1, true: 2, number: 3, string: 4, array: 5, object: 6, undefined: 7 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function valueSize(v) {
  if (v === null || v === undefined || typeof v === 'boolean' || isUndefinedMarker(v)) return 1;
  if (typeof v === 'number') return 9;
  if (typeof v === 'string') return 5 + utf8Length(v);
  if (Array.isArray(v)) {
    let n = 5;
    for (const item of v) n += valueSize(item);
    return n;
  }
  let n = 5;
  for (const key of Object.keys(v)) n += 4 + utf8Length(key) + valueSize(v[key]);
  return n;
}

// The engine's JSON spelling of undefined; both codecs carry it as tag 7.
function isUndefinedMarker(v) {
  if (typeof v !== 'object' || Array.isArray(v) || v.$undefined !== true) return false;
  for (const key in v) if (key !== '$undefined') return false;
  return true;
}

const pathOf = (c) => (Array.isArray(c) ? c[0] : c.path);
const valueOf = (c) => (Array.isArray(c) ? c[1] : c.value);

export function changesSize(changes) {
  let n = 8;
  for (const c of changes) n += 4 + utf8Length(pathOf(c)) + valueSize(valueOf(c));
  return n;
}

// Writes into `bytes` (a Uint8Array, e.g. a view of wasm memory) at `offset`.
class Writer {
  constructor(bytes, offset) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = offset;
  }

  u32(v) {
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  str(s) {
    if (s.length <= 32 && /^[\x00-\x7f]*$/.test(s)) {
      this.u32(s.length);
      for (let i = 0; i < s.length; i++) this.bytes[this.pos++] = s.charCodeAt(i);
      return;
    }
    const at = this.pos + 4;
    const { written } = encoder.encodeInto(s, this.bytes.subarray(at));
    this.u32(written);
    this.pos = at + written;
  }

  value(v) {
    if (v === null) this.bytes[this.pos++] = TAG.null;
    else if (v === undefined || isUndefinedMarker(v)) this.bytes[this.pos++] = TAG.undefined;
    else if (v === true) this.bytes[this.pos++] = TAG.true;
    else if (v === false) this.bytes[this.pos++] = TAG.false;
    else if (typeof v === 'number') {
      this.bytes[this.pos++] = TAG.number;
      this.view.setFloat64(this.pos, v, true);
      this.pos += 8;
    } else if (typeof v === 'string') {
      this.bytes[this.pos++] = TAG.string;
      this.str(v);
    } else if (Array.isArray(v)) {
      this.bytes[this.pos++] = TAG.array;
      this.u32(v.length);
      for (const item of v) this.value(item);
    } else {
      this.bytes[this.pos++] = TAG.object;
      const keys = Object.keys(v);
      this.u32(keys.length);
      for (const key of keys) {
        this.str(key);
        this.value(v[key]);
      }
    }
  }
}

// Returns the number of bytes written (changesSize(changes)).
export function writeChanges(changes, bytes, offset = 0) {
  const w = new Writer(bytes, offset);
  w.u32(CHANGES_MAGIC);
  w.u32(changes.length);
  for (const c of changes) {
    w.str(pathOf(c));
    w.value(valueOf(c));
  }
  return w.pos - offset;
}

export function encodeChanges(changes) {
  const bytes = new Uint8Array(changesSize(changes));
  writeChanges(changes, bytes);
  return bytes;
}

export function encodeDocument(doc) {
  const bytes = new Uint8Array(4 + valueSize(doc));
  const w = new Writer(bytes, 0);
  w.u32(DOC_MAGIC);
  w.value(doc);
  return bytes;
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
  }

  fail(what) {
    throw new Error(`binary codec: ${what} at byte ${this.pos}`);
  }

  u32() {
    if (this.pos + 4 > this.bytes.length) this.fail('truncated u32');
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  // Short ASCII strings (keys, paths) are read byte by byte: a TextDecoder call costs more.
  str() {
    const len = this.u32();
    const end = this.pos + len;
    if (end > this.bytes.length) this.fail('truncated string bytes');
    if (len <= 32) {
      let s = '';
      let i = this.pos;
      for (; i < end && this.bytes[i] < 0x80; i++) s += String.fromCharCode(this.bytes[i]);
      if (i === end) {
        this.pos = end;
        return s;
      }
    }
    const s = decoder.decode(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return s;
  }

  value() {
    if (this.pos >= this.bytes.length) this.fail('truncated value tag');
    const tag = this.bytes[this.pos++];
    switch (tag) {
      case TAG.null: return null;
      case TAG.false: return false;
      case TAG.true: return true;
      case TAG.undefined: return { $undefined: true };
      case TAG.number: {
        if (this.pos + 8 > this.bytes.length) this.fail('truncated number');
        const d = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        return d;
      }
      case TAG.string: return this.str();
      case TAG.array: {
        const n = this.u32();
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = this.value();
        return out;
      }
      case TAG.object: {
        const n = this.u32();
        const out = {};
        for (let i = 0; i < n; i++) {
          const key = this.str();
          out[key] = this.value();
        }
        return out;
      }
      default: return this.fail(`unknown value tag ${tag}`);
    }
  }

  magic(expected, what) {
    if (this.u32() !== expected) this.fail(`not a binary ${what} (bad magic)`);
  }
}

// Reads a document (engine output) from a Uint8Array (e.g. a view of wasm memory).
export function decodeDocument(bytes) {
  const r = new Reader(bytes);
  r.magic(DOC_MAGIC, 'document');
  const v = r.value();
  if (r.pos !== bytes.length) r.fail(`${bytes.length - r.pos} trailing bytes`);
  return v;
}

export function decodeChanges(bytes) {
  const r = new Reader(bytes);
  r.magic(CHANGES_MAGIC, 'change list');
  const n = r.u32();
  const out = [];
  for (let i = 0; i < n; i++) out.push([r.str(), r.value()]);
  return out;
}
