// @ts-check
// What the engine's wrappers do with the caller's arguments before anything crosses into
// WebAssembly: a value is read once, as JSON.stringify would, bounded, and crosses as JSON text;
// options are read once into a plain object of their own; bytes must be real typed arrays or
// ArrayBuffers (checked by their internal slots, so a Proxy, a lying `byteLength` getter or a
// detached buffer is a TypeError before any of it is used) and cross in chunks, views of the
// caller's buffer the engine copies synchronously (`chunks`: no public function hands out a view
// of the engine's own memory, the one buffer its allocation could detach); strings cross as
// UTF-8 in chunks, never whole. Whatever the caller's code
// throws while being read becomes a TypeError naming the argument and the path. So no JavaScript
// exception can unwind through a wasm frame and no argument can reach wasm-bindgen's own
// conversions, which trust their input (src/wasm/args.rs is the floor under these checks).

import { __snapshot as snapshot, __describeThrown as describeThrown, __pointer as pointer } from '../core/index.js';
import { PREFIX } from '../core/gen/contract.js';
import { Utf8Encoder } from './utf8.js';

/**
 * A TypeError whose message starts with the package name.
 * @param {string} message
 */
export function typeError(message) {
  return new TypeError(PREFIX + message);
}

/**
 * A short description of an argument's type that runs none of its code (a revoked Proxy
 * throws from `Array.isArray`).
 * @param {unknown} v
 */
export function describe(v) {
  if (v === null) return 'null';
  const t = typeof v;
  if (t === 'object') {
    try {
      return Array.isArray(v) ? 'an array' : 'an object';
    } catch {
      return 'a revoked proxy';
    }
  }
  return t === 'undefined' ? 'undefined' : `a ${t}`;
}

/**
 * The caller's options object read once into a plain object of the `names` given (each read
 * through try/catch: a getter or a proxy trap that throws is a TypeError naming it, never the
 * default). `undefined` and `null` mean no options.
 * @param {unknown} options
 * @param {string} fn the function, for messages
 * @param {readonly string[]} names
 * @returns {Record<string, unknown> | undefined}
 */
export function plainOptions(options, fn, names) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw typeError(`${fn}: options must be an object such as { abortEarly: true }, not ${describe(options)}`);
  }
  /** @type {Record<string, unknown>} */
  const out = Object.create(null);
  for (const name of names) {
    let v;
    try {
      v = /** @type {any} */ (options)[name];
    } catch (e) {
      throw typeError(`${fn}: reading options.${name} threw: ${describeThrown(e)}`);
    }
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/**
 * The own enumerable keys of an object and their values, each read once (a getter or trap that
 * throws is a TypeError naming it).
 * @param {object} o
 * @param {string} what
 * @returns {[string, unknown][]}
 */
export function ownEntries(o, what) {
  let keys;
  try {
    keys = Object.keys(o);
  } catch (e) {
    throw typeError(`${what}: reading its keys threw: ${describeThrown(e)}`);
  }
  return keys.map((k) => {
    try {
      return [k, /** @type {any} */ (o)[k]];
    } catch (e) {
      throw typeError(`${what}: reading ${k} threw: ${describeThrown(e)}`);
    }
  });
}

/**
 * `value` as JSON text, read once as JSON.stringify would (toJSON, boxed primitives, omitted
 * members), bounded in depth and size (core/snapshot.js); `undefined` when JSON.stringify would
 * write nothing (undefined, a function or a symbol). A BigInt or a cycle, which JSON.stringify
 * throws on, and, in a query (`finite`), NaN and ±Infinity, which it would silently turn into
 * null, are TypeErrors naming their path. So is text longer than `maxUnits`.
 * @param {unknown} value
 * @param {string} what the argument, for messages (`sites.create: the body`)
 * @param {number} maxUnits
 * @param {{ finite?: boolean }} [how]
 * @returns {string | undefined}
 */
export function jsonText(value, what, maxUnits, how = {}) {
  let snap;
  try {
    snap = snapshot(value, what);
  } catch (e) {
    throw typeError(String(/** @type {Error} */ (e).message).replace(PREFIX, ''));
  }
  const bad = unsendable(snap, [], [], how.finite === true);
  if (bad !== null) {
    const where = bad.path.length ? `"${pointer(bad.path)}"` : 'the root';
    throw typeError(`${what} cannot be sent as JSON: ${bad.what} at ${where}`);
  }
  const text = JSON.stringify(snap);
  if (text !== undefined && text.length > maxUnits) {
    throw typeError(`${what} is larger than ${maxUnits} characters of JSON`);
  }
  return text;
}

/**
 * The first value of a snapshot JSON cannot carry, and its path.
 * @param {unknown} v
 * @param {(string | number)[]} path
 * @param {object[]} ancestors
 * @param {boolean} finite NaN and ±Infinity too
 * @returns {{ what: string, path: (string | number)[] } | null}
 */
function unsendable(v, path, ancestors, finite) {
  if (typeof v === 'bigint') return { what: 'a bigint', path: path.slice() };
  if (finite && typeof v === 'number' && !Number.isFinite(v)) return { what: String(v), path: path.slice() };
  if (typeof v !== 'object' || v === null) return null;
  if (ancestors.includes(v)) return { what: 'a cycle', path: path.slice() };
  ancestors.push(v);
  const entries = Array.isArray(v) ? v.map((x, i) => /** @type {[number, unknown]} */ ([i, x])) : Object.entries(v);
  for (const [k, x] of entries) {
    path.push(k);
    const found = unsendable(x, path, ancestors, finite);
    path.pop();
    if (found !== null) return found;
  }
  ancestors.pop();
  return null;
}

// ---- bytes ----------------------------------------------------------------------------------

/** A getter of a prototype, called on the value itself: brand-checked, so a Proxy or a look-alike throws. */
const getter = (/** @type {object} */ proto, /** @type {string} */ name) =>
  /** @type {(this: unknown) => any} */ (/** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(proto, name)).get);
const TYPED = Object.getPrototypeOf(Uint8Array.prototype);
const typedBuffer = getter(TYPED, 'buffer');
const typedOffset = getter(TYPED, 'byteOffset');
const typedLength = getter(TYPED, 'byteLength');
const viewBuffer = getter(DataView.prototype, 'buffer');
const viewOffset = getter(DataView.prototype, 'byteOffset');
const viewLength = getter(DataView.prototype, 'byteLength');
const bufferLength = getter(ArrayBuffer.prototype, 'byteLength');
const sharedLength = typeof SharedArrayBuffer === 'function' ? getter(SharedArrayBuffer.prototype, 'byteLength') : null;

/**
 * The bytes of `input` as a Uint8Array over the same memory (not copied), read only through
 * the intrinsic getters: a real ArrayBufferView (Buffer, any typed array, DataView) or an
 * ArrayBuffer / SharedArrayBuffer. Anything else, a detached buffer included, is a TypeError.
 * @param {unknown} input
 * @param {string} what
 * @returns {Uint8Array}
 */
export function byteView(input, what) {
  let isView = false;
  try {
    isView = ArrayBuffer.isView(input);
  } catch {
    isView = false;
  }
  if (isView) {
    let buffer;
    let offset;
    let length;
    try {
      buffer = typedBuffer.call(input);
      offset = typedOffset.call(input);
      length = typedLength.call(input);
    } catch {
      try {
        buffer = viewBuffer.call(input);
        offset = viewOffset.call(input);
        length = viewLength.call(input);
      } catch {
        throw typeError(`${what}: its ArrayBuffer is detached`);
      }
    }
    return bytesOf(buffer, offset, length, what);
  }
  if (typeof input === 'object' && input !== null) {
    for (const measure of [bufferLength, sharedLength]) {
      if (measure === null) continue;
      let length;
      try {
        length = measure.call(input);
      } catch {
        continue;
      }
      return bytesOf(/** @type {ArrayBufferLike} */ (input), 0, length, what);
    }
  }
  throw typeError(
    `${what} must be a string, a Uint8Array (Buffer), another ArrayBufferView or an ArrayBuffer, not ${describe(input)}`,
  );
}

/**
 * @param {ArrayBufferLike} buffer @param {number} offset @param {number} length @param {string} what
 * @returns {Uint8Array}
 */
function bytesOf(buffer, offset, length, what) {
  try {
    return new Uint8Array(buffer, offset, length);
  } catch {
    throw typeError(`${what}: its ArrayBuffer is detached`);
  }
}

const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : new Utf8Encoder();

/**
 * `input` (a string, or bytes as `byteView` takes them) in Uint8Arrays of at most about
 * `chunkBytes` each, for the engine to copy one at a time: a string is encoded piece by piece
 * (never whole; a lone surrogate becomes U+FFFD), bytes are handed over as views of the
 * caller's buffer, not copies: the engine copies each view into its memory before it reads a
 * byte, synchronously, so no caller code runs in between (a copy here cost 4% of a bulk call
 * and its garbage).
 * @param {unknown} input
 * @param {string} what
 * @param {number} chunkBytes
 * @returns {Generator<Uint8Array>}
 */
export function* chunks(input, what, chunkBytes) {
  if (typeof input === 'string') {
    const units = Math.max(1, Math.floor(chunkBytes / 3));
    const out = new Uint8Array(units * 3 + 4);
    for (let i = 0; i < input.length; ) {
      let end = Math.min(input.length, i + units);
      // Keep a surrogate pair whole.
      const last = input.charCodeAt(end - 1);
      if (end < input.length && last >= 0xd800 && last <= 0xdbff) end++;
      const { written } = encoder.encodeInto(input.slice(i, end), out);
      yield out.slice(0, written);
      i = end;
    }
    return;
  }
  const view = byteView(input, what);
  for (let i = 0; i < view.length; i += chunkBytes) yield view.subarray(i, Math.min(view.length, i + chunkBytes));
}

/**
 * `input` (a string, or bytes as `byteView` takes them) as one fresh Uint8Array of at most
 * `maxBytes` (for the calls that take their input whole, `csvRecords`).
 * @param {unknown} input
 * @param {string} what
 * @param {number} maxBytes
 */
export function wholeBytes(input, what, maxBytes) {
  if (typeof input === 'string') {
    if (input.length > maxBytes) throw new Error(`${PREFIX}${what} is larger than ${maxBytes} bytes`);
    const out = encoder.encode(input);
    if (out.length > maxBytes) throw new Error(`${PREFIX}${what} is larger than ${maxBytes} bytes`);
    return out;
  }
  const view = byteView(input, what);
  if (view.length > maxBytes) throw new Error(`${PREFIX}${what} is larger than ${maxBytes} bytes`);
  return view.slice();
}
