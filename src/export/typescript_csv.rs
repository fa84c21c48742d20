//! TypeScript declarations of the CSV validator (`validateCsv`, `CsvValidator`,
//! `validateCsvStream`, `csvRecords`; `src/validate/csv.rs`). Appended to `types.d.ts` by
//! `elevate-codegen dts`; the bounds are printed from the Rust constants.

use crate::validate::csv::{MAX_ARRAY_INDEX, MAX_RECORD_BYTES};

/// The CSV declarations (to follow the model's in `types.d.ts`).
pub fn declarations() -> String {
    format!(
        r#"
// ---- CSV (src/validate/csv.rs) ----

/** Options of `validateCsv`, `CsvValidator` and `validateCsvStream`. */
export interface CsvOptions extends Omit<ValidateOptions, 'emptyAsAbsent'> {{
  /** Keep the issues of at most this many invalid records (all are still counted). A non-negative integer, or Infinity for all. Default 1000. */
  maxInvalidRecords?: number;
  /** The cell separator, one ASCII character. Default ",". */
  delimiter?: string;
}}

/** An issue of a CSV record: `column` is the header cell naming `path`, or null when no column names exactly that path (a missing object, an array's item count, an unreadable record). */
export type CsvIssue = ValidationIssue & {{
  column: string | null;
}};

/**
 * The outcome of validating CSV. The header row names a field per column (JSON Pointer
 * `/siteAddress/postcode` or dotted path `siteContacts.0.contactName`); each later row is one
 * record. Cells become values by the field's type: an empty cell is absent; integer fields take
 * `-?[0-9]+`, number fields decimal and exponent forms, boolean fields exactly `true`/`false`,
 * anything else stays a string (a `type` issue); nothing is trimmed. Objects whose cells are all
 * empty are absent; trailing all-empty array items are dropped, earlier ones are `{{}}`. Rows
 * whose cells are all empty are skipped. A record that cannot be read (a cell not UTF-8, a cell
 * count other than the header's, larger than {max_bytes} bytes) has one issue with code 'json'.
 */
export interface CsvReport {{
  /** Data records (rows below the header that are not all empty). */
  records: number;
  valid: number;
  invalid: number;
  /** Invalid records in input order: `record` is the 1-based number among data records, `line` the 1-based line where it starts (quoted newlines and blank lines counted). */
  invalidRecords: Array<{{ record: number; line: number; errors: CsvIssue[]; truncated?: true }}>;
  /** True when invalidRecords was cut short by maxInvalidRecords. */
  truncated: boolean;
  /** The header cells, as read. */
  columns: string[];
}}

/** One record's body as `validateCsv` builds it (`csvRecords`), or the issue that makes it unreadable. */
export type CsvRecord =
  | {{ record: number; line: number; value: Record<string, unknown>; errors?: undefined }}
  | {{ record: number; line: number; value?: undefined; errors: CsvIssue[] }};

/**
 * Validates CSV read from a web ReadableStream, a Node Readable or any (async) iterable of
 * string / Uint8Array chunks, without holding the whole input in memory. Rejects for an unknown
 * schema or a header cell that names no field (arrays may name items up to index {max_index}).
 */
export declare function validateCsvStream(
  source: ReadableStreamLike<Uint8Array | string> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  schema: SchemaName,
  options?: CsvOptions,
): Promise<CsvReport>;
"#,
        max_bytes = MAX_RECORD_BYTES,
        max_index = MAX_ARRAY_INDEX,
    )
}
