// The API client's JavaScript runtime: the ElevateClient class, its resource objects (built
// from the endpoint table that the wasm module exports, never restated here), the error
// classes and the filter builders. Requests, validation, retries and errors are planned in
// Rust (src/client, src/wasm/client.rs); this file only shapes them for JavaScript, and reads
// the caller's arguments before they cross: bodies, queries, `current` and `fields` as JSON
// text (read once, bounded: engine/args.js), options into plain objects, `inList` items into a
// fresh array. The I/O itself is src/js/transport.js.

import { MAX_IN_VALUES } from './core/gen/endpoints.js';
import { __describeThrown as describeThrown } from './core/index.js';
import { CREATE_MANY, ERROR_CLASSES } from './core/gen/client.js';
import { BOUNDARY, PREFIX } from './core/gen/contract.js';
import { jsonText, ownEntries, typeError } from './engine/args.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Sets the instances' `name` on the prototype (not an own property), spelled out so that it
 * survives minification. Classes are declared with `export class`, which keeps their own
 * `name` (a `const X = class X` makes bundlers rename the class to `X2`). */
function errorName(cls, name) {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

/** Copies the fields of an error descriptor onto the error as own enumerable properties.
 * Which fields each kind has is decided once, in Rust (`descriptor` in src/wasm/client.rs).
 * Details that cannot be read (a caller's hostile object) are left out. */
function assign(target, from) {
  if (typeof from !== 'object' || from === null) return;
  let entries;
  try {
    entries = Object.entries(from);
  } catch {
    return;
  }
  for (const [k, v] of entries) {
    if (k !== 'type' && k !== 'message' && k !== 'cause' && v !== undefined) target[k] = v;
  }
}

/** `details.cause`, when it can be read. */
function causeOf(details) {
  try {
    return details && details.cause !== undefined ? { cause: details.cause } : undefined;
  } catch {
    return undefined;
  }
}

/** A message as text, whatever was given (a Symbol or an object whose toString throws too). */
function messageText(message) {
  if (message === undefined || typeof message === 'string') return message;
  try {
    return String(message);
  } catch {
    return 'an error that cannot be shown';
  }
}

/** Base class of every error the client throws (besides TypeError for wrong arguments). */
export class ElevateError extends Error {
  constructor(message, details) {
    super(messageText(message), causeOf(details));
    assign(this, details);
  }
}
errorName(ElevateError, 'ElevateError');

/** The server answered with an error status, or with a 2xx the client cannot read. `issues`:
 * the server's complaints at the fields they name (read in Rust, src/client/server_issues.rs). */
export class ElevateApiError extends ElevateError {
  constructor(message, details) {
    super(message, details);
    this.issues = (details && details.issues) || [];
  }
}
errorName(ElevateApiError, 'ElevateApiError');

/** The body or query breaks the server's rules; nothing was sent. */
export class ElevateValidationError extends ElevateError {
  constructor(message, details) {
    super(message, details);
    let issues;
    try {
      issues = details && details.issues;
    } catch {
      issues = undefined;
    }
    this.issues = issues || [];
  }
}
errorName(ElevateValidationError, 'ElevateValidationError');

/** No response: connection refused or reset, DNS, CORS. */
export class ElevateNetworkError extends ElevateError {}
errorName(ElevateNetworkError, 'ElevateNetworkError');

/** An attempt took longer than `timeoutMs` (a kind of network error). */
export class ElevateTimeoutError extends ElevateNetworkError {}
errorName(ElevateTimeoutError, 'ElevateTimeoutError');

/** The caller's AbortSignal fired; `name` is 'AbortError' like fetch's, `cause` its reason. */
export class ElevateAbortError extends ElevateError {}
errorName(ElevateAbortError, 'AbortError');

/** The token (or the token provider) gave no usable token. Never quotes the token. */
export class ElevateTokenError extends ElevateError {}
errorName(ElevateTokenError, 'ElevateTokenError');

/** Default and largest `concurrency` of `createMany` (src/client/options.rs). */
const { concurrency: CREATE_MANY_CONCURRENCY, maxConcurrency: MAX_CREATE_MANY_CONCURRENCY } = CREATE_MANY;
/** Most items of one `createMany` (its outcomes are kept in memory): split larger imports. A
 * sparse array claiming 2^32 items once ran until the process ran out of memory. */
const MAX_CREATE_MANY_ITEMS = 1_000_000;

/**
 * `resource.createMany(items, options)`: `create` for each item, at most `concurrency` at a
 * time, resolving to one outcome per item in input order, shaped as `Promise.allSettled`'s
 * (`{ status: 'fulfilled', value }` or `{ status: 'rejected', reason }`, plus `index`). One
 * item's failure never rejects the batch: retries are the client's (a POST is retried only
 * after 429, or 503 with Retry-After). `items` may be any iterable; it is read lazily, one
 * item as a slot frees, so a generator can stop feeding (the outcomes then cover what it
 * gave). `signal` aborts the items in flight and sends no more: each unsent item's reason is
 * an ElevateAbortError with `sent: false`. `onProgress` is called after each item settles;
 * if it throws, no more items start and the batch rejects with that error once the items in
 * flight settle. Other options go to every `create` (its header options).
 */
async function createMany(create, items, options) {
  if (items == null || typeof items === 'string' || typeof items[Symbol.iterator] !== 'function') {
    throw typeError('createMany(items) needs an array (or an iterable) of bodies');
  }
  if (options != null && typeof options !== 'object') {
    throw typeError('the options of createMany must be an object');
  }
  // Read once, through try/catch: a getter or trap that throws is a TypeError naming it.
  const read = options == null ? {} : Object.fromEntries(ownEntries(options, 'the options of createMany'));
  const { concurrency = CREATE_MANY_CONCURRENCY, signal, onProgress, ...callOptions } = read;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CREATE_MANY_CONCURRENCY) {
    throw typeError(`createMany's concurrency must be an integer from 1 to ${MAX_CREATE_MANY_CONCURRENCY}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw typeError('createMany\'s onProgress must be a function');
  }
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw typeError('createMany\'s signal must be an AbortSignal');
  }
  const perItem = signal === undefined ? callOptions : { ...callOptions, signal };
  const list = Array.isArray(items);
  const total = list ? items.length : undefined;
  if (list && total > MAX_CREATE_MANY_ITEMS) {
    throw typeError(`createMany takes at most ${MAX_CREATE_MANY_ITEMS} items (this array has ${total}): split the input`);
  }
  const iterator = items[Symbol.iterator]();
  const outcomes = [];
  const counts = { done: 0, succeeded: 0, failed: 0 };
  let taken = 0;
  let finished = false;
  let problem; // an iterator or onProgress exception: stop, then reject with it

  const settle = (index, outcome) => {
    outcomes[index] = outcome;
    counts.done += 1;
    counts[outcome.status === 'fulfilled' ? 'succeeded' : 'failed'] += 1;
    if (onProgress && problem === undefined) {
      try {
        onProgress({ index, outcome, total, ...counts });
      } catch (e) {
        problem = { error: e };
      }
    }
  };
  const unsent = (index) =>
    new ElevateAbortError(`${PREFIX}createMany was aborted before item ${index} was sent`, { cause: signal.reason, sent: false });
  const take = () => {
    if (finished || problem !== undefined) return undefined;
    let next;
    try {
      next = iterator.next();
    } catch (e) {
      problem = { error: e };
      return undefined;
    }
    if (next.done) {
      finished = true;
      return undefined;
    }
    if (taken >= MAX_CREATE_MANY_ITEMS) {
      problem = { error: typeError(`createMany takes at most ${MAX_CREATE_MANY_ITEMS} items: split the input`) };
      return undefined;
    }
    return { index: taken++, item: next.value };
  };
  const worker = async () => {
    for (let t = take(); t !== undefined; t = take()) {
      if (signal?.aborted) {
        settle(t.index, { status: 'rejected', reason: unsent(t.index), index: t.index });
        if (!list) finished = true; // an iterable may never end: stop reading it
        continue;
      }
      try {
        settle(t.index, { status: 'fulfilled', value: await create(t.item, perItem), index: t.index });
      } catch (reason) {
        settle(t.index, { status: 'rejected', reason, index: t.index });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (problem !== undefined) throw problem.error;
  return outcomes;
}

/** The error classes the package exports. */
const ERRORS = { ElevateError, ElevateApiError, ElevateValidationError, ElevateNetworkError, ElevateTimeoutError, ElevateAbortError, ElevateTokenError };
/** The classes error descriptors become, by the names ERROR_CLASSES gives (generated from
 * ClientError::JS_CLASSES in src/client/error.rs; a test holds every name to an export). */
const CLASSES = { TypeError, ...ERRORS };

/** An error descriptor from the wasm core (`{ type, message, … }`, ClientError::descriptor) as
 * an error instance of the class its type names; its other members become the error's own. */
function toError(d, signal) {
  if (!d || typeof d !== 'object' || d instanceof Error || typeof d.type !== 'string') return d;
  const Class = Object.prototype.hasOwnProperty.call(ERROR_CLASSES, d.type) ? CLASSES[ERROR_CLASSES[d.type]] : ElevateError;
  if (Class === TypeError) return new TypeError(d.message);
  if (Class === ElevateAbortError) return new ElevateAbortError(d.message, { ...d, cause: signal ? signal.reason : undefined });
  return new Class(d.message, d);
}

/** The longest JSON text a body, query or option may be (the engine's bound, generated). */
const maxJson = BOUNDARY.maxJsonUnits;

/**
 * What crosses into the engine for one call: the body or query as JSON text (or undefined),
 * and the call's options as a plain object whose `current` and `fields` are JSON text.
 * @param {string} resource @param {string} op @param {unknown} input @param {unknown} options
 * @returns {[string | undefined, unknown]}
 */
function crossing(resource, op, input, options) {
  const what = `${resource}.${op}`;
  let body;
  if (op === 'list' || op === 'exists') {
    body = input === undefined ? undefined : jsonText(input, `${what}: the query`, maxJson, { finite: true });
  } else if (op === 'create' || op === 'update') {
    body = jsonText(input, `${what}: the body`, maxJson);
  }
  if (options === undefined || options === null || (typeof options !== 'object' && typeof options !== 'function')) {
    return [body, options];
  }
  /** @type {Record<string, unknown>} */
  const plain = Object.create(null);
  for (const [k, v] of ownEntries(options, `the options of ${what}`)) {
    if ((k === 'current' || k === 'fields') && v !== undefined) {
      plain[k] = jsonText(v, `${what}: ${k}`, maxJson, { finite: k === 'fields' });
    } else {
      plain[k] = v;
    }
  }
  return [body, plain];
}

/** The caller's signal, for an AbortError's cause (read once more, safely). @param {unknown} options */
function signalOf(options) {
  try {
    return options && typeof options === 'object' ? /** @type {any} */ (options).signal : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The items of `inList(values)` in a fresh array (at most one more than an `in:` list holds, so
 * the engine can say it is too long), read with try/catch.
 * @param {unknown} values
 * @returns {unknown}
 */
function inItems(values) {
  try {
    if (!Array.isArray(values)) return undefined;
    const n = Math.min(values.length, MAX_IN_VALUES + 1);
    const items = [];
    for (let i = 0; i < n; i++) items.push(values[i]);
    return items;
  } catch (e) {
    throw typeError(`inList: reading the values threw: ${describeThrown(e)}`);
  }
}

/**
 * @param {Record<string, any>} glue  the wasm-bindgen module
 * @param {() => void} assertReady  throws a clear Error if the module is not ready
 * @returns {Record<string, unknown>} the client's exports of the package
 */
export function createClientApi(glue, assertReady) {
  let table; // read from the module on first use (it may not be loaded yet here)
  const cores = new WeakMap(); // client → __ClientCore; not reachable by inspect or JSON

  const endpointTable = () => {
    if (table === undefined) table = glue.__endpointTable();
    return table;
  };

  function resourceObject(core, resource) {
    const run = (op, path, input, options) => {
      let pending;
      try {
        const [body, callOptions] = crossing(resource.name, op, input, options);
        pending = core.call(resource.name, op, path, body, callOptions);
      } catch (e) {
        return Promise.reject(toError(e));
      }
      return pending.then(undefined, (d) => {
        throw toError(d, signalOf(options));
      });
    };
    const methods = {};
    for (const e of resource.endpoints) {
      const n = e.pathValues; // path values come first, in the path's order
      switch (e.op) {
        case 'list':
          methods.list = (query, options) => run('list', [], query, options);
          methods.iterate = (query, options) => pages(methods.list, query, options);
          break;
        case 'exists':
          methods.exists = (filters, options) => run('exists', [], filters, options);
          break;
        case 'create':
          methods.create = (body, options) => run('create', [], body, options);
          methods.createMany = (items, options) => createMany(methods.create, items, options);
          break;
        case 'get':
        case 'delete':
          methods[e.op] = (...args) => run(e.op, args.slice(0, n), undefined, args[n]);
          break;
        case 'update':
          methods.update = (...args) => run('update', args.slice(0, n), args[n], args[n + 1]);
          break;
      }
    }
    return Object.freeze(methods);
  }

  /** Every record of every page, one page request at a time. */
  async function* pages(list, query, options) {
    if (query != null && typeof query !== 'object') {
      await list(query, options); // rejects with the usual TypeError
      return;
    }
    const { page: first, pageSize: size, ...filters } = query ?? {};
    let page = first ?? 1;
    const pageSize = size ?? endpointTable().defaultPageSize;
    while (page !== undefined) {
      const records = await list({ page, pageSize, ...filters }, options);
      yield* records;
      page = glue.__nextPage(page, pageSize, records.length);
    }
  }

  class ElevateClient {
    /** @param {import('./types').ElevateClientOptions} options */
    constructor(options) {
      assertReady();
      let core;
      try {
        core = new glue.__ClientCore(options);
      } catch (e) {
        throw toError(e);
      }
      cores.set(this, core);
      for (const resource of endpointTable().resources) {
        Object.defineProperty(this, resource.name, { value: resourceObject(core, resource), enumerable: true });
      }
    }

    /** The options in force, token redacted. */
    toJSON() {
      return cores.get(this).describe();
    }

    toString() {
      return `ElevateClient(${cores.get(this).describe().baseUrl})`;
    }

    [INSPECT]() {
      return `ElevateClient ${JSON.stringify(this.toJSON())}`;
    }
  }

  const filter = (op) => (value) => {
    assertReady();
    return glue.__filterExpr(op, op === 'in' ? inItems(value) : [value]);
  };

  return {
    ElevateClient,
    ...ERRORS,
    /** `inList(['a', 'b'])` → `'in:a,b'`. */
    inList: filter('in'),
    /** `like('Acme%')` → `'like:Acme%'`. */
    like: filter('like'),
    /** `lt('2024-01-01')` → `'lt:2024-01-01'`. */
    lt: filter('lt'),
    /** `gt('2024-01-01')` → `'gt:2024-01-01'`. */
    gt: filter('gt'),
    /** `gtn('2024-01-01')` → `'gtn:2024-01-01'`. */
    gtn: filter('gtn'),
  };
}
