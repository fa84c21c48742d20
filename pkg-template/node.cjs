'use strict';
// Node's entry of elevate-billing: `require`, and `import` through node.mjs and node-forms.mjs,
// so all three share one instance (one engine, one set of patterns). The form path
// (node-core.cjs) loads now; the engine half (client, bulk files, product formats and
// setPattern, exports: node-engine.cjs) when one of its exports is first read, so that import
// and a first `validate` read and compile the form path only (bench/README.md section 5).

const core = require('./node-core.cjs');

let engineApi = null;
/** The engine half, required on first use. */
const engine = () => (engineApi ??= require('./node-engine.cjs'));

// Regex-valued fields (a product's reference formats) are judged by the engine's Java dialect,
// through the form functions too; node-engine.cjs installs the same check when it loads.
core.__useRegexEngine((source) => engine().__engine().__regexReason(source) ?? null);

// The exports of index.js (tests/package/smoke.test.mjs checks the lists agree).
const FORMS = ['validate', 'isValid', 'validateField', 'describeField', 'formatMessage', 'schemaNames', 'formBody', 'standardSchema', 'schemas', 'validatePatch', 'validateQuery'];
const ENGINE = [
  'ready',
  'init',
  'setPattern',
  'resetPattern',
  'getPattern',
  'validateProductReference',
  'jsonSchema',
  'openApiDocument',
  'validateNdjson',
  'NdjsonValidator',
  'validateNdjsonStream',
  'validateNdjsonParallel',
  'validateCsv',
  'csvRecords',
  'CsvValidator',
  'validateCsvStream',
  'ElevateClient',
  'ElevateError',
  'ElevateApiError',
  'ElevateValidationError',
  'ElevateNetworkError',
  'ElevateTimeoutError',
  'ElevateAbortError',
  'ElevateTokenError',
  'inList',
  'like',
  'lt',
  'gt',
  'gtn',
  '__memoryBytes',
  '__engine',
];
for (const name of FORMS) exports[name] = core[name];
for (const name of ENGINE) Object.defineProperty(exports, name, { enumerable: true, get: () => engine()[name] });
