// The Rust engine compiled to wasm (its raw test-oracle exports, reached through the package's
// plumbing), as the oracle of the JavaScript validatePatch and validateQuery in src/js/core; and
// the regex engine wired into that JavaScript as the package wires it, so regex-valued fields of
// a patched document are judged on both sides alike.
//
// The engine takes JSON text (it reads no JavaScript value): `faithful(v)` says whether JSON
// text carries everything the validators look at in `v` (no BigInt, NaN, ±Infinity, cycle,
// throwing getter, root undefined, nesting past serde_json's 128 levels); only such calls are
// compared, the rest are the JavaScript side's alone and pinned by deterministic tests.

import * as eb from '../../../pkg/node.mjs';
import { useRegexEngine } from '../../../src/js/core/runtime.js';

/** The wasm-bindgen exports. */
export const glue = eb.__engine();

useRegexEngine((source) => {
  const issue = glue.validateProductReference(source, '').errors.find((e) => e.path === '/format');
  return issue ? issue.params.reason : null;
});

/** Deepest nesting serde_json parses (its recursion limit). */
const JSON_DEPTH = 127;

/**
 * True when JSON text says all the validators see of `v`: no value JSON cannot carry, no cycle,
 * no getter or trap that throws, not too deep.
 * @param {unknown} v
 */
export function faithful(v) {
  const seen = [];
  const walk = (x, depth) => {
    if (x !== null && (typeof x === 'object' || typeof x === 'bigint')) {
      if (typeof x.toJSON === 'function') x = x.toJSON();
      if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf();
    }
    if (typeof x === 'bigint') return false;
    if (typeof x === 'number') return Number.isFinite(x) && !Object.is(x, -0);
    if (typeof x !== 'object' || x === null) return true;
    if (seen.includes(x) || depth > JSON_DEPTH) return false;
    seen.push(x);
    const ok = Object.values(x).every((y) => walk(y, depth + 1));
    seen.pop();
    return ok;
  };
  try {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return false;
    return walk(v, 0);
  } catch {
    return false;
  }
}

/** The oracle's validatePatch, on the JSON text of its arguments. */
export function enginePatch(schema, current, ops, options) {
  return glue.__validatePatchJson(schema, JSON.stringify(current) ?? 'null', JSON.stringify(ops) ?? 'null', options);
}

/**
 * The oracle's validateQuery: a string or URLSearchParams as its query string, an object as JSON
 * text with numbers and booleans written as `String(value)` (as the JavaScript side sends them),
 * `null` and `undefined` members left as "not given".
 */
export function engineQuery(endpoint, query) {
  if (typeof query === 'string') return glue.__validateQueryString(endpoint, query);
  if (query instanceof URLSearchParams) return glue.__validateQueryString(endpoint, query.toString());
  if (query === undefined || query === null) return glue.__validateQueryJson(endpoint, '{}');
  const sent = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    // What the JavaScript side judges: the text of a number or boolean; an object or array only
    // by its type (a Date is not sent as its ISO string in a query).
    const value = typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? [] : {}) : v;
    Object.defineProperty(sent, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return glue.__validateQueryJson(endpoint, JSON.stringify(sent));
}
