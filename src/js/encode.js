// Encodes any JavaScript value for the validator in one pass, with JSON.stringify's meaning:
// toJSON() is honoured (a Date becomes its ISO string), boxed primitives count as their value,
// undefined / functions / symbols are left out of objects and become null in arrays. Values
// JSON cannot carry (BigInt, NaN, ±Infinity, a cycle, undefined at the root) are encoded as
// "foreign" markers, so the validator can report them at their path instead of throwing.
//
// Why not JSON.stringify + JSON text: it throws on BigInt and cycles, silently turns NaN into
// null, can spin for minutes on a sparse array of length 2^32-1, and the text must then be
// parsed again in wasm. This encoder writes the structure as compact binary and every string
// (keys and values) into ONE text, which wasm-bindgen copies into wasm memory with a single
// native `encodeInto` (per-character JS loops measured 2x slower). Read by src/wasm/from_js.rs.
//
// Structure: one tag byte per value, then
//   NUMBER  f64 little-endian          STRING  u32 UTF-16 length of its text (the next
//   ARRAY / OBJECT  items … END                 that many code units of `text`)
//   FOREIGN one kind byte              (an object item is its key, as a STRING, then its value)
// Lone surrogates become U+FFFD on the way into wasm, which no pattern of the API accepts.

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, ARRAY = 5, OBJECT = 6, END = 7, FOREIGN = 8;
const UNDEFINED = 0, BIGINT = 1, SYMBOL = 2, FUNCTION = 3, NAN = 4, INFINITY = 5, CYCLE = 6;

/** Deepest nesting accepted (API bodies are a few levels deep). */
const MAX_DEPTH = 256;
/** Most array items + object members read from one value (a 1000-site customer is ~60,000). */
const MAX_VALUES = 4_000_000;
/** A scratch buffer above this size is dropped after use rather than kept. */
const KEEP_BYTES = 1 << 20;

let buf = new Uint8Array(1 << 12);
let view = new DataView(buf.buffer);
let pos = 0;
let text = '';
let budget = 0;
let depth = 0;
const ancestors = [];
const path = [];

function grow(need) {
  let cap = buf.length * 2;
  while (cap < pos + need) cap *= 2;
  const next = new Uint8Array(cap);
  next.set(buf.subarray(0, pos));
  buf = next;
  view = new DataView(buf.buffer);
}

function string(s) {
  if (pos + 5 > buf.length) grow(5);
  const b = buf;
  const n = s.length;
  b[pos] = STRING;
  b[pos + 1] = n & 0xff;
  b[pos + 2] = (n >>> 8) & 0xff;
  b[pos + 3] = (n >>> 16) & 0xff;
  b[pos + 4] = n >>> 24;
  pos += 5;
  text += s;
}

function tag(t) {
  if (pos + 9 > buf.length) grow(9);
  buf[pos++] = t;
}

function foreign(kind) {
  tag(FOREIGN);
  buf[pos++] = kind;
}

/** A bound was hit; turned into an Error naming the path at the top. */
class Limit {
  constructor(message) {
    this.message = message;
  }
}

function pointer(segments) {
  return segments.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Members JSON.stringify leaves out of objects (and writes as null in arrays). */
function omitted(v) {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What JSON.stringify serialises for `v` at `key`: after toJSON(key), unboxed. */
function resolve(v, key) {
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    if (typeof v.toJSON === 'function') v = v.toJSON(String(key));
  }
  if (typeof v === 'object' && v !== null) {
    if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  }
  return v;
}

function emit(v) {
  switch (typeof v) {
    case 'string':
      return string(v);
    case 'number':
      if (v !== v) return foreign(NAN);
      if (v === Infinity || v === -Infinity) return foreign(INFINITY);
      tag(NUMBER);
      view.setFloat64(pos, v, true);
      pos += 8;
      return;
    case 'boolean':
      return tag(v ? TRUE : FALSE);
    case 'undefined':
      return foreign(UNDEFINED);
    case 'bigint':
      return foreign(BIGINT);
    case 'symbol':
      return foreign(SYMBOL);
    case 'function':
      return foreign(FUNCTION);
  }
  if (v === null) return tag(NULL);
  for (let i = 0; i < depth; i++) if (ancestors[i] === v) return foreign(CYCLE);
  if (depth >= MAX_DEPTH) throw new Limit(`is nested more than ${MAX_DEPTH} levels deep`);
  ancestors[depth++] = v;
  if (Array.isArray(v)) {
    const n = v.length;
    budget -= n;
    if (budget < 0) throw new Limit(`holds more than ${MAX_VALUES} items and members`);
    tag(ARRAY);
    let i = 0;
    try {
      for (; i < n; i++) {
        const item = resolve(v[i], i);
        if (omitted(item)) tag(NULL);
        else emit(item);
      }
    } catch (e) {
      path.unshift(i); // the path is only built when something throws
      throw e;
    }
  } else {
    const keys = Object.keys(v);
    budget -= keys.length;
    if (budget < 0) throw new Limit(`holds more than ${MAX_VALUES} items and members`);
    tag(OBJECT);
    let k;
    try {
      for (let i = 0; i < keys.length; i++) {
        k = keys[i];
        const item = resolve(v[k], k);
        if (!omitted(item)) {
          string(k);
          emit(item);
        }
      }
    } catch (e) {
      path.unshift(k);
      throw e;
    }
  }
  tag(END);
  ancestors[--depth] = undefined;
}

/**
 * Encodes `v`; returns the structure (a view into a scratch buffer, valid until the next
 * call) ending with the text's UTF-16 length (u32), and keeps the text for `takeText`. Throws an Error naming the path when a getter,
 * proxy or toJSON throws, or when a size or depth bound is hit.
 */
export function encodeValue(v) {
  pos = 0;
  text = '';
  budget = MAX_VALUES;
  depth = 0;
  path.length = 0;
  try {
    emit(resolve(v, ''));
  } catch (e) {
    ancestors.fill(undefined, 0, depth);
    text = '';
    const where = path.length ? `"${pointer(path)}"` : 'the value';
    if (e instanceof Limit) throw new Error(`elevate-billing: cannot validate ${where}: it ${e.message}`);
    throw new Error(`elevate-billing: reading ${where} threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  // The text's UTF-16 length rides at the end of the structure (saves a call from wasm).
  if (pos + 4 > buf.length) grow(4);
  const n = text.length;
  buf[pos] = n & 0xff;
  buf[pos + 1] = (n >>> 8) & 0xff;
  buf[pos + 2] = (n >>> 16) & 0xff;
  buf[pos + 3] = n >>> 24;
  pos += 4;
  const out = buf.subarray(0, pos);
  if (buf.length > KEEP_BYTES) {
    // Hand out the big buffer this once; the next call starts small again.
    buf = new Uint8Array(1 << 12);
    view = new DataView(buf.buffer);
  }
  return out;
}

const utf8 = new TextEncoder();

/**
 * Writes the text of the last `encodeValue` as UTF-8 into `memory` (the calling wasm
 * instance's) at `ptr`, room for `cap` bytes (3 per UTF-16 code unit), with one native
 * encodeInto, and forgets it. Returns the number of bytes written.
 */
export function takeText(memory, ptr, cap) {
  const written = utf8.encodeInto(text, new Uint8Array(memory.buffer, ptr, cap)).written;
  text = '';
  return written;
}

/**
 * Writes the string `s` as UTF-8 into `memory` at `ptr` (room for `cap` bytes) with one
 * native encodeInto; returns the number of bytes written. For large inputs (NDJSON).
 */
export function writeString(memory, s, ptr, cap) {
  return utf8.encodeInto(s, new Uint8Array(memory.buffer, ptr, cap)).written;
}

/** The result of a valid call: built here, where it costs one allocation, not in wasm. */
export function validResult() {
  return { valid: true, errors: [] };
}
