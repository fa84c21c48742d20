// Typings of the validators' API (hand-written): what `validate` and its siblings take and
// return. What the model derives is generated into types.d.ts: the schemas' types, the issue
// vocabulary (`IssueKind`: each code with its params, from the Rust enum), the JSON Pointers
// of each schema, enum unions. Nothing here restates a rule.

import type {
  FieldName,
  FieldPointer,
  FormatName,
  IssueCode,
  IssueKind,
  JsonTypeName,
  PatternName,
  SchemaName,
  SchemaTypes,
} from './types.js';

/**
 * One defect found in a value: `path` (RFC 6901 JSON Pointer, `""` the root), `code` and its
 * typed `params` (narrow on `code`: `if (i.code === 'maxLength') i.params.limit`), and a clear
 * English `message` made from the other three by `formatMessage`.
 */
export type ValidationIssue<C extends IssueCode = IssueCode> = Extract<IssueKind, { code: C }> & {
  /** RFC 6901 JSON Pointer to the offending value, e.g. "/siteContacts/1/contactEmailAddress"; "" is the root. */
  path: string;
  /** Clear English, naming the field by its label and the limit (made from path, code and params by formatMessage). */
  message: string;
};

/** The outcome of a check: `valid` is true exactly when `errors` is empty. */
export type Verdict =
  | { valid: true; errors: [] }
  | {
      valid: false;
      /** Every defect, in document order (at most `maxIssues` of them). */
      errors: [ValidationIssue, ...ValidationIssue[]];
      /** Present (true) when issues past `maxIssues` were left out. */
      truncated?: true;
    };

/**
 * The outcome of `validate` / `validateField`: when valid, `value` is the value checked, typed
 * as the schema's (under `emptyAsAbsent`, without its `''` and `NaN` members), ready to send.
 */
export type ValidationResult<T = unknown> =
  | { valid: true; errors: []; value: T }
  | {
      valid: false;
      /** Every defect, in document order (at most `maxIssues` of them). */
      errors: [ValidationIssue, ...ValidationIssue[]];
      value?: undefined;
      /** Present (true) when issues past `maxIssues` were left out. */
      truncated?: true;
    };

/** Options of `validate`, `isValid`, `validateField` and `standardSchema`. */
export interface ValidateOptions {
  /** Stop at the first issue (a yes/no check). Default false. */
  abortEarly?: boolean;
  /** 'report' flags members the schema does not define (code unknownField); the server ignores them. Default 'ignore'. */
  unknownFields?: 'ignore' | 'report';
  /**
   * Form input: `''` (an empty text input) and `NaN` (an empty number input) count as not
   * given, so an empty required field is one `required` issue and an empty optional one passes.
   * Default false (they are values, and wrong ones).
   */
  emptyAsAbsent?: boolean;
  /** Keep at most this many issues (the first found; `truncated` says when more were left out). A positive integer, or Infinity for all. Default 100. */
  maxIssues?: number;
}

/** The outcome of `validatePatch`: `document` is the patched document, present exactly when every
 * operation applied (then the paths of `errors` point into it; otherwise into the patch). */
export type PatchValidationResult = Verdict & { document?: unknown };

/** Options of `validateNdjson`, `NdjsonValidator` and `validateNdjsonStream`. */
export interface NdjsonOptions extends Omit<ValidateOptions, 'emptyAsAbsent'> {
  /** Keep the issues of at most this many invalid lines (all are still counted). A non-negative integer, or Infinity for all (the report then grows with the input). Default 1000. */
  maxInvalidLines?: number;
}

/** The outcome of validating NDJSON: counts, and the issues of each invalid line. */
export interface NdjsonReport {
  /** Non-blank lines; each is one record. */
  records: number;
  valid: number;
  invalid: number;
  /** Invalid lines in input order (1-based line numbers, blank lines counted). A line that is not JSON has one issue with code 'json'. */
  invalidLines: Array<{ line: number; errors: ValidationIssue[]; truncated?: true }>;
  /** True when invalidLines was cut short by maxInvalidLines. */
  truncated: boolean;
}

/** A web ReadableStream, typed structurally so these typings need no DOM library. */
export interface ReadableStreamLike<T> {
  getReader(): { read(): Promise<{ done: boolean; value?: T }>; releaseLock(): void };
}

/** The query of `validateQuery`: a plain object (strings, numbers, booleans; null or undefined
 * mean not given), a URLSearchParams, or a query string. (URLSearchParams is typed structurally
 * so these typings need no DOM library.) */
export type QueryInput =
  | Record<string, string | number | boolean | null | undefined>
  | { forEach(callback: (value: string, key: string) => void): void; toString(): string }
  | string;

/** A JSON Schema (draft 2020-12) document generated from the model (`jsonSchema`): the root
 * schema refers into `$defs`, which holds each object schema and each named pattern once. */
export interface JsonSchemaDocument {
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  title: string;
  description: string;
  $defs: Record<string, Record<string, unknown>>;
  [keyword: string]: unknown;
}

/** The OpenAPI 3.1 document of every endpoint (`openApiDocument`); `components.schemas` holds
 * the same schemas as `jsonSchema`. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers: Array<{ url: string; description?: string; variables?: Record<string, { default: string; description?: string }> }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>>; [field: string]: unknown };
  [field: string]: unknown;
}

/**
 * A complaint of the server about a request (`ElevateApiError.issues`), at the field it names:
 * `path` is a JSON Pointer as a ValidationIssue's is, so a form places both the same way.
 */
export interface ServerIssue {
  /** JSON Pointer of the field the server named; "" when it named none. */
  path: string;
  /** The server's words. */
  message: string;
  /** The field as the server wrote it (`siteContacts[0].contactName`), or null. */
  field: string | null;
  /** The server's code for it (`NotBlank`), or null. */
  code: string | null;
}

// ---- pointers and the values at them ----------------------------------------------------

type Step<T, K extends string> = T extends readonly (infer I)[]
  ? K extends `${number}` ? I : never
  : T extends object
    ? K extends keyof T ? T[K] : unknown
    : never;

/** The type of the value at JSON Pointer `P` inside a value of type `T` (`unknown` for a pointer known only as a string). */
export type ValueAt<T, P extends string> = string extends P
  ? unknown
  : P extends ''
    ? T
    : P extends `/${infer K}/${infer Rest}`
      ? ValueAt<NonNullable<Step<NonNullable<T>, K>>, `/${Rest}`>
      : P extends `/${infer K}`
        ? Step<NonNullable<T>, K>
        : never;

/** The type of the field `P` of schema `S`: `FieldValue<'Site', '/siteContacts/0/contactRole'>` is `ContactRole | null | undefined`. */
export type FieldValue<S extends SchemaName, P extends string = FieldPointer<S>> = ValueAt<SchemaTypes[S], P>;

/**
 * A pointer argument: a literal must name a field of `S` (a misspelt one is a type error);
 * a pointer only known as a `string` at compile time is checked when the call runs.
 */
export type PointerArg<S extends SchemaName, P extends string> = string extends P ? P : P extends FieldPointer<S> ? P : FieldPointer<S>;

/**
 * Labels for messages, keyed by a field's JSON Pointer (`'/siteAddress/postcode'`) or, for
 * every field of that name, by its name (`postcode`); fields without one keep the model's label.
 */
export type Labels<S extends SchemaName = SchemaName> = { readonly [K in FieldPointer<S> | FieldName]?: string };

/** What `describeField` returns: the model's rules for one field, whose values are of type `V`. */
export interface FieldDescription<V = unknown> {
  pointer: string;
  /** What messages call the field ("Site name"); absent for an array item. */
  label?: string;
  type: JsonTypeName;
  /** Must be given (and not null). Conditional requirements are listed in `rules`. */
  required: boolean;
  readOnly?: boolean;
  doc?: string;
  default?: NonNullable<V>;
  /** Lengths in UTF-16 code units, as `input.value.length` counts. */
  minLength?: number;
  maxLength?: number;
  pattern?: { name: PatternName; allows: string; source: string };
  /** The enum's name in the API (`ContactRole`). */
  enum?: string;
  /** The only values allowed, typed as the field is (`ContactRole[]`). */
  allowed?: Array<NonNullable<V>>;
  format?: FormatName;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonTypeName;
  /** The schema of an object field. */
  schema?: string;
  /** Cross-field rules that constrain this field, in words. */
  rules?: string[];
}

// ---- form input -------------------------------------------------------------------------

/**
 * What a form holds for a value of type `T`: any member may be missing or empty, numbers and
 * booleans may still be text (`formBody` reads them by the model), strings may be `''`.
 */
export type FormValues<T> = T extends readonly (infer I)[]
  ? Array<FormValues<I>>
  : T extends object
    ? { [K in keyof T]?: FormValues<T[K]> | null }
    : T extends number
      ? number | string
      : T extends boolean
        ? boolean | string
        : T extends string
          ? T | ''
          : T;

// ---- Standard Schema v1 (https://standardschema.dev) ------------------------------------

/** An issue of a Standard Schema result: the spec's `message` and `path` (keys, array indices as numbers), and ours. */
export type StandardIssue = IssueKind & {
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  /** The same place as a JSON Pointer. */
  readonly pointer: string;
};

/** The result of a Standard Schema `validate`: the output value, or the issues. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/**
 * A Standard Schema v1 object (what zod, valibot and ArkType schemas also are), for
 * react-hook-form's `standardSchemaResolver`, TanStack Form, vee-validate, tRPC, Hono…
 */
export interface ElevateStandardSchema<Input, Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'elevate-billing';
    readonly validate: (value: unknown) => StandardResult<Output>;
    /** Types only (for inference by the libraries); undefined at run time. */
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** Options of `standardSchema`. */
export interface StandardSchemaOptions<S extends SchemaName = SchemaName> extends ValidateOptions {
  /** The labels messages name fields by (as `formatMessage`'s). */
  labels?: Labels<S>;
  /**
   * The input is a form's raw values: they become the request body by `formBody` (empty inputs
   * dropped, numbers and booleans read from text by the model) before they are checked, and the
   * body is the output. Implies `emptyAsAbsent`.
   */
  formInput?: boolean;
}
