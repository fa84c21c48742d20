// @ts-check
// English messages from `{ path, code, params }` alone: the JavaScript twin of
// src/rules/message.rs, reading the same templates (generated into gen/tables.js). A template
// applies when its conditions hold and every param it prints is present and printable by its
// filter; the first that applies wins. tests/js/engine-differential.test.mjs holds the two
// formatters to the same sentences.

import { TEMPLATES, WORDS } from './gen/tables.js';

/** @typedef {Record<string, unknown>} Params */

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
  const s = JSON.stringify(v);
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

const INVISIBLE = /^[\p{Cc}\p{White_Space}]/u;

/** @param {string} c */
function showChar(c) {
  const cp = c.codePointAt(0);
  if (cp === undefined) return undefined;
  const ch = String.fromCodePoint(cp);
  if (INVISIBLE.test(ch)) return 'the character U+' + cp.toString(16).toUpperCase().padStart(4, '0');
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

/** @param {unknown} w */
function when(w) {
  if (typeof w !== 'object' || w === null || Array.isArray(w)) return undefined;
  const o = /** @type {Record<string, unknown>} */ (w);
  if (typeof o.field !== 'string') return undefined;
  if (o.equals !== undefined && o.equals !== null) return `${o.field} is ${text(o.equals)}`;
  const oneOf = strings(o.oneOf);
  if (oneOf) return `${o.field} is ${joinOr(oneOf)}`;
  return `${o.field} is given`;
}

const own = Object.prototype.hasOwnProperty;

/**
 * A param through a filter; undefined when the value is not what the filter reads.
 * @param {string} filter
 * @param {unknown} v
 * @returns {string | undefined}
 */
function print(filter, v) {
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
      return when(v);
    case 'allows':
      return typeof v === 'string' && own.call(WORDS.allows, v) ? /** @type {any} */ (WORDS.allows)[v] : undefined;
    case 'pointer':
      return typeof v === 'string' ? (v === '' ? 'the whole document' : v) : undefined;
    case 'syntax':
      if (typeof v !== 'string') return undefined;
      return own.call(WORDS.syntax, v) ? /** @type {any} */ (WORDS.syntax)[v] : "a value in the parameter's documented form";
    case 'ordinal':
      return typeof v === 'number' ? String(v + 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * A condition ([kind, name, value?]) as a test of an issue.
 * @param {unknown[]} c
 * @returns {(path: string, params: Params) => boolean}
 */
function condition(c) {
  return (path, params) => holds(c, path, params);
}

/**
 * @param {unknown[]} c  a condition: [kind, name, value?]
 * @param {string} path
 * @param {Params} params
 */
function holds(c, path, params) {
  const v = param(params, /** @type {string} */ (c[1]));
  switch (c[0]) {
    case 'has':
      return v !== undefined;
    case 'missing':
      return v === undefined;
    case 'is':
      return typeof v === 'string' && v === c[2];
    case 'isNumber':
      return typeof v === 'number' && v === c[2];
    case 'nonEmpty':
      return typeof v === 'string' && v !== '';
    case 'count':
      return Array.isArray(v) && v.length === c[2];
    case 'pathEnds':
      return path !== '' && path.slice(path.lastIndexOf('/') + 1) === c[1];
    default:
      return false;
  }
}

/**
 * @typedef {{ conds: ((path: string, params: Params) => boolean)[], parts: (string | { name: string, filter: string })[] }} Compiled
 *   a template split once into literal text and placeholders
 */

/** Templates by code, compiled on first use of each code. @type {Map<string, Compiled[]>} */
const byCode = new Map();

/** @param {string} code */
function compiled(code) {
  let list = byCode.get(code);
  if (list === undefined) {
    list = [];
    for (const [tcode, conds, tmpl] of /** @type {[string, unknown[][], string][]} */ (TEMPLATES)) {
      if (tcode !== code) continue;
      /** @type {Compiled['parts']} */
      const parts = [];
      let rest = tmpl;
      for (let open = rest.indexOf('{'); open >= 0; open = rest.indexOf('{')) {
        const close = rest.indexOf('}', open);
        if (close < 0) break;
        if (open > 0) parts.push(rest.slice(0, open));
        const spec = rest.slice(open + 1, close);
        const bar = spec.indexOf('|');
        parts.push({ name: bar < 0 ? spec : spec.slice(0, bar), filter: bar < 0 ? 'text' : spec.slice(bar + 1) });
        rest = rest.slice(close + 1);
      }
      if (rest !== '') parts.push(rest);
      list.push({ conds: conds.map(condition), parts });
    }
    byCode.set(code, list);
  }
  return list;
}

/**
 * The first template of `code` that applies, filled; the generic sentence when none does.
 * @param {string} path
 * @param {string} code
 * @param {Params} params
 * @param {string} label what `{field}` reads
 */
export function render(path, code, params, label) {
  next: for (const t of compiled(code)) {
    for (const c of t.conds) if (!c(path, params)) continue next;
    let out = '';
    for (const part of t.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const s = fill(part.name, part.filter, code, params, label);
      if (s === undefined) continue next;
      out += s;
    }
    return out;
  }
  return `${label} is not valid (${code}).`;
}

/**
 * @param {string} name
 * @param {string} filter
 * @param {string} code
 * @param {Params} params
 * @param {string} label
 */
function fill(name, filter, code, params, label) {
  if (name.charCodeAt(0) === 35 /* # */) {
    const constant = name.slice(1);
    return own.call(WORDS.constants, constant) ? String(/** @type {any} */ (WORDS.constants)[constant]) : undefined;
  }
  if (name === 'field') return label;
  if (name === 'code') return code;
  const v = param(params, name);
  return v === undefined ? undefined : print(filter, v);
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

/**
 * The name of the field an issue path points at: its last member name, or `siteContacts[1]`
 * for an array item, or `The value` for the root.
 * @param {string} path
 */
export function fieldLabel(path) {
  return labelOf(segments(path) ?? []);
}

/**
 * The label of a path given as segments (as the walk has them): the last member name, or
 * `siteContacts[1]` for an array item (any all-digit segment, as in the path string).
 * @param {ReadonlyArray<string | number>} segs
 */
export function labelOf(segs) {
  if (segs.length === 0) return 'The value';
  const last = String(segs[segs.length - 1]);
  if (last !== '' && /^[0-9]+$/.test(last)) {
    const parent = segs.length >= 2 ? String(segs[segs.length - 2]) : 'item';
    return `${parent}[${last}]`;
  }
  return last;
}
