// SPDX-License-Identifier: GPL-3.0-or-later
// The JS side of the compact binary layout (engine/api/BinaryCodec.h describes it).
// The layout is written in one pass straight into a buffer the caller owns (wasm
// memory for the engine), so no intermediate copy exists. A caller that does not know
// the size beforehand passes a buffer it guesses large enough: a write that does not
// fit returns a count larger than the buffer (or throws RangeError), and the caller
// writes again into a larger one (WasmEngine.writeInput); changesSize/documentSize
// measure exactly, for callers that want the size first.
const DOC_MAGIC = 0x31424942; // "BIB1"
const CHANGES_MAGIC = 0x31434942; // "BIC1"
// changes (8): the engine's compact change list, [{path, value}…] without the repeated keys.
const TAG = { null: 0, false: 1, true: 2, number: 3, string: 4, array: 5, object: 6, undefined: 7, changes: 8 };

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
  if (typeof v !== 'object') throw new TypeError(`binary codec: cannot pass a JS ${typeof v}`);
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

// Whether `changes` has the change-list layout: [path, value] pairs or {path, value}
// objects with string paths. Anything else crosses as a whole document.
export function isChangeList(changes) {
  if (!Array.isArray(changes)) return false;
  for (const c of changes) {
    if (Array.isArray(c) ? c.length !== 2 : (c === null || typeof c !== 'object' || !('value' in c))) return false;
    if (typeof pathOf(c) !== 'string') return false;
  }
  return true;
}

export function changesSize(changes) {
  if (!Array.isArray(changes)) throw new TypeError('binary codec: changes must be an array');
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

  // Short strings are copied char by char, giving up at the first non-ASCII one (the
  // bytes written past the length so far are overwritten by encodeInto).
  str(s) {
    const n = s.length;
    if (n <= 32) {
      const bytes = this.bytes;
      const at = this.pos + 4;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        bytes[at + i] = c;
      }
      if (i === n) {
        this.u32(n);
        this.pos = at + n;
        return;
      }
    }
    const at = this.pos + 4;
    const { read, written } = encoder.encodeInto(s, this.bytes.subarray(at));
    if (read < s.length) {
      // Did not fit: report a position past the end, so that the caller writes again.
      this.pos = this.bytes.length + 4 * s.length;
      return;
    }
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
    } else if (typeof v !== 'object') {
      throw new TypeError(`binary codec: cannot pass a JS ${typeof v}`);
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

// Returns the number of bytes written (changesSize(changes)); more than fit in `bytes`
// means the buffer was too small (see above).
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

export function documentSize(doc) {
  return 4 + valueSize(doc);
}

// Writes a whole document ('BIB1') into `bytes` at `offset`; returns the bytes written.
export function writeDocument(doc, bytes, offset = 0) {
  const w = new Writer(bytes, offset);
  w.u32(DOC_MAGIC);
  w.value(doc);
  return w.pos - offset;
}

export function encodeDocument(doc) {
  const bytes = new Uint8Array(documentSize(doc));
  writeDocument(doc, bytes);
  return bytes;
}

// Short ASCII strings repeat in a document (object keys, paths, enum-like values): the
// reader keeps the last string seen for each hash of the bytes and hands it out again
// after comparing it byte for byte, instead of building the same string anew.
const STRING_CACHE_SIZE = 4096;
const stringCache = new Array(STRING_CACHE_SIZE).fill('');

function cachedAscii(bytes, start, end) {
  let h = end - start;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return null;
    h = (h * 31 + b) | 0;
  }
  const slot = h & (STRING_CACHE_SIZE - 1);
  const hit = stringCache[slot];
  if (hit.length === end - start) {
    let k = 0;
    while (k < hit.length && hit.charCodeAt(k) === bytes[start + k]) k++;
    if (k === hit.length) return hit;
  }
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  stringCache[slot] = s;
  return s;
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
      const s = cachedAscii(this.bytes, this.pos, end);
      if (s !== null) {
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
        // A whole number in int32 range is handed out as one, as JSON.parse does: V8
        // then keeps it unboxed in the object field instead of allocating a heap
        // number for it (the same JS value; -0 stays a double).
        const i = d | 0;
        return i === d && (i !== 0 || 1 / d > 0) ? i : d;
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
      case TAG.changes: {
        const n = this.u32();
        const out = new Array(n);
        for (let i = 0; i < n; i++) {
          const p = this.str();
          out[i] = { path: p, value: this.value() };
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
