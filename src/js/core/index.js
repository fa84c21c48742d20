// @ts-check
// The form path of elevate-billing (`elevate-billing/forms`, and the same functions in the
// main entry): validators, field descriptions and messages in plain JavaScript generated from
// the Rust model. No WebAssembly: every function works synchronously right after import, in
// browsers, workers, edge runtimes and Node, under any Content-Security-Policy.

export { validate, isValid, validateField, formatMessage, schemaNames } from './validate.js';
export { describeField } from './describe.js';
export { validatePatch } from './patch.js';
export { validateQuery } from './query.js';
export { formBody } from './form.js';
export { standardSchema, schemas } from './standard.js';

// Plumbing for the engine entry (src/js/engine): the regex engine for regex-valued fields, the
// pattern slots `setPattern` replaces, and the runtime helpers the engine shares (through this
// module, never by path: a path import would bundle a second runtime, tables and state into
// engine.js; tests/package/smoke.test.mjs counts the tables). Hidden by their `__` names.
export {
  useRegexEngine as __useRegexEngine,
  installPattern as __installPattern,
  resetPatterns as __resetPatterns,
  patternIndex as __patternIndex,
  describeThrown as __describeThrown,
  pointer as __pointer,
} from './runtime.js';
// Shared with the engine entry rather than bundled into engine.js again (with its own copy of
// gen/tables.js, 83 KB): arguments read whole.
export { snapshot as __snapshot } from './snapshot.js';
