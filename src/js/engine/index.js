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
import { BOUNDARY, PREFIX } from '../core/gen/contract.js';
import { chunks, describe, plainOptions, typeError, wholeBytes } from './args.js';
import { engine, load } from './load.js';

/**
 * A string argument, checked before anything crosses into wasm (a wrong type is a TypeError
 * naming the parameter).
 * @param {unknown} v @param {string} fn @param {string} name
 */
function string(v, fn, name) {
  if (typeof v !== 'string') throw typeError(`${fn}: ${name} must be a string, not ${describe(v)}`);
  return v;
}

const VALIDATE_OPTIONS = ['abortEarly', 'unknownFields', 'maxIssues'];
const NDJSON_OPTIONS = [...VALIDATE_OPTIONS, 'maxInvalidLines'];
const CSV_OPTIONS = [...VALIDATE_OPTIONS, 'maxInvalidRecords', 'delimiter'];

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
    return { name, source: slot.source, cls: slot.class, ascii: slot.ascii, min: slot.min, max: slot.max ?? Infinity, empty: slot.empty };
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
  const n = string(name, 'setPattern', 'the name');
  const s = string(source, 'setPattern', 'the source');
  engine().setPattern(n, s);
  refresh([n]);
}

/**
 * Restores the built-in pattern `name`, or every pattern when `name` is omitted.
 * @param {unknown} [name]
 */
export function resetPattern(name) {
  if (name !== undefined) string(name, 'resetPattern', 'the name');
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
  return engine().getPattern(string(name, 'getPattern', 'the name'));
}

// ---- engine functions ---------------------------------------------------------------------

/** A lone surrogate: Cs is U+D800–U+DFFF, and with the `u` flag a pair is one code point, outside
 * it. Written as a range: a `\p{…}` literal would load V8's Unicode property tables at import. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

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
  const f = string(format, 'validateProductReference', 'the format');
  const r = string(reference, 'validateProductReference', 'the reference');
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
  return engine().jsonSchema(string(schema, 'jsonSchema', 'the schema name'));
}

/** The OpenAPI 3.1 document of every endpoint. */
export function openApiDocument() {
  return engine().openApiDocument();
}

/**
 * A bulk validator of the engine, wrapped: every chunk is checked and copied in pieces
 * (args.js `chunks`), options are read once, and a validator that was finished or freed says
 * so (the engine's own would say "null pointer passed to rust"). `finish` gives the engine's
 * memory back at once.
 */
class Bulk {
  /** @type {any} */
  #inner;
  #state = 'open';
  #name;
  /** Reads the engine's encoded report (`../wire.js`). */
  #decode;

  /**
   * @param {string} name @param {string} className @param {unknown} schema @param {unknown} options
   * @param {readonly string[]} names @param {(bytes: Uint8Array) => any} decode
   */
  constructor(name, className, schema, options, names, decode) {
    this.#name = name;
    this.#decode = decode;
    const s = string(schema, name, 'the schema name');
    const o = plainOptions(options, name, names);
    this.#inner = new (engine()[className])(s, o);
  }

  /** @param {string} method */
  open(method) {
    if (this.#inner === null) {
      throw new Error(`${PREFIX}${this.#name}.${method}: the validator was ${this.#state === 'freed' ? 'freed' : 'finished'}`);
    }
    return this.#inner;
  }

  /** @param {unknown} chunk */
  push(chunk) {
    const inner = this.open('push');
    for (const piece of chunks(chunk, `${this.#name}.push: the chunk`, BOUNDARY.chunkBytes)) inner.push(piece);
  }

  finish() {
    const inner = this.open('finish');
    this.#inner = null;
    this.#state = 'finished';
    try {
      return this.#decode(inner.finish());
    } finally {
      inner.free();
    }
  }

  free() {
    if (this.#inner !== null) this.#inner.free();
    this.#inner = null;
    this.#state = 'freed';
  }
}

/**
 * `input` (a string, Uint8Array, any ArrayBufferView or ArrayBuffer) fed in chunks to a fresh
 * bulk validator, its report, and the validator freed.
 * @param {Bulk} v @param {unknown} input @param {string} what
 */
function feedWhole(v, input, what) {
  try {
    const g = chunks(input, what, BOUNDARY.chunkBytes);
    for (const piece of g) v.open('push').push(piece);
    return v.finish();
  } finally {
    v.free();
  }
}

/**
 * Validates NDJSON text or bytes: every non-blank line is one record of `schema`. Fed to the
 * engine in chunks, so wasm memory holds a chunk and the longest line, not the input.
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function validateNdjson(input, schema, options) {
  return feedWhole(new Bulk('validateNdjson', 'NdjsonValidator', schema, options, NDJSON_OPTIONS, ndjsonReport), input, 'validateNdjson: the input');
}

/** Validates NDJSON fed in chunks of any size: `push` each chunk, then `finish`. */
export class NdjsonValidator {
  #bulk;
  /** @param {unknown} schema @param {unknown} [options] */
  constructor(schema, options) {
    this.#bulk = new Bulk('NdjsonValidator', 'NdjsonValidator', schema, options, NDJSON_OPTIONS, ndjsonReport);
  }
  /** @param {unknown} chunk */
  push(chunk) {
    this.#bulk.push(chunk);
  }
  finish() {
    return this.#bulk.finish();
  }
  free() {
    this.#bulk.free();
  }
}

/**
 * Validates CSV text or bytes: a header row naming fields (JSON Pointer or dotted path), then
 * one record per row, built with the model's types and validated in one pass. Fed to the engine
 * in chunks.
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function validateCsv(input, schema, options) {
  return feedWhole(new Bulk('validateCsv', 'CsvValidator', schema, options, CSV_OPTIONS, csvReport), input, 'validateCsv: the input');
}

/**
 * The bodies a CSV's rows become (what `validateCsv` validates), or the issue that makes a row
 * unreadable. The input crosses whole (at most the engine's `maxBytes`).
 * @param {unknown} input @param {unknown} schema @param {unknown} [options]
 */
export function csvRecords(input, schema, options) {
  const s = string(schema, 'csvRecords', 'the schema name');
  const o = plainOptions(options, 'csvRecords', ['delimiter']);
  return engine().csvRecords(wholeBytes(input, 'csvRecords: the input', BOUNDARY.maxBytes), s, o);
}

/** Validates CSV fed in chunks of any size: `push` each chunk, then `finish`. */
export class CsvValidator {
  #bulk;
  /** @param {unknown} schema @param {unknown} [options] */
  constructor(schema, options) {
    this.#bulk = new Bulk('CsvValidator', 'CsvValidator', schema, options, CSV_OPTIONS, csvReport);
  }
  /** @param {unknown} chunk */
  push(chunk) {
    this.#bulk.push(chunk);
  }
  /** The counts so far (for progress output). */
  progress() {
    return this.#bulk.open('progress').progress();
  }
  finish() {
    return this.#bulk.finish();
  }
  free() {
    this.#bulk.free();
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
