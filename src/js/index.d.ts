// Typings of the elevate-billing entry (hand-written; the model's types are generated from the
// Rust model into types.d.ts, the validators' shapes are in validation.d.ts). The form functions come from forms.d.ts; what needs the
// WebAssembly engine is declared here.

export * from './forms.js';
export * from './client.js';
import type { PatternName, SchemaName } from './types.js';
import type {
  JsonSchemaDocument,
  NdjsonOptions,
  NdjsonReport,
  OpenApiDocument,
  ReadableStreamLike,
  ValidateOptions,
  ValidationIssue,
  Verdict,
} from './validation.js';

/**
 * A promise-like that starts the WebAssembly engine asynchronously when awaited, and resolves
 * once it runs (nothing needs it: the engine also starts synchronously on first use). Rejects
 * with the reason it cannot start, e.g. a Content-Security-Policy without 'wasm-unsafe-eval'.
 */
export declare const ready: PromiseLike<void> & {
  catch(onRejected?: (reason: unknown) => unknown): Promise<unknown>;
  finally(onFinally?: () => void): Promise<void>;
};

/**
 * Starts the engine now, from the package itself or from `input`: a URL, a fetch Response, the
 * .wasm bytes or a compiled WebAssembly.Module (typed structurally: no DOM library needed).
 */
export declare function init(input?: string | { href: string } | { arrayBuffer(): Promise<ArrayBuffer> } | ArrayBuffer | ArrayBufferView | object): Promise<void>;

/**
 * Replaces the named pattern (`'NAME_CURLY'`, `'PHONE'`, …) with `source`, a regex in the
 * server's Java dialect, for all later validations (decisions R3). Throws, changing nothing, if
 * the name is unknown or the regex is invalid or too large.
 */
export declare function setPattern(name: PatternName, source: string): void;

/** Restores the built-in pattern `name`, or every pattern when `name` is omitted. */
export declare function resetPattern(name?: PatternName): void;

/** The source text of the pattern in force for `name` (built-in or set by `setPattern`). */
export declare function getPattern(name: PatternName): string;

/**
 * Checks `reference` (a product reference, additional reference or service id) against the
 * product's `format`, a regex in the server's dialect (decisions R10): issues at `/format` when
 * the format cannot be used, at `/reference` when the reference does not match it.
 */
export declare function validateProductReference(format: string, reference: string): Verdict;

/**
 * The JSON Schema 2020-12 document of the schema `schema`: the validator's rules as far as JSON
 * Schema can say them (a regex-valued field is only a string), with the patterns in force.
 */
export declare function jsonSchema(schema: SchemaName): JsonSchemaDocument;

/** The OpenAPI 3.1 document of every endpoint, with the same schemas as `jsonSchema`. */
export declare function openApiDocument(): OpenApiDocument;

/**
 * Validates NDJSON text or bytes: every non-blank line is one record of schema `schema`. For
 * large files use `NdjsonValidator` or `validateNdjsonStream` to feed chunks as they are read.
 */
export declare function validateNdjson(input: string | Uint8Array | ArrayBuffer, schema: SchemaName, options?: NdjsonOptions): NdjsonReport;

/** Validates NDJSON fed in chunks of any size: `push` each chunk as it is read, then `finish`. */
export declare class NdjsonValidator {
  constructor(schema: SchemaName, options?: NdjsonOptions);
  /** Validates the lines this chunk completes. */
  push(chunk: string | Uint8Array | ArrayBuffer): void;
  /** Validates the last line and returns the report; the validator cannot be used after. */
  finish(): NdjsonReport;
  /** Releases the validator's memory now (it is also released when collected). */
  free(): void;
}

/**
 * Validates NDJSON read from a web ReadableStream, a Node Readable or any (async) iterable of
 * string / Uint8Array chunks, without holding the whole input in memory.
 */
export declare function validateNdjsonStream(
  source: ReadableStreamLike<Uint8Array | string> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  schema: SchemaName,
  options?: NdjsonOptions,
): Promise<NdjsonReport>;

/** Options of `validateNdjsonParallel`: those of `validateNdjson`, and how to share the work. */
export interface NdjsonParallelOptions extends NdjsonOptions {
  /**
   * Worker threads to validate with (default: the cores Node may use,
   * `os.availableParallelism()`); `0` validates on the calling thread.
   */
  workers?: number;
  /**
   * Bytes of input per chunk handed to a worker (default 1 MiB; chunks end at line ends). An
   * input smaller than four chunks is validated on the calling thread.
   */
  chunkBytes?: number;
}

/**
 * Validates a large NDJSON input with every core (Node only): the input (text, bytes, or a stream
 * or (async) iterable of chunks, read with bounded memory) is cut at line ends into chunks that
 * worker threads validate, each with its own engine, and the reports are merged in line order:
 * the result equals `validateNdjson`'s for the same input, line numbers and `maxInvalidLines`
 * included. Outside Node it rejects with an Error saying so.
 */
export declare function validateNdjsonParallel(
  input:
    | string
    | Uint8Array
    | ArrayBuffer
    | ReadableStreamLike<Uint8Array | string>
    | AsyncIterable<Uint8Array | string>
    | Iterable<Uint8Array | string>,
  schema: SchemaName,
  options?: NdjsonParallelOptions,
): Promise<NdjsonReport>;

// CSV (src/validate/csv.rs; its bounds quoted here are held to the Rust constants by a test there).

/** Options of `validateCsv`, `CsvValidator` and `validateCsvStream`. */
export interface CsvOptions extends Omit<ValidateOptions, 'emptyAsAbsent'> {
  /** Keep the issues of at most this many invalid records (all are still counted). A non-negative integer, or Infinity for all. Default 1000. */
  maxInvalidRecords?: number;
  /** The cell separator, one ASCII character. Default ",". */
  delimiter?: string;
}

/** An issue of a CSV record: `column` is the header cell naming `path`, or null when no column names exactly that path (a missing object, an array's item count, an unreadable record). */
export type CsvIssue = ValidationIssue & {
  column: string | null;
};

/**
 * The outcome of validating CSV. The header row names a field per column (JSON Pointer
 * `/siteAddress/postcode` or dotted path `siteContacts.0.contactName`); each later row is one
 * record. Cells become values by the field's type: an empty cell is absent; integer fields take
 * `-?[0-9]+`, number fields decimal and exponent forms, boolean fields exactly `true`/`false`,
 * anything else stays a string (a `type` issue); nothing is trimmed. Objects whose cells are all
 * empty are absent; trailing all-empty array items are dropped, earlier ones are `{}`. Rows
 * whose cells are all empty are skipped. A record that cannot be read (a cell not UTF-8, a cell
 * count other than the header's, larger than 67108864 bytes) has one issue with code 'json'.
 */
export interface CsvReport {
  /** Data records (rows below the header that are not all empty). */
  records: number;
  valid: number;
  invalid: number;
  /** Invalid records in input order: `record` is the 1-based number among data records, `line` the 1-based line where it starts (quoted newlines and blank lines counted). */
  invalidRecords: Array<{ record: number; line: number; errors: CsvIssue[]; truncated?: true }>;
  /** True when invalidRecords was cut short by maxInvalidRecords. */
  truncated: boolean;
  /** The header cells, as read. */
  columns: string[];
}

/** One record's body as `validateCsv` builds it (`csvRecords`), or the issue that makes it unreadable. */
export type CsvRecord =
  | { record: number; line: number; value: Record<string, unknown>; errors?: undefined }
  | { record: number; line: number; value?: undefined; errors: CsvIssue[] };

/**
 * Validates CSV read from a web ReadableStream, a Node Readable or any (async) iterable of
 * string / Uint8Array chunks, without holding the whole input in memory. Rejects for an unknown
 * schema or a header cell that names no field (arrays may name items up to index 9999).
 */
export declare function validateCsvStream(
  source: ReadableStreamLike<Uint8Array | string> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  schema: SchemaName,
  options?: CsvOptions,
): Promise<CsvReport>;

/**
 * Validates CSV text or bytes: the header row names a field per column (JSON Pointer
 * `/siteAddress/postcode` or dotted path `siteContacts.0.contactName`), each later row is one
 * record, built with the model's types and validated in one pass. Throws for an unknown schema
 * or a header cell that names no field.
 */
export declare function validateCsv(input: string | Uint8Array | ArrayBuffer, schema: SchemaName, options?: CsvOptions): CsvReport;

/** The bodies the rows of a CSV become (what `validateCsv` validates), or why a row is unreadable. */
export declare function csvRecords(input: string | Uint8Array | ArrayBuffer, schema: SchemaName, options?: { delimiter?: string }): CsvRecord[];

/** Validates CSV fed in chunks of any size: `push` each chunk as it is read, then `finish`. */
export declare class CsvValidator {
  constructor(schema: SchemaName, options?: CsvOptions);
  /** Validates the records this chunk completes. */
  push(chunk: string | Uint8Array | ArrayBuffer): void;
  /** The counts so far (for progress output). */
  progress(): { records: number; valid: number; invalid: number };
  /** Validates the last record and returns the report; the validator cannot be used after. */
  finish(): CsvReport;
  /** Releases the validator's memory now (it is also released when collected). */
  free(): void;
}
