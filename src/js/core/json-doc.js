// @ts-check
// The document a JSON Patch is applied to, as the Rust side holds it: a serde_json value with
// `preserve_order` (src/validate/patch.rs). JSON objects are `Obj`, an IndexMap twin, because
// two things the Rust engine reports depend on member order and plain JavaScript objects cannot
// keep it: serde_json's `Map::remove` is IndexMap's `swap_remove` (the last member takes the
// removed one's place), and JavaScript lists integer-like keys ("7") before the others whatever
// the insertion order. Issues of the patched document come in that order, so it is kept here
// and handed to the validators as it is (see `toPlain`).
//
// Values are null, booleans, numbers (never -0: the Rust side writes integral numbers as
// integers), strings, arrays and Obj; `undefined` means "nothing there".

import { utf8Length } from './utf8.js';

/** A JSON object with IndexMap's order rules. */
export class Obj {
  constructor() {
    /** @type {string[]} */
    this.keys = [];
    /** @type {unknown[]} */
    this.vals = [];
    /** @type {Map<string, number>} */
    this.at = new Map();
  }

  /** @param {string} k */
  get(k) {
    const i = this.at.get(k);
    return i === undefined ? undefined : this.vals[i];
  }

  /**
   * IndexMap::insert: a member that exists keeps its place, a new one goes last.
   * @param {string} k
   * @param {unknown} v
   */
  set(k, v) {
    const i = this.at.get(k);
    if (i !== undefined) {
      this.vals[i] = v;
      return;
    }
    this.at.set(k, this.keys.length);
    this.keys.push(k);
    this.vals.push(v);
  }

  /**
   * IndexMap::swap_remove (serde_json's `Map::remove` under `preserve_order`): the last member
   * moves into the removed one's place. The removed value, or undefined.
   * @param {string} k
   */
  remove(k) {
    const i = this.at.get(k);
    if (i === undefined) return undefined;
    const v = this.vals[i];
    const last = this.keys.length - 1;
    if (i !== last) {
      const lk = this.keys[last];
      this.keys[i] = lk;
      this.vals[i] = this.vals[last];
      this.at.set(lk, i);
    }
    this.keys.pop();
    this.vals.pop();
    this.at.delete(k);
    return v;
  }
}

/** RFC 6901 token decoding (`~1` → `/`, then `~0` → `~`). @param {string} t */
export function decode(t) {
  return t.indexOf('~') < 0 ? t : t.replace(/~1/g, '/').replace(/~0/g, '~');
}

const DIGITS = /^(?:0|[1-9][0-9]*)$/;

/**
 * An RFC 6901 array index below `length`: digits without a leading zero (serde_json's
 * `parse_index`, the patch module's `array_index`); -1 otherwise.
 * @param {string} t
 * @param {number} length
 */
export function arrayIndex(t, length) {
  if (!DIGITS.test(t)) return -1;
  const i = Number(t);
  return i < length ? i : -1;
}

/**
 * serde_json's `Value::pointer`: "" is the whole document, anything not starting with `/`
 * names nothing.
 * @param {unknown} doc
 * @param {string} ptr
 * @returns {unknown}
 */
export function lookup(doc, ptr) {
  if (ptr === '') return doc;
  if (ptr.charCodeAt(0) !== 47) return undefined;
  let cur = doc;
  let from = 1;
  for (;;) {
    const end = ptr.indexOf('/', from);
    const t = decode(end < 0 ? ptr.slice(from) : ptr.slice(from, end));
    if (cur instanceof Obj) cur = cur.get(t);
    else if (Array.isArray(cur)) {
      const i = arrayIndex(t, cur.length);
      cur = i < 0 ? undefined : cur[i];
    } else return undefined;
    if (cur === undefined || end < 0) return cur;
    from = end + 1;
  }
}

/**
 * serde_json's `==` on values read from JavaScript: numbers by value (1 equals 1.0: both are
 * written as integers), objects whatever their member order.
 * @param {unknown} a
 * @param {unknown} b
 * @returns {boolean}
 */
export function equal(a, b) {
  if (a === b) return true;
  if (a instanceof Obj) {
    if (!(b instanceof Obj) || a.keys.length !== b.keys.length) return false;
    for (let i = 0; i < a.keys.length; i++) {
      const y = b.get(a.keys[i]);
      if (y === undefined || !equal(a.vals[i], y)) return false;
    }
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  return false;
}

/**
 * A deep copy (what `copy` inserts).
 * @param {unknown} v
 * @returns {unknown}
 */
export function clone(v) {
  if (v instanceof Obj) {
    const o = new Obj();
    o.keys = v.keys.slice();
    o.vals = v.vals.map(clone);
    o.at = new Map(v.at);
    return o;
  }
  if (Array.isArray(v)) return v.map(clone);
  return v;
}

/**
 * The number of values in `v` (containers and scalars), the UTF-8 bytes of its strings and
 * member names, and its nesting depth in containers, without recursion (patch.rs `measure`).
 * @param {unknown} v
 * @returns {[number, number, number]} [values, bytes, depth]
 */
export function measure(v) {
  if (typeof v === 'string') return [1, utf8Length(v), 0];
  if (!(v instanceof Obj) && !Array.isArray(v)) return [1, 0, 0];
  // Containers only go on the stack; scalars are counted where they sit.
  /** @type {unknown[][]} */
  const stack = [];
  /** @type {number[]} */
  const levels = [];
  let values = 1;
  let bytes = 0;
  let depth = 0;
  /** @param {unknown} c @param {number} level */
  const push = (c, level) => {
    if (c instanceof Obj) {
      for (let i = 0; i < c.keys.length; i++) bytes += utf8Length(c.keys[i]);
      stack.push(c.vals);
    } else stack.push(/** @type {unknown[]} */ (c));
    levels.push(level);
  };
  push(v, 1);
  while (stack.length > 0) {
    const items = /** @type {unknown[]} */ (stack.pop());
    const level = /** @type {number} */ (levels.pop());
    if (level > depth) depth = level;
    values += items.length;
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (x instanceof Obj || Array.isArray(x)) push(x, level + 1);
      else if (typeof x === 'string') bytes += utf8Length(x);
    }
  }
  return [values, bytes, depth];
}

const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;

/**
 * Sets own member `k` of a plain object, as JSON.parse does (`__proto__` included).
 * @param {Record<string, unknown>} o
 * @param {string} k
 * @param {unknown} v
 */
function put(o, k, v) {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/**
 * The document as plain JavaScript (what JSON.parse of the Rust side's output gives), and, when
 * JavaScript would list some object's members in another order than the document holds them
 * (integer-like keys), a view of it for the validators whose objects list their members in the
 * document's order, so issues come in the Rust engine's order.
 * @param {unknown} doc
 * @returns {{ plain: unknown, view: unknown }}
 */
export function toPlain(doc) {
  let reordered = false;
  /** @param {unknown} v @returns {unknown} */
  const plain = (v) => {
    if (v instanceof Obj) {
      /** @type {Record<string, unknown>} */
      const o = {};
      for (let i = 0; i < v.keys.length; i++) put(o, v.keys[i], plain(v.vals[i]));
      if (!reordered && !sameOrder(o, v)) reordered = true;
      return o;
    }
    if (Array.isArray(v)) return v.map(plain);
    return v;
  };
  const out = plain(doc);
  return { plain: out, view: reordered ? view(doc) : out };
}

/** @param {object} o @param {Obj} v */
function sameOrder(o, v) {
  if (!v.keys.some((k) => INDEX_KEY.test(k))) return true;
  const ks = Object.keys(o);
  return ks.every((k, i) => k === v.keys[i]);
}

/**
 * Plain objects that list their members in `doc`'s order (a Proxy where JavaScript would not).
 * @param {unknown} v
 * @returns {unknown}
 */
function view(v) {
  if (v instanceof Obj) {
    /** @type {Record<string, unknown>} */
    const o = {};
    for (let i = 0; i < v.keys.length; i++) put(o, v.keys[i], view(v.vals[i]));
    if (sameOrder(o, v)) return o;
    const keys = v.keys;
    return new Proxy(o, { ownKeys: () => keys.slice() });
  }
  if (Array.isArray(v)) return v.map(view);
  return v;
}
