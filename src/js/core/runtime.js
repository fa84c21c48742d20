// @ts-check
// The runtime of the generated validators (validators.js, written from the Rust model by
// `elevate-codegen js`): reading a JavaScript value as JSON.stringify would send it, and
// collecting issues in document order. It is the JavaScript twin of the Rust engine
// (src/validate/engine/): tests/js/differential-engine.test.mjs holds the two to the same
// issues on generated payloads.
//
// Reading (JSON.stringify's meaning): toJSON(key) is honoured, boxed primitives count as their
// value, undefined / functions / symbols are left out of objects (and are null in arrays).
// Values JSON cannot carry are issues at their path rather than exceptions: a BigInt, NaN,
// ±Infinity, an object that contains itself (`cycle`), and at the root undefined, a function
// or a symbol. A getter, proxy trap or toJSON that throws becomes an Error naming the path.
//
// Issues: each carries the document position of its path (member index among the members
// JSON.stringify writes, array index; fields that are missing come after every member, in
// schema order) and the list is stably sorted by it at the end, so the order rules are
// checked in does not matter. Under abortEarly the first issue found is the only one kept,
// and nothing after it is read.

import { LIMITS } from './gen/tables.js';

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
export const OMIT = Symbol('omitted');

const PREFIX = 'elevate-billing: ';

/**
 * JSON.stringify's view of `v` at `key`: after `toJSON(key)`, unboxed; OMIT for undefined,
 * functions and symbols.
 * @param {unknown} v
 * @param {string | number} key
 * @returns {unknown}
 */
export function read(v, key) {
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return v;
  if (v === null) return v;
  if (t === 'object' || t === 'bigint') {
    const toJSON = /** @type {any} */ (v).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
    if (typeof v === 'object' && v !== null) {
      if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
    }
    const u = typeof v;
    if (u === 'undefined' || u === 'function' || u === 'symbol') return OMIT;
    return v;
  }
  return OMIT;
}

/**
 * The JSON type name of a read value, or the JavaScript name of one JSON cannot carry
 * (`bigint`, `NaN`, `Infinity`, and at the root `undefined`, `function`, `symbol`).
 * @param {unknown} x
 */
export function typeName(x) {
  switch (typeof x) {
    case 'string':
      return 'string';
    case 'number':
      return x !== x ? 'NaN' : x === Infinity || x === -Infinity ? 'Infinity' : 'number';
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'bigint';
    case 'object':
      return x === null ? 'null' : Array.isArray(x) ? 'array' : 'object';
    default:
      return typeof x;
  }
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. @param {string | number} s */
export function escapeSegment(s) {
  const t = String(s);
  return t.indexOf('~') < 0 && t.indexOf('/') < 0 ? t : t.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** @param {ReadonlyArray<string | number>} segs */
export function pointer(segs) {
  let p = '';
  for (const s of segs) p += '/' + escapeSegment(s);
  return p;
}

/** A bound of LIMITS was hit: becomes an Error naming the path. */
class Limit {
  /** @param {string} message */
  constructor(message) {
    this.message = message;
    /** @type {(string | number)[]} */
    this.path = [];
  }
}

/** Carries a thrown value up the walk while the path of the throw is collected. */
class Thrown {
  /** @param {unknown} cause */
  constructor(cause) {
    this.cause = cause;
    /** @type {(string | number)[]} */
    this.path = [];
  }
}

/**
 * @typedef {{ path: string, code: string, params: Record<string, unknown> }} RawIssue
 * @typedef {{ segs: (string | number)[], at: number[], code: string, params: Record<string, unknown> }} Found
 */

/** The state of one validation: the path being read, the issues found, the bounds left. */
export class Ctx {
  /**
   * @param {boolean} abortEarly stop at the first issue
   * @param {boolean} reportUnknown report members the schema does not define
   */
  constructor(abortEarly, reportUnknown) {
    this.abort = abortEarly;
    this.unknown = reportUnknown;
    /** @type {Found[]} */
    this.found = [];
    /** @type {(string | number)[]} */
    this.segs = [];
    /** @type {number[]} */
    this.pos = [];
    /** @type {object[]} objects being read, for cycles */
    this.anc = [];
    this.budget = LIMITS.maxValues;
  }

  /** True once an issue is kept under abortEarly: nothing more is read or reported. */
  done() {
    return this.abort && this.found.length > 0;
  }

  /**
   * Reports an issue at the current path plus `k` (member name or array index; `null` for none)
   * at document position `mi`.
   * @param {string | number | null} k
   * @param {number} mi
   * @param {string} code
   * @param {Record<string, unknown>} params
   */
  e(k, mi, code, params) {
    if (this.abort && this.found.length > 0) return;
    const segs = this.segs.slice();
    const at = this.pos.slice();
    if (k !== null) {
      segs.push(k);
      at.push(mi);
    }
    this.found.push({ segs, at, code, params });
  }

  /** @param {string | number | null} k @param {number} mi */
  into(k, mi) {
    if (k === null) return;
    this.segs.push(k);
    this.pos.push(mi);
  }

  /** @param {string | number | null} k */
  out(k) {
    if (k === null) return;
    this.segs.pop();
    this.pos.pop();
  }

  /**
   * The own enumerable keys of `o`, counted against the member budget.
   * @param {object} o
   */
  keys(o) {
    const ks = Object.keys(o);
    if ((this.budget -= ks.length) < 0) throw new Limit(`holds more than ${LIMITS.maxValues} items and members`);
    return ks;
  }

  /**
   * The length of array `a`, counted against the budget.
   * @param {unknown[]} a
   */
  len(a) {
    const n = a.length;
    if ((this.budget -= n) < 0) throw new Limit(`holds more than ${LIMITS.maxValues} items and members`);
    return n;
  }

  /**
   * Enters object or array `o` (cycle and depth checks). False for a cycle, which the caller
   * reports as a `type` issue.
   * @param {object} o
   */
  enter(o) {
    const anc = this.anc;
    for (let i = 0; i < anc.length; i++) if (anc[i] === o) return false;
    if (anc.length >= LIMITS.maxDepth) throw new Limit(`is nested more than ${LIMITS.maxDepth} levels deep`);
    anc.push(o);
    return true;
  }

  leave() {
    this.anc.pop();
  }

  /**
   * Adds `k` to the path of something thrown while reading member or item `k`.
   * @param {unknown} e
   * @param {string | number | undefined} k
   */
  fail(e, k) {
    const t = e instanceof Thrown || e instanceof Limit ? e : new Thrown(e);
    if (k !== undefined) t.path.unshift(k);
    return t;
  }

  /**
   * Reads a member the schema does not define, as JSON.stringify would (for throwing getters
   * and bounds), without judging it; reports it under `unknownFields: 'report'`.
   * @param {unknown} x the member, already read
   * @param {string} k
   * @param {number} mi
   */
  skip(x, k, mi) {
    if (this.unknown) this.e(k, mi, 'unknownField', {});
    if (typeof x === 'object' && x !== null) this.drain(x);
  }

  /**
   * Reads a value JSON.stringify would send, judging nothing.
   * @param {object} o
   */
  drain(o) {
    if (this.done() || !this.enter(o)) return;
    let k;
    try {
      if (Array.isArray(o)) {
        const n = this.len(o);
        for (k = 0; k < n; k++) {
          const x = read(o[k], k);
          if (typeof x === 'object' && x !== null) this.drain(x);
        }
      } else {
        const ks = this.keys(o);
        for (let i = 0; i < ks.length; i++) {
          k = ks[i];
          const x = read(/** @type {any} */ (o)[k], k);
          if (typeof x === 'object' && x !== null) this.drain(x);
        }
      }
    } catch (e) {
      throw this.fail(e, k);
    }
    this.leave();
  }

  /**
   * Any JSON value (a JSON Patch `value`): values JSON cannot carry are `type` issues at
   * their paths.
   * @param {unknown} x the value, already read (OMIT only at the root)
   * @param {string | number | null} k
   * @param {number} mi
   */
  any(x, k, mi) {
    if (this.done()) return;
    const t = typeName(x);
    if (t === 'object' || t === 'array') {
      const o = /** @type {object} */ (x);
      if (!this.enter(o)) return this.e(k, mi, 'type', { expected: 'json', actual: 'cycle' });
      this.into(k, mi);
      let j;
      try {
        if (Array.isArray(o)) {
          const n = this.len(o);
          for (j = 0; j < n; j++) {
            const y = read(o[j], j);
            this.any(y === OMIT ? null : y, j, j);
          }
        } else {
          const ks = this.keys(o);
          let m = 0;
          for (let i = 0; i < ks.length; i++) {
            j = ks[i];
            const y = read(/** @type {any} */ (o)[j], j);
            if (y !== OMIT) this.any(y, j, m++);
          }
        }
      } catch (e) {
        throw this.fail(e, j);
      }
      this.out(k);
      this.leave();
    } else if (t !== 'string' && t !== 'number' && t !== 'boolean' && t !== 'null') {
      this.e(k, mi, 'type', { expected: 'json', actual: x === OMIT ? 'undefined' : t });
    }
  }

  /**
   * The issues found, in document order, as `{ path, code, params }`.
   * @returns {RawIssue[]}
   */
  issues() {
    const f = this.found;
    if (f.length > 1) f.sort(byPosition);
    return f.map((i) => ({ path: pointer(i.segs), code: i.code, params: i.params }));
  }
}

/** @param {Found} a @param {Found} b */
function byPosition(a, b) {
  const x = a.at;
  const y = b.at;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Runs `walk` and turns what it throws into an Error naming the path (a getter, proxy trap or
 * toJSON that threw, or a bound that was hit).
 * @template T
 * @param {() => T} walk
 * @param {ReadonlyArray<string | number>} [base] the path the walk starts below
 * @returns {T}
 */
export function guarded(walk, base = []) {
  try {
    return walk();
  } catch (e) {
    if (e instanceof Limit) {
      const path = [...base, ...e.path];
      const where = path.length ? `"${pointer(path)}"` : 'the value';
      throw new Error(`${PREFIX}cannot validate ${where}: it ${e.message}`);
    }
    if (e instanceof Thrown) {
      const path = [...base, ...e.path];
      const where = path.length ? `"${pointer(path)}"` : 'the value';
      const cause = e.cause;
      const message = describeThrown(cause);
      throw new Error(`${PREFIX}reading ${where} threw: ${message}`, { cause });
    }
    throw e;
  }
}

/**
 * What was thrown, in words, without letting a hostile error object throw again.
 * @param {unknown} cause
 */
export function describeThrown(cause) {
  try {
    if (cause instanceof Error) return String(cause.message);
    return String(cause);
  } catch {
    return 'a value that cannot be shown';
  }
}

// ---- checks the generated code calls ---------------------------------------------------

/** Calendar check of `yyyy-MM-dd` at the start of `s` (digits already checked). @param {string} s */
function calendar(s) {
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A real calendar date `yyyy-MM-dd` (decisions R8). @param {string} s */
export function isDate(s) {
  return DATE.test(s) && calendar(s);
}

/**
 * RFC 3339 as decisions R8 reads it; `lexical` is the generated DATE_TIME_PATTERN.
 * @param {string} s
 * @param {RegExp} lexical
 */
export function isDateTime(s, lexical) {
  return lexical.test(s) && calendar(s);
}

/** RFC 6901: empty, or `/`-separated tokens where `~` is followed by `0` or `1`. @param {string} s */
export function isJsonPointer(s) {
  return s === '' || (s.charCodeAt(0) === 47 && !/~(?![01])/.test(s));
}

/**
 * Code points of `s` (a surrogate pair is one, a lone surrogate is one).
 * @param {string} s
 */
export function codePoints(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * @typedef {{ class: RegExp, min: number, max: number, empty: boolean }} ClassPattern
 *   "characters of one class, count in [min, max]" (or empty when `empty`); `class` finds a
 *   character outside the class
 * @typedef {{ whole: RegExp }} RegexPattern  any other pattern, anchored at both ends
 * @typedef {{ match: (s: string) => boolean }} EnginePattern  matched by the regex engine
 * @typedef {ClassPattern | RegexPattern | EnginePattern} PatternSlot
 * @typedef {null | 'count' | 'nomatch' | { ch: string, index: number }} Mismatch
 */

/**
 * Why `s` does not match the pattern in slot `p`, or null when it does: the first character
 * a class pattern does not allow (and its UTF-16 index), a count outside the class pattern's
 * range, or no match.
 * @param {PatternSlot} p
 * @param {string} s
 * @returns {Mismatch}
 */
export function mismatch(p, s) {
  if ('class' in p) {
    if (s === '') return p.empty || p.min === 0 ? null : 'count';
    const i = s.search(p.class);
    if (i >= 0) {
      const c = /** @type {number} */ (s.codePointAt(i));
      return { ch: String.fromCodePoint(c), index: i };
    }
    const n = p.min <= 1 && p.max === Infinity ? 1 : codePoints(s);
    return n < p.min || n > p.max ? 'count' : null;
  }
  if ('whole' in p) return p.whole.test(s) ? null : 'nomatch';
  return p.match(s) ? null : 'nomatch';
}
