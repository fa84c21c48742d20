// The two implementations of the validators, side by side for differential tests: `core`, the
// JavaScript validators the package's form path runs, and `engine`, the Rust engine compiled to
// wasm (called through its raw exports, not the package's API).

import { createRequire } from 'node:module';
import * as js from '../../../src/js/core/validate.js';
import { useRegexEngine } from '../../../src/js/core/runtime.js';

const glue = createRequire(import.meta.url)('../../../pkg/elevate_billing_node.cjs');

// Regex-valued fields are judged by the wasm regex engine on both sides (as the package does).
useRegexEngine((source) => {
  const issue = glue.validateProductReference(source, '').errors.find((e) => e.path === '/format');
  return issue ? issue.params.reason : null;
});

export const core = {
  validate: js.validate,
  isValid: js.isValid,
  validateField: js.validateField,
  formatMessage: js.formatMessage,
  schemaNames: js.schemaNames,
};

export const engine = {
  validate: (name, value, options) => glue.validate(name, value, options),
  isValid: (name, value) => glue.validate(name, value, { abortEarly: true }).valid,
  validateField: (name, pointer, value) => glue.validateField(name, pointer, value),
  formatMessage: (issue, labels) => glue.formatMessage(issue, labels),
  jsonSchema: (name) => glue.jsonSchema(name),
};
