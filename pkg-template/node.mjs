// Node's `import` of elevate-billing: the same instance as `require` (node.cjs), so ESM and
// CommonJS callers share one engine and one set of patterns. Loaded with require rather than
// `import` of CommonJS, which would make Node lex the whole file for its export names.
import { createRequire } from 'node:module';

const api = createRequire(import.meta.url)('./node.cjs');

// The exports of index.js: scripts/build.mjs writes the list from index.js's own exports.
export const { /* EXPORTS of index.js */ } = api;
