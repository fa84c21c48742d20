// @ts-check
// English messages from `{ path, code, params }` alone: the JavaScript twin of
// src/rules/message.rs, reading the same templates (generated into gen/tables.js). A template
// applies when its conditions hold and every param it prints is present and printable by its
// filter; the first that applies wins. tests/js/engine-differential.test.mjs holds the two
// formatters to the same sentences.

import { LABELS, TEMPLATES, WORDS } from './gen/tables.js';

/**
 * @typedef {Record<string, unknown>} Params
 * @typedef {(path: string) => string} Labels  the label of the field at a JSON Pointer
 */

/** @param {Params} params @param {string} name */
function param(params, name) {
  const v = params[name];
  return v === null ? undefined : v;
}

/**
 * `x` as JavaScript prints a number, a string as it is, anything else as compact JSON.
 * @param {unknown} v
 */
function text(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return '[' + v.map(json).join(',') + ']';
  return json(v);
}

/** @param {unknown} v */
function json(v) {
  // Params an app passes may hold what JSON cannot write (a BigInt, a cycle): a word, not a throw.
  let s;
  try {
    s = JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
  } catch {
    s = undefined;
  }
  return s === undefined ? 'null' : s;
}

/** @param {string} t */
function article(t) {
  switch (t) {
    case 'integer':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'boolean':
      return 'true or false';
    case 'json':
      return 'a JSON value';
    case 'null':
    case 'undefined':
    case 'NaN':
    case 'Infinity':
      return t;
    default:
      return 'a ' + t;
  }
}

/** Made on first use: a `\p{…}` literal would load V8's Unicode property tables at import (0.5 ms). */
let invisible = /** @type {RegExp | null} */ (null);

/** @param {string} c */
function showChar(c) {
  // Printable ASCII (U+0021–U+007E) is neither a control character nor white space.
  const u = c.charCodeAt(0);
  if (u > 0x20 && u < 0x7f) return "'" + (c.length === 1 ? c : c.charAt(0)) + "'";
  const cp = c.codePointAt(0);
  if (cp === undefined) return undefined;
  const ch = String.fromCodePoint(cp);
  if (ch === ' ') return 'a space';
  if ((invisible ??= new RegExp('^[\\p{Cc}\\p{White_Space}]', 'u')).test(ch)) return 'the character U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return "'" + ch + "'";
}

/** @param {string[]} items */
function joinOr(items) {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1];
}

/** @param {unknown} v */
function strings(v) {
  return Array.isArray(v) ? v.map(text) : undefined;
}

/**
 * The label of field `name` beside the one at `path` (in the same object).
 * @param {Ctx} at
 * @param {string} name
 */
function sibling(at, name) {
  const parent = at.path.lastIndexOf('/') < 0 ? '' : at.path.slice(0, at.path.lastIndexOf('/'));
  return at.labels(parent + '/' + name.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** @param {unknown} w @param {Ctx} at */
function when(w, at) {
  if (typeof w !== 'object' || w === null || Array.isArray(w)) return undefined;
  const o = /** @type {Record<string, unknown>} */ (w);
  if (typeof o.field !== 'string') return undefined;
  const field = sibling(at, o.field);
  if (o.equals !== undefined && o.equals !== null) return `${field} is ${text(o.equals)}`;
  const oneOf = strings(o.oneOf);
  if (oneOf) return `${field} is ${joinOr(oneOf)}`;
  return `${field} is given`;
}

const own = Object.prototype.hasOwnProperty;

/**
 * The `allows` words and the model's labels as Maps, made on first use: a lookup by a name that
 * varies is cheaper in a Map than as a property, and own members only are found.
 * @type {Map<string, string> | null}
 */
let allows = null;
/** @type {Map<string, string> | null} */
let labelMap = null;

/**
 * @typedef {{ path: string, labels: Labels, label?: string }} Ctx  where the issue is, how fields are named (`label`: the issue's own, once read)
 */

/**
 * A param through a filter; undefined when the value is not what the filter reads.
 * @param {string} filter
 * @param {unknown} v
 * @param {Ctx} at
 * @returns {string | undefined}
 */
function print(filter, v, at) {
  switch (filter) {
    case 'text':
      return text(v);
    case 'article':
      return typeof v === 'string' ? article(v) : undefined;
    case 'char':
      return typeof v === 'string' ? showChar(v) : undefined;
    case 'or': {
      const items = strings(v);
      return items && joinOr(items);
    }
    case 'list': {
      const items = strings(v);
      return items && items.join(', ');
    }
    case 'when':
      return when(v, at);
    case 'allows':
      return typeof v === 'string' ? (allows ??= new Map(Object.entries(WORDS.allows))).get(v) : undefined;
    case 'pointer':
      return typeof v === 'string' ? (v === '' ? 'the whole document' : v) : undefined;
    case 'syntax':
      if (typeof v !== 'string') return undefined;
      return own.call(WORDS.syntax, v) ? /** @type {any} */ (WORDS.syntax)[v] : "a value in the parameter's documented form";
    case 'ordinal':
      return typeof v === 'number' ? String(v + 1) : undefined;
    case 'fields':
      if (!Array.isArray(v) || !v.every((n) => typeof n === 'string')) return undefined;
      return joinOr(v.map((n) => sibling(at, n)));
    default:
      return undefined;
  }
}

// What a compiled template tests (`Test.op`) and fills (`Fill.kind`): data read by one loop in
// `render`, not a closure per test (a call per test cost more than the test).
const HAS = 0;
const MISSING = 1;
const EQUALS = 2;
const NON_EMPTY = 3;
const COUNT = 4;
const PATH_ENDS = 5;
const NEVER = 6;
const FIELD = 0;
const PARAM = 1;

/**
 * A condition on an issue, or that a param a template prints is present: `i` is the param's
 * slot in its code's `names`, whose values are read once per issue.
 */
class Test {
  /** @param {number} op @param {number} i @param {unknown} want @param {string} name */
  constructor(op, i, want, name) {
    this.op = op;
    this.i = i;
    this.want = want;
    this.name = name;
  }
}

/** A placeholder: the field's label, or param `i` through `filter` (NEVER: a constant the vocabulary lacks). */
class Fill {
  /** @param {number} kind @param {number} i @param {string} filter */
  constructor(kind, i, filter) {
    this.kind = kind;
    this.i = i;
    this.filter = filter;
  }
}

/**
 * A condition ([kind, name, value?]) as a Test, made once per template.
 * @param {unknown[]} c
 * @param {(name: string) => number} slot
 */
function condition(c, slot) {
  const name = /** @type {string} */ (c[1]);
  const want = c[2];
  switch (c[0]) {
    case 'has':
      return new Test(HAS, slot(name), undefined, name);
    case 'missing':
      return new Test(MISSING, slot(name), undefined, name);
    case 'is':
      return typeof want === 'string' ? new Test(EQUALS, slot(name), want, name) : new Test(NEVER, 0, undefined, name);
    case 'isNumber':
      return typeof want === 'number' ? new Test(EQUALS, slot(name), want, name) : new Test(NEVER, 0, undefined, name);
    case 'nonEmpty':
      return new Test(NON_EMPTY, slot(name), undefined, name);
    case 'count':
      return new Test(COUNT, slot(name), want, name);
    case 'pathEnds':
      return new Test(PATH_ENDS, 0, undefined, name);
    default:
      return new Test(NEVER, 0, undefined, name);
  }
}

/**
 * @param {Test} t
 * @param {string} path
 * @param {unknown[]} vals
 */
function passes(t, path, vals) {
  switch (t.op) {
    case HAS:
      return vals[t.i] !== undefined;
    case MISSING:
      return vals[t.i] === undefined;
    case EQUALS:
      return vals[t.i] === t.want;
    case NON_EMPTY: {
      const v = vals[t.i];
      return typeof v === 'string' && v !== '';
    }
    case COUNT: {
      const v = vals[t.i];
      return Array.isArray(v) && v.length === t.want;
    }
    case PATH_ENDS:
      return path !== '' && path.slice(path.lastIndexOf('/') + 1) === t.name;
    default:
      return false;
  }
}

/**
 * @typedef {{ tests: Test[], parts: (string | Fill)[] }} Compiled  a template split once into
 *   its tests (its conditions, then that the params it prints are present), literal text (the
 *   constants and `{code}` already in it) and placeholders
 * @typedef {{ names: string[], key: number, byKey: Map<unknown, Compiled[]>, rest: Compiled[] }} Renderer
 *   the templates of one code and the params they read (`names`); most of a code's templates
 *   ask that one param (`key`, a slot) equals some value (`reason` of `pattern` names the
 *   mistake), so they are listed by that value, in order, beside the rest (`rest`: those a
 *   value of `key` no template asks for may use). -1: no template asks, `rest` is all.
 */

/** Templates by code, compiled on first use of each code (messages are built on every keystroke). @type {Map<string, Renderer>} */
const byCode = new Map();

/** @param {string} code @returns {Renderer} */
function compiled(code) {
  let r = byCode.get(code);
  if (r !== undefined) return r;
  /** @type {string[]} */
  const names = [];
  const slot = (/** @type {string} */ name) => {
    const i = names.indexOf(name);
    return i >= 0 ? i : names.push(name) - 1;
  };
  /** @type {Compiled[]} */
  const templates = [];
  for (const [tcode, conds, tmpl] of /** @type {[string, unknown[][], string][]} */ (TEMPLATES)) {
    if (tcode !== code) continue;
    const tests = conds.map((c) => condition(c, slot));
    /** @type {Compiled['parts']} */
    const parts = [];
    const literal = (/** @type {string} */ s) => {
      if (s === '') return;
      if (typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += s;
      else parts.push(s);
    };
    let rest = tmpl;
    for (let open = rest.indexOf('{'); open >= 0; open = rest.indexOf('{')) {
      const close = rest.indexOf('}', open);
      if (close < 0) break;
      literal(rest.slice(0, open));
      const spec = rest.slice(open + 1, close);
      const bar = spec.indexOf('|');
      const name = bar < 0 ? spec : spec.slice(0, bar);
      const filter = bar < 0 ? 'text' : spec.slice(bar + 1);
      rest = rest.slice(close + 1);
      if (name.charCodeAt(0) === 35 /* # */) {
        const constant = name.slice(1);
        if (own.call(WORDS.constants, constant)) literal(String(/** @type {any} */ (WORDS.constants)[constant]));
        else parts.push(new Fill(NEVER, 0, filter));
      } else if (name === 'field') {
        parts.push(new Fill(FIELD, 0, filter));
      } else if (name === 'code') {
        literal(code);
      } else {
        // The params it prints must be there, to rule the template out before building any text.
        const i = slot(name);
        tests.push(new Test(HAS, i, undefined, name));
        parts.push(new Fill(PARAM, i, filter));
      }
    }
    literal(rest);
    templates.push({ tests, parts });
  }
  // The param most templates compare with a value: it picks which templates can apply (a
  // template that asks for another value fails, so leaving it out changes nothing).
  /** @type {number[]} */
  const asked = names.map(() => 0);
  for (const t of templates) for (const x of t.tests) if (x.op === EQUALS) asked[x.i]++;
  const key = asked.some((n) => n > 0) ? asked.indexOf(Math.max(...asked)) : -1;
  const wants = (/** @type {Compiled} */ t) => t.tests.find((x) => x.op === EQUALS && x.i === key);
  /** @type {Map<unknown, Compiled[]>} */
  const byKey = new Map();
  for (const t of templates) {
    const w = wants(t);
    if (w !== undefined && !byKey.has(w.want)) byKey.set(w.want, templates.filter((u) => (wants(u)?.want ?? w.want) === w.want));
  }
  r = { names, key, byKey, rest: templates.filter((t) => wants(t) === undefined) };
  byCode.set(code, r);
  return r;
}

/**
 * The first template of `code` that applies, filled; the generic sentence when none does.
 * @param {string} path
 * @param {string} code
 * @param {Params} params
 * @param {Labels | string} labels names the fields (`{field}`, and those `when` and `anyOf`
 *   name); a string is the label of `{field}`
 * @param {string} [label] the label `labels` gives `path`, when the caller has it already
 */
export function render(path, code, params, labels, label) {
  // A label for `{field}` alone (older callers) names the other fields by the model.
  if (typeof labels === 'string') {
    const given = labels;
    labels = (p) => (p === path ? given : fieldLabel(p));
    label = given;
  }
  const r = compiled(code);
  const names = r.names;
  const vals = new Array(names.length);
  for (let i = 0; i < names.length; i++) vals[i] = param(params, names[i]);
  const picked = r.key < 0 ? undefined : vals[r.key];
  const templates = (picked !== undefined && r.byKey.get(picked)) || r.rest;
  /** @type {Ctx} */
  const at = { path, labels, label };
  next: for (let n = 0; n < templates.length; n++) {
    const t = templates[n];
    const tests = t.tests;
    for (let i = 0; i < tests.length; i++) if (!passes(tests[i], path, vals)) continue next;
    const parts = t.parts;
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      let s;
      if (part.kind === FIELD) s = at.label ??= at.labels(path);
      else if (part.kind === PARAM) {
        const v = vals[part.i];
        s = v === undefined ? undefined : print(part.filter, v, at);
      }
      if (s === undefined) continue next;
      out += s;
    }
    return out;
  }
  return `${label ?? labels(path)} is not valid (${code}).`;
}

/**
 * RFC 6901 segments of a pointer (`~1` → `/`, `~0` → `~`); null when it is not one.
 * @param {string} pointer
 */
export function segments(pointer) {
  if (pointer === '') return [];
  if (pointer.charCodeAt(0) !== 47) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (s.indexOf('~') < 0 ? s : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/**
 * The label of the field an issue path points at: the caller's (`custom`, asked for the
 * field's JSON Pointer, then its name), else the model's ("Postcode" for
 * `/siteAddress/postcode`); `Item 2 of Site contacts` for an array item, `The value` for the
 * root, a name the model does not define as it is. The twin of `label_with` in
 * src/validate/message.rs.
 * @param {string} path
 * @param {(key: string) => string | undefined} [custom]
 * @returns {string}
 */
export function fieldLabel(path, custom) {
  const given = custom?.(path);
  if (given !== undefined) return given;
  const at = path.lastIndexOf('/');
  if (path.charCodeAt(0) !== 47 || at < 0) return 'The value';
  const raw = path.slice(at + 1);
  const name = raw.indexOf('~') < 0 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~');
  if (INDEX.test(name)) {
    const parent = path.slice(0, at);
    return `Item ${Number(name) + 1} of ${parent === '' ? 'the list' : fieldLabel(parent, custom)}`;
  }
  const byName = custom?.(name);
  if (byName !== undefined) return byName;
  return (labelMap ??= new Map(Object.entries(LABELS))).get(name) ?? name;
}

/**
 * The model's label of the field at the pointer `segs` makes (the first `n` of them): what
 * `fieldLabel(pointer(segs))` returns, read from the segments themselves (no pointer to cut
 * and unescape again; a name that cannot be an index skips the index test).
 * @param {ReadonlyArray<string | number>} segs
 * @param {number} [n]
 * @returns {string}
 */
export function modelLabel(segs, n = segs.length) {
  if (n === 0) return 'The value';
  const seg = segs[n - 1];
  const name = typeof seg === 'string' ? seg : String(seg);
  const first = name.charCodeAt(0);
  if (first >= 48 && first <= 57 && INDEX.test(name)) return `Item ${Number(name) + 1} of ${n === 1 ? 'the list' : modelLabel(segs, n - 1)}`;
  return (labelMap ??= new Map(Object.entries(LABELS))).get(name) ?? name;
}
