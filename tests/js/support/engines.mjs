// The two implementations of the validators, side by side for differential tests: `core`, the
// JavaScript validators the package's form path runs (as users import them), and `engine`, the
// Rust engine compiled to wasm (its raw exports, reached through the package's plumbing).

import * as eb from '../../../pkg/node.mjs';

const glue = eb.__engine();

export const core = {
  validate: eb.validate,
  isValid: eb.isValid,
  validateField: eb.validateField,
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
