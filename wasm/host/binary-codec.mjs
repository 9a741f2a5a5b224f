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
// Listener output, finalize's and routeProducedChanges' input (wasm/bindings/BinaryChangeReader.h):
//   u32 'BIO1' | u32 count | count × (u32 dispatch_id | u8 has_input | changes | [changes])
// with changes = u32 n + n × (str path | value). Only the standard module reads it.
const OUTPUTS_MAGIC = 0x314f4942; // "BIO1"
// changes (8): the engine's compact change list, [{path, value}…] without the repeated keys.
// plan (9): preparePlan's compact plan (wasm/bindings/BinaryResultWriter.h), decoded to
// exactly what JSON.parse gives for the JSON codec's compact plan.
// changeRefs (10): a prepare answer's change list naming the input changes it repeats
// exactly (wasm/bindings/BinaryResultWriter.h), decoded with the call's input (decodeDocument).
const TAG = { null: 0, false: 1, true: 2, number: 3, string: 4, array: 5, object: 6, undefined: 7, changes: 8, plan: 9, changeRefs: 10 };
const NO_REF = 0xffffffff;

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

const isChangeListOrAbsent = (v) => v === undefined || isChangeList(v);

// Whether `outputs` is a list of listener outputs the 'BIO1' layout carries as the JSON
// codec would: {dispatch_id: a whole number in u32 range, changes: a change list, input?:
// a change list}. Anything else (which the engine rejects, or reads differently) crosses
// as a whole document, so that the engine judges it as under the other codecs.
export function isOutputList(outputs) {
  if (!Array.isArray(outputs)) return false;
  for (const o of outputs) {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return false;
    const id = o.dispatch_id;
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) return false;
    if (!isChangeList(o.changes) || !isChangeListOrAbsent(o.input)) return false;
  }
  return true;
}

function changeBodySize(changes) {
  let n = 4;
  for (const c of changes) n += 4 + utf8Length(pathOf(c)) + valueSize(valueOf(c));
  return n;
}

export function outputsSize(outputs) {
  let n = 8;
  for (const o of outputs) n += 5 + changeBodySize(o.changes) + (o.input === undefined ? 0 : changeBodySize(o.input));
  return n;
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
    // Set when a value written would not decode to itself (see faithlessChanges).
    this.lossy = false;
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
    if (!s.isWellFormed()) this.lossy = true; // a lone surrogate is written as U+FFFD
    const { read, written } = encoder.encodeInto(s, this.bytes.subarray(at));
    if (read < s.length) {
      // Did not fit: report a position past the end, so that the caller writes again.
      this.pos = this.bytes.length + 4 * s.length;
      return;
    }
    this.u32(written);
    this.pos = at + written;
  }

  changeBody(changes) {
    this.u32(changes.length);
    for (const c of changes) {
      this.str(pathOf(c));
      this.value(valueOf(c));
    }
  }

  value(v) {
    if (v === null) this.bytes[this.pos++] = TAG.null;
    else if (v === undefined) {
      this.bytes[this.pos++] = TAG.undefined; // decodes to the engine's marker object
      this.lossy = true;
    } else if (isUndefinedMarker(v)) this.bytes[this.pos++] = TAG.undefined;
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
      // A class instance (a Date, a Map) comes back as a plain object of its own keys.
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) this.lossy = true;
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
  let faithless = null;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    w.str(pathOf(c));
    w.value(valueOf(c));
    if (w.lossy) {
      (faithless ??= new Set()).add(i);
      w.lossy = false;
    }
  }
  if (faithless) faithlessChanges.set(changes, faithless);
  else faithlessChanges.delete(changes);
  return w.pos - offset;
}

// For each change list last written by writeChanges, the indices of its changes that
// would not decode to themselves (an undefined, a class instance, a lone surrogate). A
// prepare answer that names such an input change (tag 10) gets the change as the engine
// read it, decoded from its layout, instead of the caller's own value.
const faithlessChanges = new WeakMap();

function asEngineRead(change) {
  const doc = { path: pathOf(change), value: valueOf(change) };
  return decodeDocument(encodeDocument(doc));
}

// Writes listener outputs ('BIO1', isOutputList) into `bytes` at `offset`; returns the
// bytes written (outputsSize(outputs); more than fit means the buffer was too small).
export function writeOutputs(outputs, bytes, offset = 0) {
  const w = new Writer(bytes, offset);
  w.u32(OUTPUTS_MAGIC);
  w.u32(outputs.length);
  for (const o of outputs) {
    w.u32(o.dispatch_id);
    w.bytes[w.pos++] = o.input === undefined ? 0 : 1;
    w.changeBody(o.changes);
    if (o.input !== undefined) w.changeBody(o.input);
  }
  return w.pos - offset;
}

export function encodeOutputs(outputs) {
  const bytes = new Uint8Array(outputsSize(outputs));
  writeOutputs(outputs, bytes);
  return bytes;
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

const PLAN_STRING_CACHED = 256;
let lastPlanStrings = []; // Reader.planStr

class Reader {
  // `input`: the change list the call wrote (writeChanges), which tag 10 refers to.
  constructor(bytes, input = null) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
    this.input = input;
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
  // `cachedUpTo`: the longest string looked up in the cache (a plan's topics repeat from
  // run to run, and are longer than most keys).
  str(cachedUpTo = 32) {
    const len = this.u32();
    const end = this.pos + len;
    if (end > this.bytes.length) this.fail('truncated string bytes');
    if (len <= cachedUpTo) {
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
          // As JSON.parse does: an own "__proto__" member, not the object's prototype.
          if (key === '__proto__') Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
          else out[key] = this.value();
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
      case TAG.plan: return this.compactPlan();
      case TAG.changeRefs: return this.changeRefs();
      default: return this.fail(`unknown value tag ${tag}`);
    }
  }

  // Tag 10: each entry is the index of an input change the answer repeats (the caller's
  // own path and value object are handed out again), or NO_REF and the change itself.
  changeRefs() {
    const n = this.count();
    const input = this.input;
    const faithless = input === null ? undefined : faithlessChanges.get(input);
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const ref = this.u32();
      if (ref === NO_REF) {
        const p = this.str();
        out[i] = { path: p, value: this.value() };
      } else if (input === null || ref >= input.length) {
        this.fail(`change reference ${ref} without a matching input change`);
      } else if (faithless?.has(ref)) {
        out[i] = asEngineRead(input[ref]);
      } else {
        const c = input[ref];
        out[i] = { path: pathOf(c), value: valueOf(c) };
      }
    }
    return out;
  }

  // u32 count + count × u32, as an array of numbers.
  ids() {
    const n = this.u32();
    if (this.pos + 4 * n > this.bytes.length) this.fail('truncated id list');
    const out = new Array(n);
    const view = this.view;
    let pos = this.pos;
    for (let i = 0; i < n; i++, pos += 4) out[i] = view.getUint32(pos, true);
    this.pos = pos;
    return out;
  }

  // A list's u32 count. Every entry takes at least 4 bytes: a count past that is a damaged header.
  count() {
    const n = this.u32();
    if (n > (this.bytes.length - this.pos) / 4) this.fail('truncated list');
    return n;
  }

  // A string of a compact plan, the `slot`-th one read: when it has the bytes of the
  // string at that place in the last plan decoded (a session's plans mostly repeat their
  // listeners and topics), that string again after one pass over the bytes; else as str().
  planStr(slot, strings) {
    const len = this.u32();
    const at = this.pos;
    if (at + len > this.bytes.length) this.fail('truncated string bytes');
    const last = lastPlanStrings[slot];
    if (last !== undefined && last.length === len) {
      const bytes = this.bytes;
      let k = 0;
      while (k < len && bytes[at + k] < 0x80 && last.charCodeAt(k) === bytes[at + k]) k++;
      if (k === len) {
        this.pos = at + len;
        strings[slot] = last;
        return last;
      }
    }
    this.pos = at - 4;
    const s = this.str(PLAN_STRING_CACHED);
    strings[slot] = s;
    return s;
  }

  // Tag 9 (wasm/bindings/BinaryResultWriter.h): the JSON compact plan's members in its order.
  compactPlan() {
    const strings = [];
    const n = this.count();
    const dispatches = new Array(n);
    for (let i = 0; i < n; i++) {
      const subscriber = this.planStr(strings.length, strings);
      const topic = this.planStr(strings.length, strings);
      if (this.pos >= this.bytes.length) this.fail('truncated scope flag');
      const scoped = this.bytes[this.pos++];
      if (scoped > 1) this.fail('scope flag must be 0 or 1');
      const scope = scoped ? this.planStr(strings.length, strings) : null;
      dispatches[i] = [subscriber, topic, scope, this.ids()];
    }
    const groups = new Array(this.count());
    for (let i = 0; i < groups.length; i++) groups[i] = [this.u32(), this.ids()];
    const propagation = new Array(this.count());
    for (let i = 0; i < propagation.length; i++) propagation[i] = this.ids();
    const prefixes = new Array(this.count());
    for (let i = 0; i < prefixes.length; i++) prefixes[i] = [this.u32(), this.u32(), this.str()];
    const cascade = new Array(this.count());
    for (let i = 0; i < cascade.length; i++) cascade[i] = this.ids();
    lastPlanStrings = strings;
    return { groups, dispatches, propagation, prefixes, cascade };
  }

  magic(expected, what) {
    if (this.u32() !== expected) this.fail(`not a binary ${what} (bad magic)`);
  }
}

// Reads a document (engine output) from a Uint8Array (e.g. a view of wasm memory).
// `input`: the change list the call sent (writeChanges), for the answers that refer to it.
export function decodeDocument(bytes, input = null) {
  const r = new Reader(bytes, input);
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
