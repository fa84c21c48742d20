// @ts-check
// validate, isValid, validateField, formatMessage, schemaNames: the form path, in plain
// JavaScript generated from the Rust model (gen/validators.js) around a small runtime. No
// WebAssembly is needed, so these work synchronously right after `import`, in every runtime,
// under any Content-Security-Policy.

import { fieldLabel, labelOf, render } from './message.js';
import { describeArg, resolvePointer, root, SCHEMA_NAMES } from './resolve.js';
import { Ctx, guarded, pointer, readRoot, usageError } from './runtime.js';

/**
 * @typedef {{ path: string, code: string, params: Record<string, unknown>, message: string }} Issue
 * @typedef {{ valid: boolean, errors: Issue[] }} Result
 * @typedef {{ abortEarly: boolean, unknown: boolean }} Options
 */

const VALID = () => ({ valid: true, errors: [] });
const DEFAULTS = Object.freeze({ abortEarly: false, unknown: false });

/**
 * Reads `validate`'s options: absent, or an object with `abortEarly` (boolean) and
 * `unknownFields` ('ignore' | 'report'). A getter that throws is a usage error naming it.
 * @param {unknown} options
 * @param {string} fn
 * @returns {Options}
 */
export function readOptions(options, fn) {
  const out = { abortEarly: false, unknown: false };
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object') {
    throw usageError(`${fn}: options must be an object such as { abortEarly: true }, not ${describeArg(options)}`, TypeError);
  }
  const get = (/** @type {string} */ name) => {
    try {
      return /** @type {any} */ (options)[name];
    } catch (e) {
      throw usageError(`${fn}: reading options.${name} threw: ${String(e instanceof Error ? e.message : e)}`, TypeError);
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
  return out;
}

/**
 * The result of a finished walk: issues in document order, with their messages.
 * @param {Ctx} c
 * @returns {Result}
 */
export function result(c) {
  const found = c.found;
  if (found.length === 0) return VALID();
  if (found.length > 1) c.sort();
  const errors = new Array(found.length);
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const path = pointer(f.segs);
    errors[i] = { path, code: f.code, params: f.params, message: render(path, f.code, f.params, labelOf(f.segs)) };
  }
  return { valid: false, errors };
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
  const o = options === undefined ? DEFAULTS : readOptions(options, 'validate');
  return result(walk(entry, value, new Ctx(o.abortEarly, o.unknown)));
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
 */
export function isValid(schema, value) {
  const entry = root(schema, 'isValid');
  return walk(entry, value, new Ctx(true, false)).found.length === 0;
}

/**
 * Checks one field in place (`validateField('Site', '/siteAddress/postcode', 'SW1A 1AA')`).
 * `undefined` or `null` mean the field is empty (a `required` issue if it must be given).
 * Rules that relate several fields need the whole object: use `validate` for those.
 * @param {unknown} schema
 * @param {unknown} pointer
 * @param {unknown} value
 * @returns {Result}
 */
export function validateField(schema, pointer, value) {
  const { entry, parent, last } = resolvePointer(schema, pointer, 'validateField');
  const c = new Ctx(false, false);
  c.segs = parent.slice();
  c.pos = parent.map(() => 0);
  const any = entry[2] === 'any';
  const absent = guarded(() => {
    const r = readRoot(value);
    return ('foreign' in r && r.foreign === 'undefined') || ('value' in r && r.value === null);
  }, [...parent, ...(last === null ? [] : [last])]);
  if (absent && !any) {
    if (entry[1]) c.e(last, 0, 'required', {});
    return result(c);
  }
  return result(walk(entry, value, c, parent, last));
}

/**
 * The English message for an issue, from its `path`, `code` and `params` only (every message
 * the package returns is made by this function). To translate, write your own function of
 * `code` and `params`; to name fields your way, pass `labels` (`{ contractOwnerId: 'Contract
 * owner' }`, keyed by the field's name).
 * @param {unknown} issue
 * @param {unknown} [labels]
 */
export function formatMessage(issue, labels) {
  if (typeof issue !== 'object' || issue === null) {
    throw usageError('formatMessage needs an issue object ({ path, code, params })', TypeError);
  }
  const i = /** @type {Record<string, unknown>} */ (issue);
  const code = i.code;
  if (typeof code !== 'string') throw usageError('formatMessage: issue.code must be a string', TypeError);
  const path = typeof i.path === 'string' ? i.path : '';
  const params = typeof i.params === 'object' && i.params !== null ? /** @type {Record<string, unknown>} */ (i.params) : {};
  let label = fieldLabel(path);
  if (typeof labels === 'object' && labels !== null) {
    const custom = /** @type {Record<string, unknown>} */ (labels)[label];
    if (typeof custom === 'string') label = custom;
  }
  return render(path, code, params, label);
}

/** The names `validate` accepts. */
export function schemaNames() {
  return SCHEMA_NAMES.slice();
}
