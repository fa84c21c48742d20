// Typings of `elevate-billing/forms`, the form path (hand-written; the model's types, the issue
// vocabulary and each schema's pointers are generated from the Rust model into types.d.ts, the
// API's shapes are in validation.d.ts). Everything here works without WebAssembly.

export * from './types.js';
export * from './validation.js';
import type { EndpointKey, JsonPatchOperation, SchemaName, SchemaTypes } from './types.js';
import type {
  ElevateStandardSchema,
  FieldDescription,
  FieldValue,
  FormValues,
  Labels,
  PatchValidationResult,
  PointerArg,
  QueryInput,
  StandardSchemaOptions,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
  Verdict,
} from './validation.js';

/**
 * Checks `value` against the request-body schema `schema` and reports every defect at once, in
 * document order; when it is valid, `value` comes back typed as the schema's. Throws only for an
 * unknown schema name, a wrong argument, or a value that cannot be read (a getter that throws,
 * nesting deeper than 256).
 */
export declare function validate<S extends SchemaName>(schema: S, value: unknown, options?: ValidateOptions): ValidationResult<SchemaTypes[S]>;

/**
 * Checks one field in place, e.g. `validateField('Site', '/siteAddress/postcode', 'SW1A 1AA')`.
 * `undefined` or `null` means the field is empty (a `required` issue if it must be given), and
 * so do `''` and `NaN` under `emptyAsAbsent`. Rules that relate several fields need the whole
 * object: use `validate` for those. A pointer written as a literal must name a field of the schema.
 */
export declare function validateField<S extends SchemaName, P extends string>(
  schema: S,
  pointer: PointerArg<S, P>,
  value: unknown,
  options?: ValidateOptions,
): ValidationResult<FieldValue<S, P>>;

/**
 * What a form needs to know about one field, read from the model: its label, required, type,
 * limits, allowed values (typed as the field is), pattern, format, and the rules that constrain it.
 */
export declare function describeField<S extends SchemaName, P extends string>(
  schema: S,
  pointer: PointerArg<S, P>,
): FieldDescription<FieldValue<S, P>>;

/**
 * The English message for an issue, from its `path`, `code` and `params` only (every message the
 * package returns is made by this function). Fields are named by the model's labels, or by
 * `labels`, keyed by a field's JSON Pointer, then by its name.
 */
export declare function formatMessage<S extends SchemaName = SchemaName>(
  issue: Pick<ValidationIssue, 'path' | 'code' | 'params'>,
  labels?: Labels<S>,
): string;

/** The names `validate` accepts. */
export declare function schemaNames(): SchemaName[];

/** True when `value` is a valid `schema` (stops at the first defect); narrows its type. */
export declare function isValid<S extends SchemaName>(schema: S, value: unknown, options?: ValidateOptions): value is SchemaTypes[S];

/**
 * The request body a form's values make, by the model (the rules CSV cells follow): empty
 * inputs (`''`, `NaN`, null) dropped, integer and number fields read from text such as "12" or
 * "1.5e3", boolean fields from exactly "true"/"false"; any other text stays as it is, so
 * `validate` says what is wrong with it. Objects left empty are dropped, trailing empty array
 * items too. Not validated: pass it to `validate`, whose `value` is then typed.
 */
export declare function formBody<S extends SchemaName>(schema: S, values: FormValues<SchemaTypes[S]>): unknown;

/**
 * A Standard Schema v1 object for `schema`, for form libraries and servers that take one
 * (`standardSchemaResolver(standardSchema('Site', { emptyAsAbsent: true }))`). With
 * `formInput: true` it takes a form's raw values and outputs the request body.
 */
export declare function standardSchema<S extends SchemaName>(
  schema: S,
  options: StandardSchemaOptions<S> & { formInput: true },
): ElevateStandardSchema<FormValues<SchemaTypes[S]>, SchemaTypes[S]>;
export declare function standardSchema<S extends SchemaName>(
  schema: S,
  options?: StandardSchemaOptions<S>,
): ElevateStandardSchema<SchemaTypes[S], SchemaTypes[S]>;

/** The Standard Schema of each schema name with the default options: `schemas.Site`. */
export declare const schemas: { readonly [S in SchemaName]: ElevateStandardSchema<SchemaTypes[S], SchemaTypes[S]> };

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
export declare function validateQuery(endpoint: EndpointKey, query: QueryInput): Verdict;
