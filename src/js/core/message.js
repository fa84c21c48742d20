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
      return typeof v === 'string' && own.call(WORDS.allows, v) ? /** @type {any} */ (WORDS.allows)[v] : undefined;
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

/**
 * @param {unknown[]} c  a condition: [kind, name, value?]
 * @param {string} path
 * @param {Params} params
 */
function holds(c, path, params) {
  return condition(c)(path, params);
}

/**
 * A condition ([kind, name, value?]) as a test of an issue, made once per template.
 * @param {unknown[]} c
 * @returns {(path: string, params: Params) => boolean}
 */
function condition(c) {
  const name = /** @type {string} */ (c[1]);
  const want = c[2];
  switch (c[0]) {
    case 'has':
      return (_, p) => param(p, name) !== undefined;
    case 'missing':
      return (_, p) => param(p, name) === undefined;
    case 'is':
      return (_, p) => param(p, name) === want && typeof want === 'string';
    case 'isNumber':
      return (_, p) => param(p, name) === want && typeof want === 'number';
    case 'nonEmpty':
      return (_, p) => {
        const v = param(p, name);
        return typeof v === 'string' && v !== '';
      };
    case 'count':
      return (_, p) => {
        const v = param(p, name);
        return Array.isArray(v) && v.length === want;
      };
    case 'pathEnds':
      return (path) => path !== '' && path.slice(path.lastIndexOf('/') + 1) === name;
    default:
      return () => false;
  }
}

/**
 * @typedef {{ conds: ((path: string, params: Params) => boolean)[], parts: (string | { name: string, filter: string })[], needs: string[] }} Compiled
 *   a template split once into literal text and placeholders
 */

/** Templates by code, split on first use of each code (messages are built on every keystroke). @type {Map<string, Compiled[]>} */
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
      // The params it prints, to rule the template out before building any text.
      const needs = parts.flatMap((p) => (typeof p === 'string' || p.name === 'field' || p.name === 'code' || p.name.startsWith('#') ? [] : [p.name]));
      list.push({ conds: conds.map(condition), parts, needs });
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
 * @param {Labels | string} labels names the fields (`{field}`, and those `when` and `anyOf`
 *   name); a string is the label of `{field}`
 */
export function render(path, code, params, labels) {
  // A label for `{field}` alone (older callers) names the other fields by the model.
  if (typeof labels === 'string') {
    const label = labels;
    labels = (p) => (p === path ? label : fieldLabel(p));
  }
  /** @type {Ctx} */
  const at = { path, labels, label: undefined };
  next: for (const t of compiled(code)) {
    for (const c of t.conds) if (!c(path, params)) continue next;
    for (const name of t.needs) if (param(params, name) === undefined) continue next;
    let out = '';
    for (const part of t.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const s = fill(part.name, part.filter, code, params, at);
      if (s === undefined) continue next;
      out += s;
    }
    return out;
  }
  return `${labels(path)} is not valid (${code}).`;
}

/**
 * @param {string} name
 * @param {string} filter
 * @param {string} code
 * @param {Params} params
 * @param {Ctx} at
 */
function fill(name, filter, code, params, at) {
  if (name.charCodeAt(0) === 35 /* # */) {
    const constant = name.slice(1);
    return own.call(WORDS.constants, constant) ? String(/** @type {any} */ (WORDS.constants)[constant]) : undefined;
  }
  if (name === 'field') return (at.label ??= at.labels(at.path));
  if (name === 'code') return code;
  const v = param(params, name);
  return v === undefined ? undefined : print(filter, v, at);
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
  return Object.prototype.hasOwnProperty.call(LABELS, name) ? /** @type {any} */ (LABELS)[name] : name;
}
