// @ts-check
// `elevate-billing/forms`: the form path alone, in plain JavaScript generated from the Rust
// model. No WebAssembly, nothing to await, any Content-Security-Policy.

export {
  validate,
  isValid,
  validateField,
  describeField,
  formatMessage,
  schemaNames,
  validatePatch,
  validateQuery,
  formBody,
  standardSchema,
  schemas,
} from './core/index.js';
