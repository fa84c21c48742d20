// Node's `import` of elevate-billing/forms: the form functions of node.cjs (the same instance as
// `elevate-billing` and `require`), without the engine half, which node.cjs loads on first use.
import { createRequire } from 'node:module';

const api = createRequire(import.meta.url)('./node.cjs');

// The exports of forms.js: scripts/build.mjs writes the list from forms.js's own exports.
export const { /* EXPORTS of forms.js */ } = api;
