// Node's `import` of elevate-billing: the same instance as `require` (node.cjs), so ESM and
// CommonJS callers share one engine and one set of patterns. Loaded with require rather than
// `import` of CommonJS, which would make Node lex the whole file for its export names.
import { createRequire } from 'node:module';

const api = createRequire(import.meta.url)('./node.cjs');

// The exports of index.js, listed explicitly (tests/package/smoke.test.mjs checks the lists agree).
export const {
  validate,
  isValid,
  validateField,
  describeField,
  formatMessage,
  schemaNames,
  formBody,
  standardSchema,
  schemas,
  ready,
  init,
  setPattern,
  resetPattern,
  getPattern,
  validateProductReference,
  jsonSchema,
  openApiDocument,
  validatePatch,
  validateQuery,
  validateNdjson,
  NdjsonValidator,
  validateNdjsonStream,
  validateNdjsonParallel,
  validateCsv,
  csvRecords,
  CsvValidator,
  validateCsvStream,
  ElevateClient,
  ElevateError,
  ElevateApiError,
  ElevateValidationError,
  ElevateNetworkError,
  ElevateTimeoutError,
  ElevateAbortError,
  ElevateTokenError,
  inList,
  like,
  lt,
  gt,
  gtn,
  __memoryBytes,
  __engine,
} = api;
