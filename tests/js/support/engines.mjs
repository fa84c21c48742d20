// The two implementations of the validators, side by side for differential tests: `core`, the
// JavaScript validators the package's form path runs (as users import them), and `engine`, the
// Rust engine compiled to wasm (its raw test-oracle exports, reached through the package's
// plumbing), which takes JSON text: the engine reads no JavaScript value, so what is compared is
// what JSON carries (values JSON cannot carry are the JavaScript side's alone, pinned in
// tests/js/hostile.test.mjs and engine-differential.test.mjs).

import * as eb from '../../../pkg/node.mjs';

const glue = eb.__engine();

/**
 * JSON text of `v` (strings made well-formed: a lone surrogate is U+FFFD in UTF-8, as it always
 * was on its way into wasm), or undefined for what JSON.stringify writes nothing for.
 */
const text = (v) => (v === undefined ? undefined : JSON.stringify(v, (_, x) => (typeof x === 'string' ? x.toWellFormed() : x)));

/**
 * A valid result of the JavaScript path also carries the value checked (`value`, typed as the
 * schema's); the engine's does not. Checked here, then set aside for the comparison.
 */
function valueSetAside(result, input, options) {
  if (!result.valid) return result;
  const { value, ...rest } = result;
  if (!options?.emptyAsAbsent && !Object.is(value, input)) throw new Error('a valid result must carry the value checked');
  return rest;
}

export const core = {
  validate: (name, value, options) => valueSetAside(eb.validate(name, value, options), value, options),
  isValid: eb.isValid,
  validateField: (name, pointer, value, options) => valueSetAside(eb.validateField(name, pointer, value, options), value, options),
  formatMessage: eb.formatMessage,
  describeField: eb.describeField,
  schemaNames: eb.schemaNames,
};

export const engine = {
  validate: (name, value, options) => glue.__validateJson(name, text(value), options),
  isValid: (name, value) => glue.__validateJson(name, text(value), { abortEarly: true }).valid,
  validateField: (name, pointer, value) => glue.__validateFieldJson(name, pointer, text(value)),
  formatMessage: (issue, labels) => glue.__formatMessageJson(text(issue), text(labels)),
  jsonSchema: (name) => glue.jsonSchema(name),
};
