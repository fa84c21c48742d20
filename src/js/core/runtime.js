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

import { diagnoseEmail } from './email.js';
import { PREFIX } from './gen/contract.js';
import { LIMITS, PATTERNS } from './gen/tables.js';

const BUILTIN_EMAIL = PATTERNS.find((p) => p.name === 'EMAIL');

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
export const OMIT = Symbol('omitted');


/**
 * JSON.stringify's view of `v` at `key`: after `toJSON(key)`, unboxed; OMIT for undefined,
 * functions and symbols.
 * @param {unknown} v
 * @param {string | number} key
 * @returns {unknown}
 */
export function read(v, key) {
  const t = typeof v;
  if (t === 'string' || t === 'number') return empty.absent && (v === '' || v !== v) ? null : v;
  if (t === 'boolean') return v;
  if (v === null) return v;
  if (t === 'object' || t === 'bigint') {
    const toJSON = /** @type {any} */ (v).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
    if (typeof v === 'object' && v !== null) {
      if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    }
    const u = typeof v;
    if (u === 'undefined' || u === 'function' || u === 'symbol') return OMIT;
    if (empty.absent && (v === '' || v !== v)) return null;
    return v;
  }
  return OMIT;
}

/**
 * Under `emptyAsAbsent` (form input), `''` and `NaN` read as `null`: not given, so a required
 * field gets one `required` issue and an optional one passes. Set for the length of one walk
 * (a getter that validates again inside it saves and restores it).
 */
const empty = { absent: false };

/**
 * Runs `walk` with `emptyAsAbsent` set to `on`.
 * @template T
 * @param {boolean} on
 * @param {() => T} walk
 * @returns {T}
 */
export function readingEmptyAs(on, walk) {
  const before = empty.absent;
  empty.absent = on;
  try {
    return walk();
  } finally {
    empty.absent = before;
  }
}

/**
 * The root value as JSON.stringify reads it (`read` at key ""), or, for what it would not
 * write at all, the JavaScript name of that value (`undefined`, `function`, `symbol`).
 * @param {unknown} v
 * @returns {{ value: unknown } | { foreign: string }}
 */
export function readRoot(v) {
  let x = v;
  if ((typeof x === 'object' && x !== null) || typeof x === 'bigint') {
    const toJSON = /** @type {any} */ (x).toJSON;
    if (typeof toJSON === 'function') x = toJSON.call(x, '');
    if (typeof x === 'object' && x !== null) {
      if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf();
    }
  }
  const t = typeof x;
  if (t === 'undefined' || t === 'function' || t === 'symbol') return { foreign: t };
  if (empty.absent && (x === '' || x !== x)) return { value: null };
  return { value: x };
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

/**
 * What this module throws on purpose. Checked with a WeakSet, never `instanceof`: a thrown
 * value may be a hostile Proxy whose traps throw again.
 */
const OURS = new WeakSet();

/** @param {unknown} e */
function ours(e) {
  return typeof e === 'object' && e !== null && OURS.has(e);
}

/** A bound of LIMITS was hit: becomes an Error naming the path. */
class Limit {
  /** @param {string} message */
  constructor(message) {
    this.message = message;
    /** @type {(string | number)[]} */
    this.path = [];
    OURS.add(this);
  }
}

/** Carries a thrown value up the walk while the path of the throw is collected. */
class Thrown {
  /** @param {unknown} cause */
  constructor(cause) {
    this.cause = cause;
    /** @type {(string | number)[]} */
    this.path = [];
    OURS.add(this);
  }
}

/**
 * An Error this package raises on purpose during a walk (a usage error): it reaches the caller
 * unchanged.
 * @param {string} message
 * @param {ErrorConstructor} [Kind]
 */
export function usageError(message, Kind = Error) {
  const e = new Kind(PREFIX + message);
  OURS.add(e);
  return e;
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
   * @param {number} [maxIssues] issues kept (the first ones found; the rest are counted in
   *   `dropped`, so the result can say it was cut): the engine's Options::max_issues
   */
  constructor(abortEarly, reportUnknown, maxIssues = LIMITS.maxIssues) {
    this.abort = abortEarly;
    this.unknown = reportUnknown;
    this.max = maxIssues;
    /** Issues past `max`, counted and not kept. */
    this.dropped = 0;
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
    if (this.found.length >= this.max) {
      this.dropped++;
      return;
    }
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
    if (!ours(e)) e = new Thrown(e);
    if (k !== undefined && (e instanceof Thrown || e instanceof Limit)) e.path.unshift(k);
    return e;
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
   * Reports `x`, of the wrong JSON type, where `expected` is: its type is named (`cycle` for
   * an object being read), and an object or array is read to its end as JSON.stringify would.
   * @param {string | number | null} k
   * @param {number} mi
   * @param {string} expected
   * @param {unknown} x
   */
  t(k, mi, expected, x) {
    let actual = typeName(x);
    const container = actual === 'object' || actual === 'array';
    if (container && this.cyc(/** @type {object} */ (x))) actual = 'cycle';
    this.e(k, mi, 'type', { expected, actual });
    if (container && actual !== 'cycle') this.drain(/** @type {object} */ (x));
  }

  /** True when `o` is being read (an object that contains itself). @param {object} o */
  cyc(o) {
    return this.anc.indexOf(o) >= 0;
  }

  /**
   * Reports an issue at the current path plus several segments (a rule about an item's member).
   * @param {(string | number)[]} segs
   * @param {number[]} at
   * @param {string} code
   * @param {Record<string, unknown>} params
   */
  ea(segs, at, code, params) {
    if (this.abort && this.found.length > 0) return;
    if (this.found.length >= this.max) {
      this.dropped++;
      return;
    }
    this.found.push({ segs: this.segs.concat(segs), at: this.pos.concat(at), code, params });
  }

  /**
   * The pattern check of string `x` against slot `i` (src/rules/pattern.rs): true when it does
   * not match (the checks of the value end), reporting unless a length issue (`li`) already
   * says why.
   * @param {string | number | null} k
   * @param {number} mi
   * @param {number} i
   * @param {string} x
   * @param {boolean} li
   */
  p(k, mi, i, x, li) {
    const slot = SLOTS[i];
    const m = mismatch(slot, x);
    if (m === null) return false;
    if (li && (m === 'count' || (m === 'nomatch' && x === ''))) return true;
    this.e(k, mi, 'pattern', patternParams(slot, x, m));
    return true;
  }

  /**
   * A regex-valued field (src/rules/regex_format.rs): it must compile in the server's dialect,
   * which only the regex engine of the WebAssembly module can say.
   * @param {string | number | null} k
   * @param {number} mi
   * @param {string} x
   */
  rx(k, mi, x) {
    if (regexEngine === null) {
      const where = pointer(k === null ? this.segs : [...this.segs, k]);
      throw usageError(REGEX_ENGINE_MISSING.replace('%s', where || 'the value'));
    }
    const reason = regexEngine(x);
    if (reason !== null) this.e(k, mi, 'format', { format: 'regex', reason });
  }

  /**
   * The issues found, in document order, as `{ path, code, params }` with their segments.
   * @returns {(RawIssue & { segs: (string | number)[] })[]}
   */
  /** Puts the issues found in document order (stable). */
  sort() {
    this.found.sort(byPosition);
  }

  issues() {
    const f = this.found;
    if (f.length > 1) f.sort(byPosition);
    return f.map((i) => ({ path: pointer(i.segs), code: i.code, params: i.params, segs: i.segs }));
  }

  /**
   * As `issues`, each with its path as keys too (array indices as numbers), for Standard Schema.
   * @returns {(RawIssue & { keys: (string | number)[] })[]}
   */
  keyed() {
    return this.issues().map((i, n) => ({ ...i, keys: this.found[n].segs.slice() }));
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
    if (ours(e) && e instanceof Limit) {
      const path = [...base, ...e.path];
      const where = path.length ? `"${pointer(path)}"` : 'the value';
      throw usageError(`cannot validate ${where}: it ${e.message}`);
    }
    const thrown = ours(e) && e instanceof Thrown ? e : null;
    if (thrown === null && ours(e)) throw e; // a usage error, already worded
    const path = thrown ? [...base, ...thrown.path] : [...base];
    const cause = thrown ? thrown.cause : e;
    const where = path.length ? `"${pointer(path)}"` : 'the value';
    const err = new Error(`${PREFIX}reading ${where} threw: ${describeThrown(cause)}`, { cause });
    OURS.add(err);
    throw err;
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

/**
 * The pattern slots in force (a copy of the built-in ones; `setPattern` replaces one).
 * @type {PatternSlot[]}
 */
export const SLOTS = PATTERNS.slice();

/**
 * Replaces pattern slot `i` (what `setPattern` compiled), or restores the built-in one.
 * @param {number} i
 * @param {PatternSlot | null} slot
 */
export function installPattern(i, slot) {
  SLOTS[i] = slot ?? PATTERNS[i];
}

/** Restores every built-in pattern slot. */
export function resetPatterns() {
  for (let i = 0; i < PATTERNS.length; i++) SLOTS[i] = PATTERNS[i];
}

/** The slot of the pattern called `name`, or -1. @param {string} name */
export function patternIndex(name) {
  return PATTERNS.findIndex((p) => p.name === name);
}

/** What the regex engine answers for a Java-dialect regex: null when it compiles, else why. */
/** @type {null | ((source: string) => string | null)} */
let regexEngine = null;

/** @param {null | ((source: string) => string | null)} engine */
export function useRegexEngine(engine) {
  regexEngine = engine;
}

/** Why a regex-valued field cannot be checked without the engine. */
export const REGEX_ENGINE_MISSING =
  "%s is a regular expression in the server's Java dialect; checking it needs the package's regex " +
  "engine (WebAssembly), which elevate-billing/forms leaves out. Import from 'elevate-billing' " +
  'instead and `await ready` once (or call any of its engine functions) before validating.';

/**
 * The params of a pattern issue (src/rules/pattern.rs `issue`): the first character not
 * allowed, and the two mistakes the engine knows (a `+` in a phone number, lower case in a
 * country code).
 * @param {PatternSlot & { name: string }} slot
 * @param {string} x
 * @param {Exclude<Mismatch, null>} m
 */
function patternParams(slot, x, m) {
  const name = slot.name;
  // The common case in one literal (the same members in the same order as below): a character
  // not allowed, in a pattern with no mistake of its own to diagnose.
  if (typeof m === 'object' && name !== 'PHONE' && name !== 'COUNTRY' && name !== 'EMAIL' && x !== '') {
    return { pattern: name, character: m.ch, index: m.index };
  }
  /** @type {Record<string, unknown>} */
  const p = { pattern: slot.name };
  let reason;
  let suggestion;
  if (m === 'budget') {
    // decisions R14: the engine's matcher ran out of steps; neither a match nor a mismatch.
    reason = 'budget';
  } else if (x === '') {
    reason = 'empty';
  } else {
    if (typeof m === 'object') {
      p.character = m.ch;
      p.index = m.index;
      if (m.ch === '+' && slot.name === 'PHONE') {
        reason = 'plusSign';
        const fixed = x.charCodeAt(0) === 43 ? '00' + x.slice(1) : x;
        if (fixed.indexOf('+') < 0 && mismatch(slot, fixed) === null) suggestion = fixed;
      }
    }
    if (slot.name === 'COUNTRY' && /^[A-Za-z]{2}$/.test(x)) {
      reason = 'lowercase';
      suggestion = x.toUpperCase();
    }
    // What is wrong with an e-mail address (src/rules/email.rs), for the built-in expression only.
    if (slot.name === 'EMAIL' && slot.source === BUILTIN_EMAIL?.source) {
      const d = diagnoseEmail(x);
      if (d) {
        reason = d.reason;
        if (d.character !== undefined) {
          p.character = d.character;
          p.index = d.index;
        }
      }
    }
  }
  if (reason !== undefined) p.reason = reason;
  if (suggestion !== undefined) p.suggestion = suggestion;
  return p;
}

/** Calendar check of `yyyy-MM-dd` at the start of `s` (digits already checked). @param {string} s */
function calendar(s) {
  // Read from the character codes: no substrings to make on every date checked.
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
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
 * @typedef {{ cls: string, ascii?: number[], re?: RegExp, min: number, max: number, empty: boolean }} ClassPattern
 *   "characters of one class, count in [min, max]" (or empty when `empty`); `ascii` holds the
 *   ASCII characters of the class (bit `c & 31` of `ascii[c >> 5]`), and `cls` (compiled into
 *   `re` when first needed) finds a character outside the class
 * @typedef {{ whole: string, re?: RegExp }} RegexPattern  any other pattern, anchored at both ends
 * @typedef {{ match: (s: string) => boolean | 'budget' }} EnginePattern  matched by the regex
 *   engine (java-regex in wasm); `'budget'` when it ran out of steps before deciding
 * @typedef {(ClassPattern | RegexPattern | EnginePattern) & { name: string, source: string }} PatternSlot
 * @typedef {null | 'count' | 'nomatch' | 'budget' | { ch: string, index: number }} Mismatch
 */

/**
 * The UTF-16 index of the first character of `s` outside the class of `p`, or -1. ASCII text is
 * read against the class's ASCII masks; from the first other character on, the class's regex
 * decides, compiled then: a form's text is mostly ASCII, and compiling a class of every letter
 * took ~0.1 ms per pattern on the first `validate`.
 * @param {ClassPattern} p
 * @param {string} s
 */
function outside(p, s) {
  const ascii = p.ascii;
  let i = 0;
  if (ascii !== undefined) {
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) break;
      if (((ascii[c >> 5] >>> (c & 31)) & 1) === 0) return i;
    }
    if (i === s.length) return -1;
  }
  // Every character before `i` is ASCII, so no surrogate pair is cut.
  const j = (i === 0 ? s : s.slice(i)).search((p.re ??= new RegExp(p.cls, 'u')));
  return j < 0 ? -1 : i + j;
}

/**
 * Why `s` does not match the pattern in slot `p`, or null when it does: the first character
 * a class pattern does not allow (and its UTF-16 index), a count outside the class pattern's
 * range, no match, or (a pattern the engine matches) a step budget run out.
 * @param {PatternSlot} p
 * @param {string} s
 * @returns {Mismatch}
 */
export function mismatch(p, s) {
  if ('cls' in p) {
    if (s === '') return p.empty || p.min === 0 ? null : 'count';
    const i = outside(p, s);
    if (i >= 0) {
      const c = /** @type {number} */ (s.codePointAt(i));
      return { ch: String.fromCodePoint(c), index: i };
    }
    const n = p.min <= 1 && p.max === Infinity ? 1 : codePoints(s);
    return n < p.min || n > p.max ? 'count' : null;
  }
  if ('whole' in p) return (p.re ??= new RegExp(p.whole, 'u')).test(s) ? null : 'nomatch';
  const r = p.match(s);
  return r === true ? null : r === 'budget' ? 'budget' : 'nomatch';
}
