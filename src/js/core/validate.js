// @ts-check
// validate, isValid, validateField, formatMessage, schemaNames: the form path, in plain
// JavaScript generated from the Rust model (gen/validators.js) around a small runtime. No
// WebAssembly is needed, so these work synchronously right after `import`, in every runtime,
// under any Content-Security-Policy.

import { LIMITS } from './gen/tables.js';
import { fieldLabel, modelLabel, render } from './message.js';
import { describeArg, resolvePointer, root, SCHEMA_NAMES } from './resolve.js';
import { Ctx, describeThrown, guarded, pointer, readingEmptyAs, readRoot, usageError } from './runtime.js';
import { snapshot } from './snapshot.js';

/**
 * @typedef {{ path: string, code: string, params: Record<string, unknown>, message: string }} Issue
 * @typedef {{ valid: boolean, errors: Issue[], value?: unknown, truncated?: true }} Result
 *   `truncated`: issues past `maxIssues` were left out
 * @typedef {{ abortEarly: boolean, unknown: boolean, emptyAsAbsent: boolean, maxIssues: number }} Options
 */


/** The model's label of the field at a pointer. @param {string} path */
const modelLabelAt = (path) => fieldLabel(path);

/**
 * Reads `validate`'s options: absent, or an object with `abortEarly` (boolean),
 * `unknownFields` ('ignore' | 'report') and `emptyAsAbsent` (boolean: `''` and `NaN`, what
 * empty form inputs hold, count as not given). A getter that throws is a usage error naming it.
 * @param {unknown} options
 * @param {string} fn
 * @returns {Options}
 */
export function readOptions(options, fn) {
  const out = { abortEarly: false, unknown: false, emptyAsAbsent: false, maxIssues: LIMITS.maxIssues };
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object') {
    throw usageError(`${fn}: options must be an object such as { abortEarly: true }, not ${describeArg(options)}`, TypeError);
  }
  const get = (/** @type {string} */ name) => {
    try {
      return /** @type {any} */ (options)[name];
    } catch (e) {
      throw usageError(`${fn}: reading options.${name} threw: ${describeThrown(e)}`, TypeError);
    }
  };
  const abort = get('abortEarly');
  if (abort !== undefined) {
    if (typeof abort !== 'boolean') throw usageError('options.abortEarly must be true or false', TypeError);
    out.abortEarly = abort;
  }
  const unknown = get('unknownFields');
  if (unknown !== undefined) {
    if (unknown !== 'report' && unknown !== 'ignore') {
      throw usageError("options.unknownFields must be 'ignore' or 'report'", TypeError);
    }
    out.unknown = unknown === 'report';
  }
  const empty = get('emptyAsAbsent');
  if (empty !== undefined) {
    if (typeof empty !== 'boolean') throw usageError('options.emptyAsAbsent must be true or false', TypeError);
    out.emptyAsAbsent = empty;
  }
  const max = get('maxIssues');
  if (max !== undefined) {
    if (typeof max !== 'number' || !(max === Infinity || (Number.isInteger(max) && max >= 1))) {
      throw usageError('options.maxIssues must be a positive integer or Infinity', TypeError);
    }
    out.maxIssues = max;
  }
  return out;
}

/**
 * The result of a finished walk: issues in document order, with their messages.
 * @param {Ctx} c
 * @returns {Result}
 */
export function result(c) {
  const found = c.found;
  if (found.length === 0) return { valid: true, errors: [] };
  if (found.length > 1) c.sort();
  /** @type {Issue[]} */
  const errors = [];
  for (let n = 0; n < found.length; n++) {
    const { segs, code, params } = found[n];
    const path = pointer(segs);
    errors.push({ path, code, params, message: render(path, code, params, modelLabelAt, modelLabel(segs)) });
  }
  /** @type {Result} */
  const r = { valid: false, errors };
  if (c.dropped > 0) r.truncated = true;
  return r;
}

/**
 * As `result`, and when there are no issues, the value checked (under `emptyAsAbsent`,
 * without its empty members): what `validate` and `validateField` return.
 * @param {Ctx} c
 * @param {unknown} value
 * @param {Options} o
 * @returns {Result}
 */
function resultOf(c, value, o) {
  if (c.found.length === 0) return { valid: true, errors: [], value: o.emptyAsAbsent ? withoutEmpty(value) : value };
  return result(c);
}

/**
 * Checks `value` against the schema `schema` and reports every defect at once, in document
 * order. Throws only for a wrong argument, an unknown schema name, or a value that cannot be
 * read (a getter that throws, nesting deeper than the limit).
 * @param {unknown} schema
 * @param {unknown} value
 * @param {unknown} [options]
 * @returns {Result}
 */
export function validate(schema, value, options) {
  const entry = root(schema, 'validate');
  const o = readOptions(options, 'validate');
  return resultOf(check(entry, value, o), value, o);
}

/**
 * A copy of a valid value without its `''` and `NaN` members (what `emptyAsAbsent` judged
 * absent); other values, and objects other than plain ones, are kept as they are.
 * @param {unknown} v
 * @returns {unknown}
 */
export function withoutEmpty(v) {
  if (v === '' || (typeof v === 'number' && v !== v)) return undefined;
  if (Array.isArray(v)) return v.map(withoutEmpty);
  if (typeof v !== 'object' || v === null) return v;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === '' || (typeof x === 'number' && x !== x)) continue;
    out[k] = withoutEmpty(x);
  }
  return out;
}

/**
 * The finished walk of `value` against `entry` under options `o`.
 * @param {import('./resolve.js').Entry} entry
 * @param {unknown} value
 * @param {Options} o
 */
export function check(entry, value, o) {
  return readingEmptyAs(o.emptyAsAbsent, () => walk(entry, value, new Ctx(o.abortEarly, o.unknown, o.maxIssues)));
}

/**
 * Runs the check of `entry` on `value` at the root (or below `parent`, at `last`).
 * @param {import('./resolve.js').Entry} entry
 * @param {unknown} value
 * @param {Ctx} c
 * @param {string[]} [parent]
 * @param {string | null} [last]
 */
function walk(entry, value, c, parent = [], last = null) {
  guarded(() => {
    const r = readRoot(value);
    if ('foreign' in r) c.e(last, 0, 'type', { expected: entry[4], actual: r.foreign });
    else entry[0](r.value, c, last, 0, false);
  }, last === null ? parent : [...parent, last]);
  return c;
}

/**
 * True when `value` is a valid `schema` (stops at the first defect).
 * @param {unknown} schema
 * @param {unknown} value
 * @param {unknown} [options] as `validate`'s (`abortEarly` is implied)
 */
export function isValid(schema, value, options) {
  const entry = root(schema, 'isValid');
  const o = readOptions(options, 'isValid');
  return readingEmptyAs(o.emptyAsAbsent, () => walk(entry, value, new Ctx(true, o.unknown))).found.length === 0;
}

/**
 * Checks one field in place (`validateField('Site', '/siteAddress/postcode', 'SW1A 1AA')`).
 * `undefined` or `null` mean the field is empty (a `required` issue if it must be given), and
 * under `emptyAsAbsent` so do `''` and `NaN`. Rules that relate several fields need the whole
 * object: use `validate` for those.
 * @param {unknown} schema
 * @param {unknown} pointer
 * @param {unknown} value
 * @param {unknown} [options] as `validate`'s
 * @returns {Result}
 */
export function validateField(schema, pointer, value, options) {
  const { entry, parent, last } = resolvePointer(schema, pointer, 'validateField');
  const o = readOptions(options, 'validateField');
  return readingEmptyAs(o.emptyAsAbsent, () => fieldResult(entry, parent, last, value, o));
}

/**
 * @param {import('./resolve.js').Entry} entry
 * @param {string[]} parent
 * @param {string | null} last
 * @param {unknown} value
 * @param {Options} o
 */
function fieldResult(entry, parent, last, value, o) {
  const c = new Ctx(o.abortEarly, o.unknown, o.maxIssues);
  c.segs = parent.slice();
  c.pos = parent.map(() => 0);
  const any = entry[2] === 'any';
  const absent = guarded(() => {
    const r = readRoot(value);
    return ('foreign' in r && r.foreign === 'undefined') || ('value' in r && r.value === null);
  }, [...parent, ...(last === null ? [] : [last])]);
  if (absent && !any) {
    if (entry[1]) c.e(last, 0, 'required', {});
    return resultOf(c, value, o);
  }
  return resultOf(walk(entry, value, c, parent, last), value, o);
}

/**
 * The English message for an issue, from its `path`, `code` and `params` only (every message
 * the package returns is made by this function). To translate, write your own function of
 * `code` and `params`; to name fields your way, pass `labels`, keyed by a field's JSON
 * Pointer (`'/siteAddress/postcode'`) or, for every field of that name, by its name
 * (`postcode`); other fields keep the model's labels.
 * @param {unknown} issue
 * @param {unknown} [labels]
 */
export function formatMessage(issue, labels) {
  if (typeof issue !== 'object' || issue === null) {
    throw usageError('formatMessage needs an issue object ({ path, code, params })', TypeError);
  }
  // Each member read once; a getter or proxy trap that throws is an Error naming it.
  const read = (/** @type {object} */ o, /** @type {string} */ what, /** @type {string} */ k) => {
    try {
      return /** @type {any} */ (o)[k];
    } catch (e) {
      throw usageError(`formatMessage: reading ${what}.${k} threw: ${describeThrown(e)}`, TypeError);
    }
  };
  const code = read(issue, 'issue', 'code');
  if (typeof code !== 'string') throw usageError('formatMessage: issue.code must be a string', TypeError);
  const rawPath = read(issue, 'issue', 'path');
  const path = typeof rawPath === 'string' ? rawPath : '';
  const rawParams = read(issue, 'issue', 'params');
  const params =
    typeof rawParams === 'object' && rawParams !== null
      ? /** @type {Record<string, unknown>} */ (snapshot(rawParams, 'formatMessage: issue.params'))
      : {};
  return render(path, code, params, labelsFrom(labels, 'formatMessage'));
}

/**
 * How the caller's `labels` name fields (a label by a field's pointer, else by its name, else
 * the model's). A getter of `labels` that throws is a usage error naming it.
 * @param {unknown} labels
 * @param {string} fn
 * @returns {(path: string) => string}
 */
export function labelsFrom(labels, fn) {
  if (typeof labels !== 'object' || labels === null) return modelLabelAt;
  const table = /** @type {Record<string, unknown>} */ (labels);
  const custom = (/** @type {string} */ key) => {
    let v;
    try {
      v = table[key];
    } catch (e) {
      throw usageError(`${fn}: reading labels[${JSON.stringify(key)}] threw: ${describeThrown(e)}`, TypeError);
    }
    return typeof v === 'string' ? v : undefined;
  };
  return (path) => fieldLabel(path, custom);
}

/** The names `validate` accepts. */
export function schemaNames() {
  return SCHEMA_NAMES.slice();
}
