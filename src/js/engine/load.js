// @ts-check
// Starting the WebAssembly engine, on first use. The bytes are part of the package's JavaScript
// (`#wasm`, resolved by the build: base64 in wasm-bytes.js; on Cloudflare workerd, which forbids
// compiling from bytes, the `.wasm` imported as a module), so no bundler has to copy an asset and nothing is
// fetched: in Node, workers, Deno, Bun and browsers (Chromium compiles up to 8 MB on the main
// thread) the engine starts synchronously the first time a function needs it. `ready` compiles
// it asynchronously instead, for a page that would rather not block on it.

import { wasm } from '#wasm';
import { PREFIX } from '../core/gen/contract.js';
import { createGlue } from './glue.js';


/** @type {any} the wasm-bindgen glue, once the engine runs */
let glue = null;
/** @type {WebAssembly.Module | null} the module it runs (Node's worker threads start from it) */
let compiled = null;
/** @type {Promise<void> | null} */
let loading = null;

/** Why the engine could not start, in words that say what to do. @param {unknown} cause */
function loadError(cause) {
  let detail;
  try {
    detail = cause instanceof Error ? cause.message : String(cause);
  } catch {
    detail = 'an error that cannot be shown';
  }
  let hint = '';
  if (/Content.Security.Policy|unsafe-eval|CSP/i.test(detail)) {
    hint =
      " A Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src. " +
      'The form functions (validate, validateField, describeField, formatMessage, …) do not need it.';
  } else if (/main thread|larger than|disallowed/i.test(detail)) {
    hint = ' This runtime compiles WebAssembly only asynchronously here: `await ready` once before calling it.';
  } else if (/TextEncoder|TextDecoder/.test(detail)) {
    hint = ' The engine needs TextEncoder and TextDecoder, which this environment lacks (jsdom: add them from node:util).';
  } else if (/WebAssembly is not defined/.test(detail)) {
    hint = ' This runtime has no WebAssembly; the form functions still work.';
  }
  const e = new Error(`${PREFIX}the WebAssembly engine (client, bulk files, product formats, exports) could not start: ${detail}.${hint}`, {
    cause,
  });
  return e;
}

/** The glue around an instantiated module. @param {WebAssembly.Module} module */
function start(module) {
  const g = createGlue();
  g.initSync({ module });
  glue = g;
  compiled = module;
  return g;
}

/**
 * The compiled module of the running engine (started if needed), for worker threads: a module
 * posted to a worker starts there without compiling again.
 * @returns {WebAssembly.Module}
 */
export function engineModule() {
  engine();
  return /** @type {WebAssembly.Module} */ (compiled);
}

/** The bytes of the embedded module (decoded once, then dropped). */
function bytes() {
  return /** @type {{ bytes: () => Uint8Array }} */ (wasm).bytes();
}

/**
 * The running engine, started synchronously on first use.
 * @returns {any}
 */
export function engine() {
  if (glue !== null) return glue;
  try {
    const module = 'module' in wasm ? wasm.module : new WebAssembly.Module(bytes());
    return start(module);
  } catch (e) {
    throw loadError(e);
  }
}

/** True once the engine runs. */
export function started() {
  return glue !== null;
}

/**
 * Starts the engine, asynchronously (compiling off the main thread where the platform can),
 * from the embedded module or from `input`: a URL, a fetch Response, the .wasm bytes or a
 * compiled WebAssembly.Module (a CDN copy, say). Later calls resolve at once.
 * @param {unknown} [input]
 * @returns {Promise<void>}
 */
export function load(input) {
  if (glue !== null) return Promise.resolve();
  if (loading !== null && input === undefined) return loading;
  const attempt = (async () => {
    let module;
    if (input === undefined) {
      module = 'module' in wasm ? wasm.module : await WebAssembly.compile(bytes());
    } else if (input instanceof WebAssembly.Module) {
      module = input;
    } else if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      module = await WebAssembly.compile(/** @type {BufferSource} */ (input));
    } else {
      const response = typeof input === 'string' || input instanceof URL ? await fetch(input) : input;
      const body = await /** @type {Response} */ (response).arrayBuffer();
      module = await WebAssembly.compile(body);
    }
    if (glue === null) start(module);
  })().catch((e) => {
    loading = null;
    throw loadError(e);
  });
  loading = attempt;
  return attempt;
}
