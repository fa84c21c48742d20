// @ts-check
// JSON Pointers into a schema (validateField, describeField): the twin of `resolve_at` in
// src/validate/mod.rs, walking the tables the generator wrote (gen/validators.js).

import { ANY, ROOTS, objects } from './gen/validators.js';
import { segments } from './message.js';
import { usageError } from './runtime.js';

/**
 * @typedef {(x: unknown, c: import('./runtime.js').Ctx, k: string | number | null, mi: number, fl: boolean) => unknown} Check
 * @typedef {[Check, boolean, Descent, string, string]} Entry
 *   [check, must be given, how pointers descend below it, description key, JSON type]
 * @typedef {[number, null] | [-1, Entry] | 'any' | null} Descent
 *   an object schema's index, an array's item entry, any JSON value, or nothing below
 * @typedef {{ entry: Entry, parent: string[], last: string | null }} Resolved
 */

/** The names `validate` accepts, in documentation order. */
export const SCHEMA_NAMES = Object.freeze([...ROOTS.keys()]);

/** A short, safe description of an argument of the wrong type. @param {unknown} v */
export function describeArg(v) {
  if (v === null) return 'null';
  try {
    if (Array.isArray(v)) return 'an array';
  } catch {
    return 'a revoked proxy'; // Array.isArray throws for one
  }
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'undefined' : `a ${t}`;
}

/**
 * The root entry of schema `name`, or a usage Error listing the known names.
 * @param {unknown} name
 * @param {string} fn the function the name was given to, for the message
 * @returns {Entry}
 */
export function root(name, fn) {
  if (typeof name !== 'string') {
    throw usageError(`${fn}: the schema name must be a string such as 'Site', not ${describeArg(name)}`, TypeError);
  }
  const entry = ROOTS.get(name);
  if (entry === undefined) {
    throw usageError(`unknown schema ${JSON.stringify(name)}; known schemas: ${SCHEMA_NAMES.join(', ')}`);
  }
  return /** @type {Entry} */ (entry);
}

/**
 * What `pointer` names in schema `name`: its entry, and where it is (the segments before its
 * last one, and the last).
 * @param {unknown} name
 * @param {unknown} pointer
 * @param {string} fn
 * @returns {Resolved}
 */
export function resolvePointer(name, pointer, fn) {
  let entry = root(name, fn);
  if (typeof pointer !== 'string') {
    throw usageError(`${fn}: the pointer must be a string such as '/siteName', not ${describeArg(pointer)}`, TypeError);
  }
  const unknown = (/** @type {string} */ reason) =>
    usageError(`${JSON.stringify(pointer)} is not a field of ${name}: ${reason}`);
  const segs = segments(pointer);
  if (segs === null) throw unknown('not a JSON Pointer (it must be empty or start with /)');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const below = entry[2];
    if (below === 'any') {
      // Any JSON value: nothing below it has rules (a JSON Patch operation's value).
      entry = /** @type {Entry} */ (ANY);
      break;
    }
    if (below === null) throw unknown(`cannot descend into a ${entry[4]} value`);
    if (below[0] >= 0) {
      const [schemaName, fields] = /** @type {[string, Map<string, Entry>]} */ (objects()[below[0]]);
      const f = fields.get(seg);
      if (f === undefined) {
        throw unknown(`${schemaName} has no field ${JSON.stringify(seg)} (fields: ${[...fields.keys()].join(', ')})`);
      }
      entry = f;
    } else {
      // Rust's `str::parse::<u32>`: digits with an optional `+`, at most 4294967295.
      if (!/^\+?[0-9]+$/.test(seg) || Number(seg) > 4294967295) {
        throw unknown(`${JSON.stringify(seg)} is not an array index`);
      }
      entry = /** @type {Entry} */ (below[1]);
    }
  }
  return { entry, parent: segs.slice(0, -1), last: segs.length ? segs[segs.length - 1] : null };
}
