// Typings of elevate-billing/mock/control (hand-written beside control.mjs).
import type { FaultOptions, FaultSpec, LoggedRequest } from './index.js';

/** The HTTP controls of a running mock, for tests in a browser page or another process. */
export interface MockControl {
  /** Seed records back; the request log and faults cleared. */
  reset(): Promise<void>;
  /** The next `times` requests to exactly `path` (optionally only `method`) get `spec`. */
  fault(path: string, spec: FaultSpec, options?: FaultOptions): Promise<void>;
  /** Every request since the last reset, oldest first. */
  requests(): Promise<LoggedRequest[]>;
  /** The stored records of one resource (`'sites'`). */
  records(resource: string): Promise<Record<string, unknown>[]>;
}

/** Controls of the mock at `url` (`http://127.0.0.1:4010`). */
export declare function mockControl(url: string): MockControl;
