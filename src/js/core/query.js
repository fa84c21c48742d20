// @ts-check
// validateQuery: the query parameters of a call, judged against the endpoint table, in plain
// JavaScript: the twin of src/validate/query.rs (and of its WebAssembly binding,
// src/wasm/query.rs), which tests/js/query-differential.test.mjs holds it to issue for issue.
//
// The endpoint decides which parameters exist (gen/endpoints.js, generated from src/endpoints):
// its filters, plus the paging parameters of `ListQuery` on list calls, or only `fields` on
// get-by-id calls; exists (`HEAD`) calls take filters only. `sort` and `fields` must name
// fields of the resource's records. Every issue is at `/<parameter>`. The bounds of `page` and
// `pageSize` are ListQuery's own, checked by the generated validators.

import { DATE_TIME, ENDPOINTS, FILTER_KINDS, MAX_IN_VALUES, MAX_QUERY_BYTES, PAGING, RECORDS } from './gen/endpoints.js';
import { fieldLabel, render } from './message.js';
import { describeArg, root } from './resolve.js';
import { objects } from './gen/validators.js';
import { Ctx, escapeSegment, isDate, isDateTime, usageError } from './runtime.js';
import { utf8Length } from './utf8.js';

/**
 * @typedef {import('./validate.js').Issue} Issue
 * @typedef {import('./validate.js').Result} Result
 * @typedef {{ code: string, params: Record<string, unknown> }} Found
 * @typedef {string | null | { actual: string }} ParamValue
 *   a value to judge, null for "not given", or a value of another type (its type name)
 * @typedef {{ syntax?: string, operators?: string[], format?: string, values?: string[] }} FilterKind
 * @typedef {[record: number, paged: boolean, fields: boolean, filters: [string, number, boolean][]]} Endpoint
 * @typedef {{ name: string, required: boolean, width: string | null, filter: FilterKind | null }} Param
 */

/**
 * Checks the query parameters of a call to `endpoint` (`'GET /sites'`): only its documented
 * parameters, each value in its mini-language. `query` is a plain object (strings, numbers and
 * booleans are sent as `String(value)` would; `null` and `undefined` mean "not given"), a
 * `URLSearchParams`, or a query string (`'page=1&pageSize=50'`, leading `?` allowed; `+` is a
 * space, as the server decodes it). Throws for a wrong argument, an unknown endpoint, or a query
 * over 64 KiB.
 * @param {unknown} endpoint
 * @param {unknown} query
 * @returns {Result}
 */
export function validateQuery(endpoint, query) {
  if (typeof endpoint !== 'string') {
    throw usageError(`validateQuery: the endpoint must be a string such as 'GET /sites', not ${describeArg(endpoint)}`, TypeError);
  }
  const pairs = readQuery(query);
  const ep = /** @type {Endpoint | undefined} */ (ENDPOINTS.get(endpoint));
  if (ep === undefined) {
    throw usageError(`unknown endpoint ${JSON.stringify(endpoint)}; known endpoints: ${[...ENDPOINTS.keys()].join(', ')}`);
  }
  const issues = judge(ep, pairs);
  if (issues.length === 0) return { valid: true, errors: [] };
  const errors = issues.map(([path, f]) => ({
    path,
    code: f.code,
    params: f.params,
    message: render(path, f.code, f.params, fieldLabel(path)),
  }));
  return { valid: false, errors };
}

function tooLarge(what = 'the query') {
  return usageError(`${what} exceeds the limit of ${MAX_QUERY_BYTES}`);
}

/** @param {unknown} q */
function isSearchParams(q) {
  try {
    return typeof URLSearchParams === 'function' && q instanceof URLSearchParams;
  } catch {
    return false;
  }
}

/**
 * The name/value pairs of `query`, in order.
 * @param {unknown} query
 * @returns {[string, ParamValue][]}
 */
function readQuery(query) {
  if (typeof query === 'string' || isSearchParams(query)) {
    let text;
    if (typeof query === 'string') text = query;
    else {
      try {
        text = String(/** @type {URLSearchParams} */ (query).toString());
      } catch {
        throw usageError('URLSearchParams.toString() threw');
      }
    }
    // UTF-16 units never outnumber UTF-8 bytes: refuse before measuring a huge string.
    if (text.length > MAX_QUERY_BYTES) throw tooLarge();
    if (utf8Length(text) > MAX_QUERY_BYTES) throw tooLarge('the query (bytes of names and values)');
    // WHATWG form decoding is the server's (and form_urlencoded's): `&`-separated pairs, the
    // first `=` splits, `+` is a space, %XX bytes decoded as UTF-8 with replacement; the
    // constructor drops one leading `?`.
    /** @type {[string, ParamValue][]} */
    const pairs = [];
    new URLSearchParams(text).forEach((value, name) => {
      pairs.push([name, value]);
    });
    return pairs;
  }
  if (query === undefined || query === null) return [];
  if (typeof query === 'object' && !isArray(query)) return members(/** @type {object} */ (query));
  throw usageError('the query must be an object, a URLSearchParams or a query string', TypeError);
}

/** @param {unknown} v */
function isArray(v) {
  try {
    return Array.isArray(v);
  } catch {
    throw usageError('reading the query threw');
  }
}

/**
 * The own enumerable members of `query`, each value as `String(value)` would send it.
 * @param {object} query
 * @returns {[string, ParamValue][]}
 */
function members(query) {
  let keys;
  try {
    keys = Object.keys(query);
  } catch {
    throw usageError('reading the query threw');
  }
  // Each parameter takes at least 2 bytes of the budget (`=` and `&`).
  if (keys.length > MAX_QUERY_BYTES / 2) throw tooLarge();
  /** @type {[string, ParamValue][]} */
  const out = [];
  for (const k of keys) {
    let v;
    try {
      v = /** @type {any} */ (query)[k];
    } catch {
      throw usageError(`reading the query parameter ${JSON.stringify(k)} threw`);
    }
    /** @type {ParamValue} */
    let value;
    switch (typeof v) {
      case 'string':
        value = v;
        break;
      case 'boolean':
      case 'number':
        value = String(v);
        break;
      case 'undefined':
        value = null;
        break;
      case 'bigint':
      case 'symbol':
      case 'function':
        value = { actual: typeof v };
        break;
      default:
        value = v === null ? null : { actual: isArray(v) ? 'array' : 'object' };
    }
    out.push([k, value]);
  }
  return out;
}

/**
 * The parameters `ep` takes: paging parameters (api-facts §1.4) then filters, in
 * documentation order.
 * @param {Endpoint} ep
 * @returns {Param[]}
 */
function accepted(ep) {
  const [, paged, fields, filters] = ep;
  /** @type {Param[]} */
  const out = [];
  for (const [name, required, width] of /** @type {[string, boolean, string | null][]} */ (PAGING)) {
    if (paged || (fields && name === 'fields')) out.push({ name, required: paged && required, width, filter: null });
  }
  for (const [name, kind, required] of filters) {
    out.push({ name, required, width: null, filter: /** @type {FilterKind} */ (FILTER_KINDS[kind]) });
  }
  return out;
}

/**
 * The issues of `pairs` for `ep`, in the order of the pairs, then the missing parameters.
 * @param {Endpoint} ep
 * @param {[string, ParamValue][]} pairs
 * @returns {[string, Found][]}
 */
function judge(ep, pairs) {
  let size = 0;
  for (const [k, v] of pairs) size += utf8Length(k) + 2 + (typeof v === 'string' ? utf8Length(v) : 0);
  if (size > MAX_QUERY_BYTES) throw tooLarge('the query (bytes of names and values)');
  const params = accepted(ep);
  const byName = new Map(params.map((p) => [p.name, p]));
  // How often each accepted parameter is given, counted once up front.
  /** @type {Map<string, number>} */
  const count = new Map();
  for (const [k, v] of pairs) {
    if (v !== null && byName.has(k)) count.set(k, (count.get(k) ?? 0) + 1);
  }
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {[string, Found][]} */
  const issues = [];
  for (const [name, value] of pairs) {
    if (value === null) continue;
    const at = '/' + escapeSegment(name);
    const param = byName.get(name);
    if (param === undefined) {
      if (!seen.has(name)) {
        seen.add(name);
        issues.push([at, { code: 'unknownField', params: { allowed: params.map((p) => p.name) } }]);
      }
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    // The first value is judged; a repeat is one issue with the count.
    const found =
      typeof value !== 'string'
        ? { code: 'type', params: { expected: 'string', actual: value.actual } }
        : param.filter !== null
          ? filter(param.filter, value)
          : paging(param, value, ep);
    if (found !== null) issues.push([at, found]);
    const n = count.get(name) ?? 0;
    if (n > 1) issues.push([at, { code: 'maxItems', params: { limit: 1, actual: n } }]);
  }
  for (const p of params) {
    if (p.required && !count.has(p.name)) issues.push(['/' + escapeSegment(p.name), { code: 'required', params: {} }]);
  }
  return issues;
}

/** The entries of ListQuery's fields in the generated validators. */
let listQuery = /** @type {Map<string, import('./resolve.js').Entry> | null} */ (null);

/**
 * A ListQuery parameter: integers through the schema's own bounds (the generated check's first
 * issue), `sort` and `fields` against the resource's fields.
 * @param {Param} param
 * @param {string} text
 * @param {Endpoint} ep
 * @returns {Found | null}
 */
function paging(param, text, ep) {
  const [names, unsortable] = /** @type {[string[], number[]]} */ (RECORDS[ep[0]]);
  if (param.width === null) return param.name === 'sort' ? sort(names, unsortable, text) : fieldList(names, text);
  // Rust's `str::parse::<i64>` on an optional `-` and digits.
  if (!/^-?[0-9]+$/.test(text) || !fitsI64(text)) return { code: 'format', params: { format: param.width } };
  const n = Number(text);
  if (listQuery === null) {
    const below = root('ListQuery', 'validateQuery')[2];
    listQuery = /** @type {Map<string, import('./resolve.js').Entry>} */ (objects()[/** @type {[number, null]} */ (below)[0]][1]);
  }
  const entry = /** @type {import('./resolve.js').Entry} */ (listQuery.get(param.name));
  // Every issue: a query is bounded by its size (MAX_QUERY_BYTES) already, as in Rust.
  const c = new Ctx(false, false, Infinity);
  entry[0](n === 0 ? 0 : n, c, null, 0, false);
  const first = c.issues()[0];
  return first === undefined ? null : { code: first.code, params: first.params };
}

const I64_MAX = 9223372036854775807n;

/** Whether the integer written `text` (`-?[0-9]+`) is an i64. @param {string} text */
function fitsI64(text) {
  const n = BigInt(text);
  return n <= I64_MAX && n >= -I64_MAX - 1n;
}

/**
 * @param {string} syntax
 * @param {string} reason
 * @param {string | undefined} [item]
 * @param {string[] | undefined} [allowed]
 * @returns {Found}
 */
function syntaxIssue(syntax, reason, item, allowed) {
  /** @type {Record<string, unknown>} */
  const params = { syntax, reason };
  if (item !== undefined) params.item = item;
  if (allowed !== undefined) params.allowed = allowed;
  return { code: 'querySyntax', params };
}

/**
 * The issue of an empty list or of an empty item in it (`in:`, `a,,b`, `a,`).
 * @param {string} syntax
 * @param {string} text
 * @param {string} [operator]
 */
function listIssue(syntax, text, operator) {
  if (text === '') return syntaxIssue(syntax, 'empty', operator);
  return text.split(',').includes('') ? syntaxIssue(syntax, 'emptyItem') : null;
}

/**
 * `listIssue` of an `in:` list, which also holds at most MAX_IN_VALUES items (what inList builds).
 * @param {string} syntax
 * @param {string} text
 * @returns {Found | null}
 */
function inListIssue(syntax, text) {
  const list = listIssue(syntax, text, 'in:');
  if (list !== null) return list;
  let items = 1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) items++;
  return items > MAX_IN_VALUES ? { code: 'maxItems', params: { limit: MAX_IN_VALUES, actual: items } } : null;
}

/**
 * `name` or `name:desc`, each a field of the resource with a scalar value (SortParam,
 * api-facts §1.4).
 * @param {string[]} names
 * @param {number[]} unsortable
 * @param {string} text
 * @returns {Found | null}
 */
function sort(names, unsortable, text) {
  const allowed = () => names.filter((_, i) => !unsortable.includes(i));
  const empty = listIssue('sort', text);
  if (empty !== null) return empty;
  for (const item of text.split(',')) {
    const colon = item.indexOf(':');
    const name = colon < 0 ? item : item.slice(0, colon);
    if (colon >= 0 && item.slice(colon + 1) !== 'desc') return syntaxIssue('sort', 'direction', item);
    const i = names.indexOf(name);
    if (i < 0) return syntaxIssue('sort', 'unknownField', name, allowed());
    if (unsortable.includes(i)) return syntaxIssue('sort', 'notSortable', name, allowed());
  }
  return null;
}

/**
 * Field names of the resource (FieldsParam, api-facts §1.4).
 * @param {string[]} names
 * @param {string} text
 * @returns {Found | null}
 */
function fieldList(names, text) {
  const empty = listIssue('fields', text);
  if (empty !== null) return empty;
  const unknown = text.split(',').find((i) => !names.includes(i));
  return unknown === undefined ? null : syntaxIssue('fields', 'unknownField', unknown, names.slice());
}

/**
 * `[op, rest]` when `text` starts with letters and a colon (an operator of api-facts §1.5).
 * @param {string} text
 * @returns {[string, string] | null}
 */
function operator(text) {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const op = text.slice(0, colon);
  return /^[A-Za-z]+$/.test(op) ? [op, text.slice(colon + 1)] : null;
}

/**
 * @param {string} syntax
 * @param {string} op
 * @param {string[]} allowed
 */
function operatorIssue(syntax, op, allowed) {
  return syntaxIssue(syntax, 'operator', `${op}:`, allowed.map((a) => `${a}:`));
}

/**
 * A filter value in its mini-language (api-facts §1.5, decisions R11).
 * @param {FilterKind} kind
 * @param {string} text
 * @returns {Found | null}
 */
function filter(kind, text) {
  if (kind.values !== undefined) {
    return kind.values.includes(text) ? null : { code: 'enum', params: { allowed: kind.values.slice() } };
  }
  const syntax = /** @type {string} */ (kind.syntax);
  const ops = /** @type {string[]} */ (kind.operators);
  const o = operator(text);
  switch (syntax) {
    case 'string':
      // Only `in:` and `like:` are operators; any other text is a literal value.
      if (o !== null && o[0] === 'in') return inListIssue(syntax, o[1]);
      if (o !== null && o[0] === 'like' && o[1] === '') return syntaxIssue(syntax, 'empty', 'like:');
      return text === '' ? syntaxIssue(syntax, 'empty') : null;
    case 'id':
      if (o !== null && o[0] === 'in') {
        const list = inListIssue(syntax, o[1]);
        if (list !== null) return list;
        for (const item of o[1].split(',')) {
          const bad = id(kind, item);
          if (bad !== null) return bad;
        }
        return null;
      }
      if (o !== null) return operatorIssue(syntax, o[0], ops);
      return text === '' ? syntaxIssue(syntax, 'empty') : id(kind, text);
    default:
      return dated(syntax, text, ops, syntax === 'date' ? isDate : (s) => isDateTime(s, DATE_TIME));
  }
}

/**
 * One id: a non-negative integer JavaScript holds exactly (decisions R8).
 * @param {FilterKind} kind
 * @param {string} text
 * @returns {Found | null}
 */
function id(kind, text) {
  if (!/^-?[0-9]+$/.test(text)) return syntaxIssue('id', 'value', text);
  const n = Number(text);
  if (!(n >= -Number.MAX_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER)) {
    return { code: 'format', params: { format: kind.format } };
  }
  return n < 0 ? { code: 'minimum', params: { limit: 0, actual: n } } : null;
}

/**
 * @param {string} syntax
 * @param {string} text
 * @param {string[]} ops
 * @param {(s: string) => boolean} valid
 * @returns {Found | null}
 */
function dated(syntax, text, ops, valid) {
  const o = operator(text);
  if (o !== null && !ops.includes(o[0])) return operatorIssue(syntax, o[0], ops);
  const rest = o === null ? text : o[1];
  if (rest === '') return syntaxIssue(syntax, 'empty', o === null ? undefined : `${o[0]}:`);
  return valid(rest) ? null : { code: 'format', params: { format: syntax } };
}
