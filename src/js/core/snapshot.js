// @ts-check
// Reading a whole argument once, as JSON.stringify would, before anything is judged (and before
// the engine's client sends a body as JSON text, src/js/engine/args.js): every getter, proxy
// trap and toJSON runs exactly once, in the same order, and what throws or exceeds the reader's
// bounds is an Error naming the argument and the path. Nothing is written to the value read.
//
// Two results: `snapshot`, a copy the validators can judge (values JSON cannot carry are kept,
// a cycle stays a cycle, objects have no prototype), and `toDocument`, the document value
// (json-doc.js) the Rust side makes of it (`Value::to_json`: what JSON cannot carry becomes
// null, integral numbers are integers so -0 is 0).

import { LIMITS } from './gen/tables.js';
import { Obj } from './json-doc.js';
import { describeThrown, pointer, usageError } from './runtime.js';

/** A bound was hit while reading. */
class Limit {
  /** @param {string} message */
  constructor(message) {
    this.message = message;
    /** @type {(string | number)[]} */
    this.path = [];
  }
}

/** Something the value threw, on its way up with the path it was thrown at. */
class Thrown {
  /** @param {unknown} cause */
  constructor(cause) {
    this.cause = cause;
    /** @type {(string | number)[]} */
    this.path = [];
  }
}

/**
 * JSON.stringify's view of `v` at `key`: after `toJSON(key)`, unboxed.
 * @param {unknown} v
 * @param {string | number} key
 */
function resolve(v, key) {
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    const toJSON = /** @type {any} */ (v).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
  }
  if (typeof v === 'object' && v !== null) {
    if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  }
  return v;
}

/** What JSON.stringify leaves out of objects (and writes as null in arrays). @param {unknown} v */
function omitted(v) {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * @typedef {{ leaf: (v: unknown) => unknown, cycle: (c: any) => unknown, array: () => any, object: () => any,
 *   push: (c: any, v: unknown) => void, set: (c: any, k: string, v: unknown) => void }} Builder
 *   what a read makes of leaves (not objects or arrays), of a cycle (from the copy of the
 *   ancestor it refers to) and of containers
 */

/**
 * Reads `value` (the argument called `arg`) with `build`.
 * @param {unknown} value
 * @param {string} arg
 * @param {Builder} build
 * @returns {unknown}
 */
function read(value, arg, build) {
  /** @type {object[]} */
  const anc = [];
  /** @type {unknown[]} */
  const copies = [];
  let budget = LIMITS.maxValues;
  /** @param {unknown} v @returns {unknown} */
  const walk = (v) => {
    if (typeof v !== 'object' || v === null) return build.leaf(v);
    for (let i = 0; i < anc.length; i++) if (anc[i] === v) return build.cycle(copies[i]);
    if (anc.length >= LIMITS.maxDepth) throw new Limit(`is nested more than ${LIMITS.maxDepth} levels deep`);
    let k;
    try {
      if (Array.isArray(v)) {
        const n = v.length;
        if ((budget -= n) < 0) throw new Limit(`holds more than ${LIMITS.maxValues} items and members`);
        const out = build.array();
        anc.push(v);
        copies.push(out);
        for (k = 0; k < n; k++) {
          const x = resolve(v[k], k);
          build.push(out, omitted(x) ? null : walk(x));
        }
        anc.pop();
        copies.pop();
        return out;
      }
      const keys = Object.keys(v);
      if ((budget -= keys.length) < 0) throw new Limit(`holds more than ${LIMITS.maxValues} items and members`);
      const out = build.object();
      anc.push(v);
      copies.push(out);
      for (let i = 0; i < keys.length; i++) {
        k = keys[i];
        const x = resolve(/** @type {any} */ (v)[k], k);
        if (!omitted(x)) build.set(out, k, walk(x));
      }
      anc.pop();
      copies.pop();
      return out;
    } catch (e) {
      const carried = e instanceof Limit || e instanceof Thrown ? e : new Thrown(e);
      if (k !== undefined) carried.path.unshift(k);
      throw carried;
    }
  };
  try {
    return walk(resolve(value, ''));
  } catch (e) {
    const carried = e instanceof Limit || e instanceof Thrown ? e : new Thrown(e);
    const where = carried.path.length ? `"${pointer(carried.path)}"` : 'the value';
    if (carried instanceof Limit) throw usageError(`${arg}: cannot validate ${where}: it ${carried.message}`);
    const err = usageError(`${arg}: reading ${where} threw: ${describeThrown(carried.cause)}`);
    Object.defineProperty(err, 'cause', { value: carried.cause, writable: true, configurable: true });
    throw err;
  }
}

/** @type {Builder} */
const SNAPSHOT = {
  leaf: (v) => v,
  cycle: (c) => c,
  array: () => [],
  object: () => Object.create(null),
  push: (c, v) => c.push(v),
  set: (c, k, v) => {
    c[k] = v;
  },
};

/**
 * A copy of `value` as JSON.stringify sees it, for the validators: values JSON cannot carry
 * (BigInt, NaN, ±Infinity, undefined / a function / a symbol at the root) are kept, an object
 * that contains itself still does. Throws a usage Error naming `arg` for what cannot be read.
 * @param {unknown} value
 * @param {string} arg
 */
export function snapshot(value, arg) {
  return read(value, arg, SNAPSHOT);
}

/**
 * A JSON value as the Rust side's `to_json` writes it: what JSON cannot carry is null.
 * @param {unknown} v
 */
export function jsonLeaf(v) {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v !== v || v === Infinity || v === -Infinity ? null : v === 0 ? 0 : v;
    default:
      return null;
  }
}

/** @type {Builder} */
const DOCUMENT = {
  leaf: jsonLeaf,
  cycle: () => null,
  array: () => [],
  object: () => new Obj(),
  push: (c, v) => c.push(v),
  set: (c, k, v) => c.set(k, v),
};

/**
 * `value` as a document (json-doc.js), read as `snapshot` reads it.
 * @param {unknown} value
 * @param {string} arg
 */
export function readDocument(value, arg) {
  return read(value, arg, DOCUMENT);
}

/**
 * A snapshot's JSON value as a document (an operation's `value`, already judged JSON by the
 * validators; anything else would become null, as in Rust).
 * @param {unknown} v
 * @returns {unknown}
 */
export function toDocument(v) {
  if (typeof v !== 'object' || v === null) return jsonLeaf(v);
  if (Array.isArray(v)) return v.map(toDocument);
  const o = new Obj();
  for (const k of Object.keys(v)) o.set(k, toDocument(/** @type {any} */ (v)[k]));
  return o;
}
