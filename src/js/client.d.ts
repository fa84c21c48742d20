// Typings of the API client (hand-written): its options, results, errors and filter builders.
// What the endpoint table decides is generated into resources.d.ts (src/client/typescript.rs):
// the API names, the error kinds, each resource's methods, queries and filters. The defaults
// and bounds quoted below are the Rust constants' (a test in src/client/typescript.rs holds
// them to it).

import type { ApiErrorKind, ApiName, ElevateClientResources } from './resources.js';
import type { ServerIssue, ValidationIssue } from './validation.js';

export * from './resources.js';

/** A function with the signature of `fetch` (the global one, or a wrapper for tests and proxies). */
export type FetchLike = (input: any, init?: any) => Promise<any>;

/** An `AbortSignal` (declared structurally so these types need no DOM library). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: any;
  addEventListener(...args: any[]): void;
  removeEventListener(...args: any[]): void;
}

/** Options of `new ElevateClient(…)`. Unknown options are rejected. */
export interface ElevateClientOptions {
  /** Host of every API; each API's version path is appended (decisions R12). A URL ending in a version path (`http://host/v1`) means its host. Default https://rest.elevatebilling.com. */
  baseUrl?: string;
  /** Full base URL (version path included) of some APIs, e.g. a test server for one of them. */
  baseUrls?: Partial<Record<ApiName, string>>;
  /** Bearer token, or a function giving one (or a promise of one), called before every request. */
  token: string | (() => string | Promise<string>);
  /** Timeout of each attempt, in ms. Default 30000. */
  timeoutMs?: number;
  /**
   * Retries, honouring `Retry-After` (up to 60 s) or backing off exponentially. GET and HEAD: after
   * network errors, timeouts and 429/502/503/504. POST, PATCH and DELETE only after answers that
   * prove nothing was done: 429, and 503 with Retry-After; never after a timeout, a dropped
   * connection or another 5xx. In a browser, a failure that looks like CORS (no answer yet from
   * that origin) is not retried. Default 2, at most 10.
   */
  retries?: number;
  /** Validate bodies and queries before sending; an invalid request throws ElevateValidationError and sends nothing. Default true. */
  validate?: boolean;
  /** The `fetch` to use. Default: the global one. */
  fetch?: FetchLike;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborting rejects the call with an `AbortError` and stops its retries. */
  signal?: AbortSignalLike;
}

/** Options of `get`: which fields to return. */
export interface GetOptions extends CallOptions {
  /** Field names (`"id,name"` or `["id", "name"]`); omitted fields come back null. */
  fields?: string | string[];
}

/** Options of `createMany`; other members are the `create` call's own options. */
export interface CreateManyOptions<T> extends CallOptions {
  /** Items in flight at once, 1..64. Default 4. */
  concurrency?: number;
  /** After each item settles, in completion order. If it throws, no more items start and the batch rejects with that error. */
  onProgress?: (progress: CreateManyProgress<T>) => void;
}

/** One item's outcome, shaped as `Promise.allSettled`'s, with its position in the input. */
export type CreateOutcome<T> =
  | { status: "fulfilled"; value: T; index: number }
  | { status: "rejected"; reason: ElevateError | TypeError; index: number };

/** What `onProgress` receives. */
export interface CreateManyProgress<T> {
  /** The item that settled (its position in the input) and its outcome. */
  index: number;
  outcome: CreateOutcome<T>;
  /** Items settled so far, of which succeeded and failed. */
  done: number;
  succeeded: number;
  failed: number;
  /** The number of items when `items` is an array; undefined for another iterable. */
  total: number | undefined;
}

/** The answer of an exists-check (HEAD). */
export interface ExistsResult {
  exists: boolean;
  /** `X-Total-Count`: matching records; `null` if a 200 did not carry a readable count. 0 on 404. */
  total: number | null;
}

/** `page` (from 1) and `pageSize` (1..1000) are required on list calls (api-facts §1.4). */
export interface PagingParams {
  page: number;
  pageSize: number;
  /** Field names, each optionally suffixed `:desc` (`"name:desc,id"` or an array). */
  sort?: string | string[];
  /** Field names to return (`"id,name"` or an array). */
  fields?: string | string[];
}

/** The query of `iterate`: a list query whose paging is done for you (`pageSize` default 100). */
export type IterateQuery<Q> = Omit<Q, "page" | "pageSize"> & { page?: number; pageSize?: number };

/** A String filter: an exact value, `inList([...])`, `like(...)`, or an array (sent as `in:`). */
export type StringFilter = string | readonly string[];
/** An Id filter: an id, `inList([...])`, or an array of ids. */
export type IdFilter = number | string | readonly (number | string)[];
/** A Date filter: `yyyy-MM-dd`, or `lt(...)`, `gt(...)`, `gtn(...)` of one. */
export type DateFilter = string;
/** A DateTime filter: `yyyy-MM-ddTHH:mm:ssZ`, or `lt(...)`, `gt(...)` of one. */
export type DateTimeFilter = string;
/** A Boolean filter. */
export type BooleanFilter = boolean | "true" | "false";

/** Base class of the client's errors (wrong arguments throw TypeError instead). */
export declare class ElevateError extends Error {
  constructor(message: string, details?: { cause?: unknown; endpoint?: string; code?: "noValidator" });
  /** The endpoint (`"POST /sites"`) when the error concerns one before sending. */
  readonly endpoint?: string;
  /** `"noValidator"`: validation was asked for but this build cannot validate that body; nothing was sent. */
  readonly code?: "noValidator";
}

/** A non-2xx response, or a 2xx whose body is not what the endpoint returns. */
export declare class ElevateApiError extends ElevateError {
  constructor(message: string, details?: Partial<Pick<ElevateApiError, "status" | "kind" | "method" | "url" | "body" | "serverMessage" | "attempts" | "headers" | "retryAfter" | "issues">>);
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly method: string;
  /** The request URL (it never holds the token). */
  readonly url: string;
  /** The parsed JSON body, else its text, else null. Any echo of the token is redacted. */
  readonly body: unknown;
  /** The server's own explanation alone (from the body's message/error/errors/detail), when it gave one. */
  readonly serverMessage: string | null;
  /** Requests made, retries included. */
  readonly attempts: number;
  /** The response's headers by lower-case name (repeated ones joined with ", "), without Authorization, Set-Cookie and Cookie; the token redacted. In a browser, only the headers CORS exposes. */
  readonly headers: Record<string, string>;
  /** The wait the response's Retry-After asked for, in whole seconds; null when it had none (or none readable). */
  readonly retryAfter: number | null;
  /** The server's complaints at the fields they name (`path` a JSON Pointer, "" for the request as a whole), read from the error body's shape (Spring's error attributes, RFC 9457 problem details with field lists, `errors: [{ field, message }]`, "Validation failed (field: message)"); the raw body stays in `body`. */
  readonly issues: ServerIssue[];
}

/** The request breaks the server's rules; nothing was sent. */
export declare class ElevateValidationError extends ElevateError {
  constructor(message: string, details?: { issues?: ValidationIssue[]; endpoint?: string });
  readonly issues: ValidationIssue[];
}

/** No response (connection refused or reset, DNS, CORS), after any retries. */
export declare class ElevateNetworkError extends ElevateError {
  constructor(message: string, details?: { method?: string; url?: string; attempts?: number; maybeCors?: boolean; cause?: unknown });
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** True for a browser's opaque fetch failure from an origin that has never answered the page: what a request blocked by CORS looks like. The message then says which headers the API must allow (Authorization, Content-Type) and expose (X-Total-Count); it was not retried. */
  readonly maybeCors?: boolean;
}

/** An attempt outlasted `timeoutMs`, after any retries. */
export declare class ElevateTimeoutError extends ElevateNetworkError {
  constructor(message: string, details?: { method?: string; url?: string; attempts?: number; timeoutMs?: number });
  readonly timeoutMs: number;
}

/** The call's `signal` fired; `name` is "AbortError" and `cause` the signal's reason. */
export declare class ElevateAbortError extends ElevateError {
  constructor(message: string, details?: { method?: string; url?: string; cause?: unknown; sent?: false });
  readonly method: string;
  readonly url: string;
  /** false for a `createMany` item that was never sent because the signal fired first. */
  readonly sent?: false;
}

/** The token, or the token provider, gave no usable token (the message never quotes a token). */
export declare class ElevateTokenError extends ElevateError {}

/** `inList(["a", "b"])` is `"in:a,b"`: a String or Id filter matching any of the values (none may contain ","). */
export declare function inList(values: readonly (string | number)[]): `in:${string}`;
/** `like("Acme%")` is `"like:Acme%"`: a String filter pattern. */
export declare function like(pattern: string): `like:${string}`;
/** `lt("2024-01-01")` is `"lt:2024-01-01"`: a Date or DateTime filter, before. */
export declare function lt(value: string): `lt:${string}`;
/** `gt("2024-01-01")` is `"gt:2024-01-01"`: a Date or DateTime filter, after. */
export declare function gt(value: string): `gt:${string}`;
/** `gtn("2024-01-01")` is `"gtn:2024-01-01"`: a Date filter form the docs list without defining. */
export declare function gtn(value: string): `gtn:${string}`;

/**
 * A typed client of the Elevate REST API on `fetch`: one property per resource, one method per
 * endpoint. Bodies and queries are validated before sending (option `validate`), reads are retried,
 * and every failure is an `ElevateError` subclass (wrong arguments: `TypeError`).
 */
export declare class ElevateClient {
  constructor(options: ElevateClientOptions);
  /** The options in force; the token shows as "[redacted]". */
  toJSON(): Record<string, unknown>;
}
/** One property per resource (`client.sites`), from the endpoint table. */
export interface ElevateClient extends ElevateClientResources {}
