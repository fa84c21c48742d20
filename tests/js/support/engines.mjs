// The two implementations of the validators, side by side for differential tests: `core`, the
// JavaScript validators the package's form path runs (as users import them), and `engine`, the
// Rust engine compiled to wasm (its raw test-oracle exports, reached through the package's
// plumbing), which takes JSON text: the engine reads no JavaScript value, so what is compared is
// what JSON carries (values JSON cannot carry are the JavaScript side's alone, pinned in
// tests/js/hostile.test.mjs and engine-differential.test.mjs).

import * as eb from '../../../pkg/node.mjs';

const glue = eb.__engine();

/** JSON text of `v`, or undefined for what JSON.stringify writes nothing for. */
const text = (v) => (v === undefined ? undefined : JSON.stringify(v));

export const core = {
  validate: eb.validate,
  isValid: eb.isValid,
  validateField: eb.validateField,
  formatMessage: eb.formatMessage,
  schemaNames: eb.schemaNames,
};

export const engine = {
  validate: (name, value, options) => glue.__validateJson(name, text(value), options),
  isValid: (name, value) => glue.__validateJson(name, text(value), { abortEarly: true }).valid,
  validateField: (name, pointer, value) => glue.__validateFieldJson(name, pointer, text(value)),
  formatMessage: (issue, labels) => glue.__formatMessageJson(text(issue), text(labels)),
  jsonSchema: (name) => glue.jsonSchema(name),
};
