// @ts-check
// Standard Schema v1 (https://standardschema.dev) for every schema name, so form libraries
// (react-hook-form's standardSchemaResolver, TanStack Form, vee-validate) and servers (Hono,
// tRPC) take the package's validators without an adapter. Issues carry what the spec asks
// (`message`, `path` as keys, array indices as numbers) and ours (`code`, `params`, and the
// JSON Pointer as `pointer`). Written by hand: the spec is an interface, not a library.

import { formBody } from './form.js';
import { render } from './message.js';
import { root, SCHEMA_NAMES } from './resolve.js';
import { describeThrown, usageError } from './runtime.js';
import { check, labelsFrom, readOptions, withoutEmpty } from './validate.js';

/**
 * @typedef {{ message: string, path: (string | number)[], pointer: string, code: string, params: Record<string, unknown> }} StandardIssue
 */

/**
 * A Standard Schema v1 object for the schema `schema`. Options: those of `validate`
 * (`abortEarly`, `unknownFields`, `emptyAsAbsent`), `labels` (as `formatMessage`'s) and
 * `formInput: true`, for a form's raw values: they become the body by `formBody` (empty
 * inputs dropped, numbers and booleans read from text) before they are checked, and the body
 * is the output. Under `emptyAsAbsent` the output is the value without its `''` and `NaN`
 * members; otherwise it is the value itself.
 * @param {unknown} schema
 * @param {unknown} [options]
 */
export function standardSchema(schema, options) {
  const entry = root(schema, 'standardSchema');
  const o = readOptions(options, 'standardSchema');
  const opts = /** @type {Record<string, unknown> | undefined} */ (options ?? undefined);
  const get = (/** @type {string} */ name) => {
    try {
      return opts?.[name];
    } catch (e) {
      throw usageError(`standardSchema: reading options.${name} threw: ${describeThrown(e)}`, TypeError);
    }
  };
  const formInput = get('formInput');
  if (formInput !== undefined && typeof formInput !== 'boolean') {
    throw usageError('options.formInput must be true or false', TypeError);
  }
  const labelsOption = get('labels');
  if (labelsOption !== undefined && (typeof labelsOption !== 'object' || labelsOption === null)) {
    throw usageError('options.labels must be an object of labels by pointer or field name', TypeError);
  }
  const labels = labelsFrom(labelsOption, 'standardSchema');
  const name = /** @type {string} */ (schema);
  const run = { ...o, emptyAsAbsent: o.emptyAsAbsent || formInput === true };
  /** @param {unknown} value */
  const validate = (value) => {
    const input = formInput ? formBody(name, value) : value;
    const c = check(entry, input, run);
    if (c.found.length === 0) return { value: formInput ? input : o.emptyAsAbsent ? withoutEmpty(input) : input };
    /** @type {StandardIssue[]} */
    const issues = c.keyed().map((i) => ({
      message: render(i.path, i.code, i.params, labels),
      path: i.keys,
      pointer: i.path,
      code: i.code,
      params: i.params,
    }));
    return { issues };
  };
  return Object.freeze({
    '~standard': Object.freeze({ version: /** @type {const} */ (1), vendor: 'elevate-billing', validate, types: undefined }),
  });
}

/**
 * `schemas.Site`: the Standard Schema of each schema name with the default options, made on
 * first use.
 * @type {Readonly<Record<string, ReturnType<typeof standardSchema>>>}
 */
export const schemas = /* @__PURE__ */ makeSchemas();

function makeSchemas() {
  /** @type {Record<string, ReturnType<typeof standardSchema>>} */
  const made = {};
  const out = {};
  for (const name of SCHEMA_NAMES) {
    Object.defineProperty(out, name, { enumerable: true, get: () => (made[name] ??= standardSchema(name)) });
  }
  return Object.freeze(out);
}
