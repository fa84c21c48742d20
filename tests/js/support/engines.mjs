// The two implementations of the validators, side by side for differential tests: `core`, the
// JavaScript validators the package's form path runs (as users import them), and `engine`, the
// Rust engine compiled to wasm (its raw exports, reached through the package's plumbing).

import * as eb from '../../../pkg/node.mjs';

const glue = eb.__engine();

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
  validate: (name, value, options) => glue.validate(name, value, options),
  isValid: (name, value) => glue.validate(name, value, { abortEarly: true }).valid,
  validateField: (name, pointer, value) => glue.validateField(name, pointer, value),
  formatMessage: (issue, labels) => glue.formatMessage(issue, labels),
  jsonSchema: (name) => glue.jsonSchema(name),
};
