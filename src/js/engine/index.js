// @ts-check
// The engine entry of elevate-billing: what runs in the Rust engine compiled to WebAssembly (the
// API client, bulk NDJSON, product formats and `setPattern` in the server's Java regex dialect,
// the JSON Schema / OpenAPI exports). The engine starts on first use (src/js/engine/load.js);
// importing this module costs nothing until then. The form path (src/js/core) never needs it,
// except to check regex-valued fields, which this module enables on import.

import * as core from '../core/index.js';
import { createClientApi } from '../client.js';
import { createNdjsonApi } from '../ndjson.js';
import { csvReport, ndjsonReport } from '../wire.js';
import { engine, load } from './load.js';

const PREFIX = 'elevate-billing: ';

/**
 * A TypeError naming the parameter, thrown before anything crosses into wasm.
 * @param {string} fn
 * @param {string} name
 * @param {string} expected
 * @param {unknown} got
 */
function argError(fn, name, expected, got) {
  const t = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got;
  return new TypeError(`${PREFIX}${fn}: ${name} must be ${expected}, not ${t}`);
}

/** @param {unknown} v @param {string} fn @param {string} name */
function string(v, fn, name) {
  if (typeof v !== 'string') throw argError(fn, name, 'a string', v);
  return v;
}

/** Regex-valued fields (a product's reference formats) are judged by the engine's Java dialect. */
function enableRegexFields() {
  core.__useRegexEngine((source) => engine().__regexReason(source) ?? null);
}
// On import, and again by `ready`/`init`, in case a bundler keeps this module for one export
// without its top-level statements.
enableRegexFields();

/**
 * Resolves once the engine runs, compiling it asynchronously (pages that would rather not
 * compile on first use await it; nothing else needs to). Rejects with the reason it cannot start
 * (a Content-Security-Policy without 'wasm-unsafe-eval', say). Started only when awaited.
 */
export const ready = Object.freeze({
  /** @param {any} [onFulfilled] @param {any} [onRejected] */
  then(onFulfilled, onRejected) {
    enableRegexFields();
    return load().then(onFulfilled, onRejected);
  },
  /** @param {any} [onRejected] */
  catch(onRejected) {
    return load().catch(onRejected);
  },
  /** @param {any} [onFinally] */
  finally(onFinally) {
    return load().finally(onFinally);
  },
  [Symbol.toStringTag]: 'Promise',
});

/**
 * Starts the engine now, from the package's own module, or from `input` (a URL, Response, the
 * .wasm bytes or a WebAssembly.Module). Later calls resolve at once.
 * @param {unknown} [input]
 */
export function init(input) {
  enableRegexFields();
  return load(input);
}

// ---- patterns ---------------------------------------------------------------------------

/**
 * The JavaScript pattern slot for what the engine compiled.
 * @param {any} slot `__patternSlot`'s answer
 * @param {string} name
 */
function toSlot(slot, name) {
  if (slot.class !== undefined) {
    return { name, source: slot.source, cls: slot.class, min: slot.min, max: slot.max ?? Infinity, empty: slot.empty };
  }
  if (slot.whole !== undefined) return { name, source: slot.source, whole: slot.whole };
  return { name, source: slot.source, match: (/** @type {string} */ s) => engine().__patternMatches(name, s) };
}

/** Re-reads the slots of `names` from the engine into the JavaScript validators. @param {string[]} names */
function refresh(names) {
  for (const name of names) {
    const i = core.__patternIndex(name);
    if (i < 0) continue;
    const slot = engine().__patternSlot(name);
    core.__installPattern(i, slot === undefined ? null : toSlot(slot, name));
  }
}

/**
 * Replaces the named pattern (`'NAME_CURLY'`, `'PHONE'`, …) with `source`, a regex in the server's
 * Java dialect, for every later validation (decisions R3). Throws, changing nothing, if the name
 * is unknown or the regex is invalid or too large.
 * @param {unknown} name
 * @param {unknown} source
 */
export function setPattern(name, source) {
  const n = string(name, 'setPattern', 'name');
  const s = string(source, 'setPattern', 'source');
  engine().setPattern(n, s);
  refresh([n]);
}

/**
 * Restores the built-in pattern `name`, or every pattern when `name` is omitted.
 * @param {unknown} [name]
 */
export function resetPattern(name) {
  if (name !== undefined) string(name, 'resetPattern', 'name');
  engine().resetPattern(name);
  if (name === undefined) {
    core.__resetPatterns();
  } else {
    refresh([/** @type {string} */ (name)]);
  }
}

/**
 * The source text of the pattern in force for `name`.
 * @param {unknown} name
 */
export function getPattern(name) {
  return engine().getPattern(string(name, 'getPattern', 'name'));
}

// ---- engine functions ---------------------------------------------------------------------

/** A lone surrogate (with the `u` flag a pair is one code point, not in Cs). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Checks `reference` against a product's `format` (a regex the server applies with
 * java.util.regex, decisions R10, R14): issues at `/format` (unusable) or `/reference` (no
 * match, or `params.reason: 'budget'` when matching ran out of steps). Both strings reach the
 * engine as UTF-16, a lone surrogate being itself; the issue's params are Rust strings, where
 * it shows as U+FFFD, so the original characters are put back here.
 * @param {unknown} format
 * @param {unknown} reference
 */
export function validateProductReference(format, reference) {
  const f = string(format, 'validateProductReference', 'format');
  const r = string(reference, 'validateProductReference', 'reference');
  const result = engine().validateProductReference(f, r);
  if (result.valid || !(LONE_SURROGATE.test(f) || LONE_SURROGATE.test(r))) return result;
  for (const issue of result.errors) {
    const params = issue.params;
    if (issue.path !== '/reference') continue;
    if (typeof params.format === 'string') params.format = f;
    if (typeof params.index === 'number') params.character = String.fromCodePoint(/** @type {number} */ (r.codePointAt(params.index)));
    issue.message = core.formatMessage(issue);
  }
  return result;
}

/**
 * The JSON Schema 2020-12 document of a schema name, with the patterns in force.
 * @param {unknown} schema
 */
export function jsonSchema(schema) {
  return engine().jsonSchema(string(schema, 'jsonSchema', 'schema'));
}

/** The OpenAPI 3.1 document of every endpoint. */
export function openApiDocument() {
  return engine().openApiDocument();
}

/**
 * Validates NDJSON text or bytes: every non-blank line is one record of `schema`.
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function validateNdjson(input, schema, options) {
  return ndjsonReport(engine().validateNdjson(input, string(schema, 'validateNdjson', 'schema'), options));
}

/** Validates NDJSON fed in chunks of any size: `push` each chunk, then `finish`. */
export class NdjsonValidator {
  /** @type {any} */
  #inner;
  /** @param {unknown} schema @param {unknown} [options] */
  constructor(schema, options) {
    this.#inner = new (engine().NdjsonValidator)(string(schema, 'NdjsonValidator', 'schema'), options);
  }
  /** @param {unknown} chunk */
  push(chunk) {
    this.#inner.push(chunk);
  }
  finish() {
    return ndjsonReport(this.#inner.finish());
  }
  free() {
    this.#inner.free();
  }
}

/**
 * Validates CSV text or bytes: a header row naming fields (JSON Pointer or dotted path), then
 * one record per row, built with the model's types and validated in one pass.
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function validateCsv(input, schema, options) {
  return csvReport(engine().validateCsv(input, string(schema, 'validateCsv', 'schema'), options));
}

/**
 * The bodies a CSV's rows become (what `validateCsv` validates), or the issue that makes a row
 * unreadable.
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function csvRecords(input, schema, options) {
  return engine().csvRecords(input, string(schema, 'csvRecords', 'schema'), options);
}

/** Validates CSV fed in chunks of any size: `push` each chunk, then `finish`. */
export class CsvValidator {
  /** @type {any} */
  #inner;
  /** @param {unknown} schema @param {unknown} [options] */
  constructor(schema, options) {
    this.#inner = new (engine().CsvValidator)(string(schema, 'CsvValidator', 'schema'), options);
  }
  /** @param {unknown} chunk */
  push(chunk) {
    this.#inner.push(chunk);
  }
  /** The counts so far (for progress output). */
  progress() {
    return this.#inner.progress();
  }
  finish() {
    return csvReport(this.#inner.finish());
  }
  free() {
    this.#inner.free();
  }
}

/**
 * Validates a large NDJSON input with every core (Node: worker threads over chunks of the
 * input, reports merged in line order); elsewhere it rejects, saying so.
 */
export { validateNdjsonParallel } from '#parallel';

/** Plumbing for tests and benchmarks: the engine's raw exports (the Rust validators as the
 * oracle of the JavaScript ones), started if needed. */
export function __engine() {
  return engine();
}

/** Plumbing for the memory benchmark and the leak test: bytes of the engine's linear memory. */
export function __memoryBytes() {
  return engine().__memoryBytes();
}

/** The glue, looked up at each use (the engine starts on first use). */
const glue = new Proxy(
  {},
  {
    get: (_, key) => engine()[key],
  },
);

export const { validateNdjsonStream, validateCsvStream } = createNdjsonApi({ NdjsonValidator, CsvValidator }, () => {});

export const {
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
} = /** @type {any} */ (createClientApi(glue, () => engine()));
