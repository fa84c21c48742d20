// The Rust engine compiled to wasm (its raw exports, reached through the package's plumbing),
// as the oracle of the JavaScript validatePatch and validateQuery in src/js/core; and the regex
// engine wired into that JavaScript as the package wires it, so regex-valued fields of a
// patched document are judged on both sides alike.

import * as eb from '../../../pkg/node.mjs';
import { useRegexEngine } from '../../../src/js/core/runtime.js';

/** The wasm-bindgen exports: validatePatch, validateQuery, validateProductReference, … */
export const glue = eb.__engine();

useRegexEngine((source) => {
  const issue = glue.validateProductReference(source, '').errors.find((e) => e.path === '/format');
  return issue ? issue.params.reason : null;
});
