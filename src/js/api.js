// The package's public API object, built around a wasm-bindgen glue module. Every entry of
// the package (browser/bundler ESM, Node ESM, Node CommonJS) is `createApi(glue, loader)`
// with a different glue and loader; see scripts/build.mjs.
//
// - `ready` resolves once the module is usable (at once in Node, where the module is
//   instantiated synchronously on import).
// - `init(input?)` is idempotent; in browsers it loads the .wasm from a custom URL, Response,
//   bytes or WebAssembly.Module (CDN, strict CSP). Without a call, the default URL (next to
//   this file) is loaded on the next macrotask, so an `init(url)` made while the page starts
//   wins over the default.
// - Calling a function before the module is ready throws a clear Error, never a wasm trap.
// - `validate` / `isValid` with default options first ask the generated validity predicates
//   (`fast`, src/export/javascript.rs): `true` means surely valid, and wasm is not called;
//   anything else goes through wasm as before. Invalid values always go through wasm.

import { createClientApi } from './client.js';
import { createNdjsonApi } from './ndjson.js';

const PREFIX = 'elevate-billing: ';
const NOT_READY =
  PREFIX +
  'the WebAssembly module is not initialised yet. `await ready` (or `await init()`) before calling this function.';

/** Exports of the glue that are plumbing, not API. */
function isPlumbing(name) {
  return name === 'default' || name === 'initSync' || name.startsWith('__');
}

/** wasm-bindgen exports Rust structs as JS classes. */
function isClass(fn) {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/**
 * Options that mean the defaults for a valid value: none, or only `abortEarly` (a valid value
 * has no first defect to stop at). Read as wasm reads them; anything odd goes to wasm.
 */
function defaultOptions(options) {
  if (options === undefined || options === null) return true;
  if (typeof options !== 'object') return false;
  try {
    const abort = options.abortEarly;
    return (abort === undefined || typeof abort === 'boolean') && options.unknownFields === undefined;
  } catch {
    return false;
  }
}

/**
 * @param {Record<string, unknown>} glue  the wasm-bindgen module (its exports)
 * @param {{ sync: true } | { load: (input?: unknown) => Promise<unknown> }} loader
 * @param {{ fastValid: (name: unknown, value: unknown) => true | undefined, usePatterns: (ecma: (name: string) => string | undefined) => void }} [fast]
 *   the generated predicates; without them every call goes to wasm
 */
export function createApi(glue, loader, fast) {
  let isReady = 'sync' in loader;
  let loading = null; // the load in flight
  let explicit = false; // init() was called by the user
  let settle;
  const ready = isReady
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
  // A page that never awaits `ready` must not see an unhandled rejection for it.
  ready.catch(() => {});

  const assertReady = () => {
    if (!isReady) throw new Error(NOT_READY);
  };

  function start(input) {
    const attempt = Promise.resolve()
      .then(() => loader.load(input))
      .then(
        () => {
          isReady = true;
          loading = null;
          settle.resolve();
        },
        (cause) => {
          loading = null;
          const where = input === undefined ? 'its default URL (next to the package entry)' : 'the given input';
          throw new Error(
            `${PREFIX}could not load the WebAssembly module from ${where}: ${cause && cause.message ? cause.message : cause}. ` +
              'Pass its URL, a Response or its bytes to init().',
            { cause },
          );
        },
      );
    loading = attempt;
    return attempt;
  }

  /** Loads the module (once); later calls resolve at once. */
  function init(input) {
    if (isReady) return Promise.resolve();
    explicit = true;
    if (loading) {
      // A load is in flight (perhaps the default one): if it fails, try the caller's input.
      return loading.then(
        () => undefined,
        () => start(input),
      );
    }
    return start(input).then(() => undefined);
  }

  if (!isReady) {
    setTimeout(() => {
      if (isReady || loading || explicit) return;
      start(undefined).catch((e) => {
        // Only the default load reports through `ready`; an explicit init() reports itself.
        if (!explicit) settle.reject(e);
      });
    }, 0);
  }

  const guard = (fn) =>
    function (...args) {
      assertReady();
      return fn.apply(this, args);
    };

  // A class keeps working with `new`, `instanceof` and its statics; only construction waits.
  const guardClass = (Class, name) => {
    const Guarded = class extends Class {
      constructor(...args) {
        assertReady();
        super(...args);
      }
    };
    Object.defineProperty(Guarded, 'name', { value: name });
    return Guarded;
  };

  const api = { ready, init };
  for (const [name, value] of Object.entries(glue)) {
    if (isPlumbing(name) || typeof value !== 'function') continue;
    api[name] = isClass(value) ? guardClass(value, name) : guard(value);
  }
  /** True when `value` is a valid `schema` (stops at the first defect); narrows its type. */
  api.isValid = (schema, value) => api.validate(schema, value, { abortEarly: true }).valid;
  if (fast) {
    // The glue's functions are looked up at each call (tests count the calls that reach wasm).
    // Patterns come from wasm, in force: read lazily, and again after they change.
    let patternsSeen = false;
    const fastValid = (schema, value) => {
      if (!patternsSeen) {
        fast.usePatterns((name) => glue.__ecmaPattern(name));
        patternsSeen = true;
      }
      return fast.fastValid(schema, value) === true;
    };
    api.validate = function validate(schema, value, options) {
      assertReady();
      if (defaultOptions(options) && fastValid(schema, value)) return { valid: true, errors: [] };
      return glue.validate(schema, value, options);
    };
    api.isValid = function isValid(schema, value) {
      assertReady();
      return fastValid(schema, value) || glue.validate(schema, value, { abortEarly: true }).valid;
    };
    for (const name of ['setPattern', 'resetPattern']) {
      api[name] = function (...args) {
        assertReady();
        try {
          return glue[name](...args);
        } finally {
          // Even a failed call is followed by a re-read: the slots then hold what is in force.
          patternsSeen = false;
        }
      };
    }
  }
  Object.assign(api, createClientApi(glue, assertReady), createNdjsonApi(api, assertReady));
  return api;
}
