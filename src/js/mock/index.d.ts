// Typings of elevate-billing/mock (hand-written beside index.mjs). Node only.

/** Records by resource name (the client's property names: `sites`, `customers`…), each a valid body of the resource's schema, with or without `id`. */
export type MockSeed = Record<string, Array<Record<string, unknown>>>;

/** Options of `startMock`. */
export interface MockOptions {
  /** Port on `host`; 0 (the default) picks a free one. A taken port rejects with EADDRINUSE. */
  port?: number;
  /** Interface to listen on. Default '127.0.0.1' (loopback only). */
  host?: string;
  /** The records to start with (and to go back to on `reset`): an object, or a function returning a fresh one. Default: `defaultSeed`. */
  seed?: MockSeed | (() => MockSeed);
  /** The only bearer token accepted; null (the default) accepts any. */
  token?: string | null;
}

/**
 * What the next matching requests get instead of the normal answer:
 * `{ status, body?, headers?, retryAfter? }` an answer of its own (`retryAfter` sets Retry-After, in seconds);
 * `{ hang: true }` no answer at all; `{ reset: true }` the connection dropped; `{ malformed: true }` a cut-off JSON body;
 * `{ delayMs }` alone: the normal answer, later (with `status`: that answer, later);
 * `{ cors: false }`: the answer without CORS headers, and the browser's preflight refused (not used up by preflights).
 */
export interface FaultSpec {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  retryAfter?: number | string;
  hang?: boolean;
  reset?: boolean;
  malformed?: boolean;
  delayMs?: number;
  cors?: boolean;
}

export interface FaultOptions {
  /** How many requests it applies to. Default 1. */
  times?: number;
  /** Only requests with this method. Default: any. */
  method?: string;
}

/** One request as the mock received it (preflights are not logged). */
export interface LoggedRequest {
  method: string;
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  /** Lower-case names, as Node reads them (Authorization included: this log is the test's). */
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body parsed, or its text when it is not JSON; undefined when empty. */
  body: unknown;
  /** Milliseconds since the epoch when it arrived. */
  at: number;
}

/**
 * A running mock. Errors answer with one body shape (Spring Boot's default error attributes
 * plus the validator's issues): `{ timestamp, status, error, message, path, errors?: [{ field, pointer, code, message }] }`.
 */
export interface ElevateMock {
  /** `http://127.0.0.1:PORT`; the APIs live under `/v1` and `/v2` (give it as `baseUrl`). */
  readonly url: string;
  readonly port: number;
  /** Every request since the last reset, oldest first. */
  readonly requests: LoggedRequest[];
  /** The next `times` requests to exactly `path` (optionally only `method`) get `spec`. */
  fault(path: string, spec: FaultSpec, options?: FaultOptions): void;
  /** Seed records back; the request log and faults cleared. */
  reset(): void;
  /** The stored records of one resource (`'sites'`). */
  records(resource: string): Record<string, unknown>[];
  /** Resource names and their collection paths (`{ sites: '/v1/sites', … }`). */
  resources(): Record<string, string>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts a stateful mock of every endpoint the client has, judging requests with the package's validators. */
export declare function startMock(options?: MockOptions): Promise<ElevateMock>;

/** A fresh copy of the default seed: 3 customers with 6 sites, 23 rental product categories, a product and rate card of each kind. */
export declare function defaultSeed(): MockSeed;

/** The error body the mock answers with (exported for tests that build expected bodies). */
export declare function errorBody(
  status: number,
  message: string,
  path: string,
  issues?: Array<{ path: string; code: string; message: string }>,
): { timestamp: string; status: number; error: string; message: string; path: string; errors?: Array<{ field: string; pointer: string; code: string; message: string }> };
