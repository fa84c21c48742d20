'use strict';
// Node's entry of elevate-billing: `require`, and `import` through node.mjs and node-forms.mjs,
// so all three share one instance (one engine, one set of patterns). The form path
// (node-core.cjs) loads now; the engine half (client, bulk files, product formats and
// setPattern, exports: node-engine.cjs) when one of its exports is first read, so that
// `require` or `import('elevate-billing/forms')` and a first `validate` read and compile the
// form path only (node.mjs reads the engine half at import: ES named exports need its classes
// as values; bench/README.md section 5).

const core = require('./node-core.cjs');

let engineApi = null;
/** The engine half, required on first use. */
const engine = () => (engineApi ??= require('./node-engine.cjs'));

// Regex-valued fields (a product's reference formats) are judged by the engine's Java dialect,
// through the form functions too; node-engine.cjs installs the same check when it loads.
core.__useRegexEngine((source) => engine().__engine().__regexReason(source) ?? null);

// The exports of index.js: the form functions from forms.js, the rest from the engine half
// (both lists written by scripts/build.mjs from esbuild's record of the ES entries).
const FORMS = /* NAMES of forms.js */ [];
const ENGINE = /* NAMES of index.js, not of forms.js */ [];
for (const name of FORMS) exports[name] = core[name];
for (const name of ENGINE) Object.defineProperty(exports, name, { enumerable: true, get: () => engine()[name] });
