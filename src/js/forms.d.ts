// Typings of `elevate-billing/forms`, the form path (hand-written; the model's types are
// generated from the Rust model into types.d.ts). Everything here works without WebAssembly.

export * from './types.js';
import type {
  EndpointKey,
  FieldDescription,
  JsonPatchOperation,
  PatchValidationResult,
  QueryInput,
  SchemaName,
  SchemaTypes,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from './types.js';

/**
 * Checks `value` against the request-body schema `schema` and reports every defect at once, in
 * document order. Throws only for an unknown schema name, a wrong argument, or a value that
 * cannot be read (a getter that throws, nesting deeper than 256).
 */
export declare function validate(schema: SchemaName, value: unknown, options?: ValidateOptions): ValidationResult;

/**
 * Checks one field in place, e.g. `validateField('Site', '/siteAddress/postcode', 'SW1A 1AA')`.
 * `undefined` or `null` means the field is empty (a `required` issue if it must be given). Rules
 * that relate several fields need the whole object: use `validate` for those.
 */
export declare function validateField(schema: SchemaName, pointer: string, value: unknown): ValidationResult;

/**
 * What a form needs to know about one field, read from the model: required, type, limits,
 * allowed values, pattern, format, and the rules that constrain it.
 */
export declare function describeField(schema: SchemaName, pointer: string): FieldDescription;

/**
 * The English message for an issue, from its `path`, `code` and `params` only (every message the
 * package returns is made by this function). To name fields your way, pass `labels`, keyed by
 * the field's name.
 */
export declare function formatMessage(
  issue: Pick<ValidationIssue, 'path' | 'code' | 'params'>,
  labels?: Record<string, string>,
): string;

/** The names `validate` accepts. */
export declare function schemaNames(): SchemaName[];

/** True when `value` is a valid `schema` (stops at the first defect); narrows its type. */
export declare function isValid<S extends SchemaName>(schema: S, value: unknown): value is SchemaTypes[S];

/**
 * Checks the JSON Patch `ops` for a resource of schema `schema` whose current state is
 * `current`: the operations, their application (RFC 6902), and the patched document.
 */
export declare function validatePatch(
  schema: SchemaName,
  current: unknown,
  ops: JsonPatchOperation[],
  options?: ValidateOptions,
): PatchValidationResult;

/** Checks the query of an endpoint (`validateQuery('GET /sites', { page: 1, pageSize: 50 })`). */
export declare function validateQuery(endpoint: EndpointKey, query: QueryInput): ValidationResult;

