// @ts-check
// formBody: a form's values as the request body the server expects, by the model. Inputs hold
// text (`''` when empty) and number inputs `NaN` when empty; the body holds numbers, booleans
// and no empty members. The rules are those of CSV cells (src/schema/input.rs, written into
// gen/tables.js as TEXT_RULES), so a form and a spreadsheet row with the same texts make the
// same body (tests/js/form-input.test.mjs holds formBody to csvRecords):
// - empty (`''`, `NaN`, `null`, `undefined`) is absent: the member is left out;
// - an integer field reads `-?[0-9]+`, a number field decimal and exponent forms, a boolean
//   field exactly 'true' / 'false'; any other text stays as it is (the validator then says it
//   is not a number), and so does a value that already has a type;
// - an object whose members are all absent is absent; an array keeps its items by index,
//   drops trailing absent items and makes earlier ones `{}` (so issues keep pointing at them).
// Members the model does not define are kept as they are (unless empty). Nothing is trimmed,
// nothing the caller passed is changed: the body is a new value.

import { objects } from './gen/validators.js';
import { TEXT_RULES } from './gen/tables.js';
import { root } from './resolve.js';
import { Ctx, guarded } from './runtime.js';

/** What an empty input becomes: nothing. */
const ABSENT = Symbol('absent');

/**
 * The request body a form's values make (see the header): `formBody('Site', values)`.
 * Throws only for an unknown schema name or values that cannot be read (a getter that
 * throws, more members than the package reads).
 * @param {unknown} schema
 * @param {unknown} values
 * @returns {unknown}
 */
export function formBody(schema, values) {
  const entry = root(schema, 'formBody');
  const c = new Ctx(false, false);
  return guarded(() => {
    const body = convert(entry, values, c);
    if (body !== ABSENT) return body;
    return entry[4] === 'array' ? [] : entry[4] === 'object' ? {} : undefined;
  });
}

/** @param {unknown} v */
function empty(v) {
  return v === undefined || v === null || v === '' || (typeof v === 'number' && v !== v);
}

/**
 * The body value of the form value `v` for a field of `entry`, or ABSENT.
 * @param {import('./resolve.js').Entry} entry
 * @param {unknown} v
 * @param {Ctx} c
 * @returns {unknown}
 */
function convert(entry, v, c) {
  if (empty(v)) return ABSENT;
  const type = entry[4];
  if (typeof v === 'string') {
    if (type === 'integer') return TEXT_RULES.integer.test(v) ? Number(v) : v;
    if (type === 'number') return TEXT_RULES.number.test(v) ? Number(v) : v;
    if (type === 'boolean') return Object.prototype.hasOwnProperty.call(TEXT_RULES.boolean, v) ? /** @type {any} */ (TEXT_RULES.boolean)[v] : v;
    return v;
  }
  const below = entry[2];
  if (type === 'object' && typeof v === 'object' && !Array.isArray(v) && Array.isArray(below)) {
    const fields = /** @type {Map<string, import('./resolve.js').Entry>} */ (objects()[/** @type {number} */ (below[0])][1]);
    return object(/** @type {Record<string, unknown>} */ (v), fields, c);
  }
  if (type === 'array' && Array.isArray(v) && Array.isArray(below)) {
    return array(v, /** @type {import('./resolve.js').Entry} */ (below[1]), c);
  }
  return v;
}

/**
 * @param {Record<string, unknown>} o
 * @param {Map<string, import('./resolve.js').Entry>} fields
 * @param {Ctx} c
 */
function object(o, fields, c) {
  /** @type {Record<string, unknown>} */
  const out = {};
  let any = false;
  const keys = c.keys(o);
  let k;
  try {
    for (k of keys) {
      const f = fields.get(k);
      const x = o[k];
      const value = f === undefined ? (empty(x) ? ABSENT : x) : convert(f, x, c);
      if (value === ABSENT) continue;
      out[k] = value;
      any = true;
    }
  } catch (e) {
    throw c.fail(e, k);
  }
  return any ? out : ABSENT;
}

/**
 * @param {unknown[]} a
 * @param {import('./resolve.js').Entry} item
 * @param {Ctx} c
 */
function array(a, item, c) {
  const n = c.len(a);
  const out = [];
  let last = -1;
  let j;
  try {
    for (j = 0; j < n; j++) {
      const value = convert(item, a[j], c);
      out.push(value);
      if (value !== ABSENT) last = j;
    }
  } catch (e) {
    throw c.fail(e, j);
  }
  if (last < 0) return ABSENT;
  out.length = last + 1;
  return out.map((x) => (x === ABSENT ? {} : x));
}
