// @ts-check
// The client's I/O, called by the engine (src/client/fetch.rs imports this module). Everything
// here that touches code the caller gave (a custom fetch, a token provider, the Response it
// resolves to, the caller's AbortSignal) runs inside try/catch and async functions: each export
// returns a promise that never rejects, resolving to a plain outcome object made here, so no
// JavaScript exception can unwind through a WebAssembly frame and no hostile value reaches it.
//
// `fetch` is called as the platform calls it, `fetch(url, init)`, with `init.headers` a plain
// object, so the usual wrapper that spreads `init.headers` keeps Authorization. The attempt's
// timeout and the caller's signal are enforced here whether or not that fetch honours
// `init.signal`: the wait is raced against them. Requests with a body are sent with
// `redirect: 'manual'`, so a redirect never re-sends a body to another URL (the 3xx, or the
// browser's opaque redirect, is reported); others follow redirects as fetch does (which drops
// Authorization when the origin changes). The body is read as a stream into JavaScript memory,
// at most `maxBytes` (the stream is cancelled beyond), and handed to the engine whole, once.

/** @typedef {{ kind: string, [k: string]: unknown }} Outcome */

/**
 * What a thrown value says, without letting a hostile object throw again.
 * @param {unknown} e
 * @returns {{ name: string, message: string }}
 */
function described(e) {
  let name = '';
  let message = 'an exception';
  try {
    if (typeof e === 'string') return { name, message: e };
    if ((typeof e === 'object' && e !== null) || typeof e === 'function') {
      const n = /** @type {any} */ (e).name;
      if (typeof n === 'string') name = n;
      const m = /** @type {any} */ (e).message;
      if (typeof m === 'string') message = m;
      // Node puts the reason of a failed fetch ("ECONNRESET") in the cause.
      const cause = /** @type {any} */ (e).cause;
      if ((typeof cause === 'object' && cause !== null) || typeof cause === 'function') {
        const c = cause.code ?? cause.message;
        if (typeof c === 'string') message += ` (${c})`;
      }
    } else {
      message = String(e);
    }
  } catch {
    // keep what was read
  }
  return { name, message };
}

/** True when the caller's signal (or a look-alike) says it is aborted. @param {unknown} signal */
function isAborted(signal) {
  try {
    return signal != null && /** @type {any} */ (signal).aborted === true;
  } catch {
    return false;
  }
}

/**
 * The attempt's stop: a promise that resolves to STOP when the timer fires or the caller aborts,
 * and what ended it. `done()` removes the timer and the listener (nothing keeps Node alive).
 * @param {number} timeoutMs
 * @param {unknown} signal
 */
function stopper(timeoutMs, signal) {
  const controller = new AbortController();
  /** @type {'timeout' | 'aborted' | null} */
  let why = null;
  /** @type {(v: symbol) => void} */
  let resolve = () => {};
  const stopped = new Promise((r) => (resolve = r));
  const stop = (/** @type {'timeout' | 'aborted'} */ reason) => {
    if (why !== null) return;
    why = reason;
    try {
      controller.abort();
    } catch {
      // an AbortController cannot fail to abort
    }
    resolve(STOP);
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('aborted');
  let listening = false;
  if (signal != null) {
    try {
      /** @type {any} */ (signal).addEventListener('abort', onAbort);
      listening = true;
    } catch {
      // a look-alike without listeners: its `aborted` is still checked
    }
  }
  if (isAborted(signal)) stop('aborted');
  return {
    signal: controller.signal,
    stopped,
    /** Why the attempt stopped, or null. */
    why: () => (isAborted(signal) ? 'aborted' : why),
    done() {
      clearTimeout(timer);
      if (listening) {
        try {
          /** @type {any} */ (signal).removeEventListener('abort', onAbort);
        } catch {
          // nothing to undo
        }
      }
    },
  };
}

const STOP = Symbol('stop');

/**
 * `promise`, or STOP when the attempt stops first.
 * @template T
 * @param {Promise<T>} promise
 * @param {{ stopped: Promise<symbol> }} stop
 * @returns {Promise<T | symbol>}
 */
function race(promise, stop) {
  return Promise.race([promise, stop.stopped]);
}

/** @param {unknown} v */
function isBytes(v) {
  try {
    return ArrayBuffer.isView(v) && v instanceof Uint8Array;
  } catch {
    return false;
  }
}

/** Cancels a stream or reader; its promise settles by itself. @param {any} target */
function cancel(target) {
  try {
    const p = target.cancel();
    if (p && typeof p.catch === 'function') p.catch(() => {});
  } catch {
    // nothing to cancel
  }
}

/**
 * Up to `max` `[name, value]` pairs of a Headers object (or any iterable of pairs), each value at
 * most `maxValue` characters; what cannot be read is left out.
 * @param {unknown} headers
 * @param {number} max
 * @param {number} maxValue
 */
function readHeaders(headers, max, maxValue) {
  /** @type {[string, string][]} */
  const out = [];
  try {
    const it = /** @type {any} */ (headers)[Symbol.iterator]();
    while (out.length < max) {
      const step = it.next();
      if (step.done) break;
      const pair = step.value;
      const name = pair[0];
      const value = pair[1];
      if (typeof name === 'string' && typeof value === 'string') out.push([name, value.slice(0, maxValue)]);
    }
  } catch {
    // keep what was read
  }
  return out;
}

/**
 * One attempt: `fetch(url, init)` and the whole body, or why not.
 * @param {unknown} fetchFn the custom fetch, or undefined for the global one
 * @param {string} url
 * @param {string} method
 * @param {[string, string][]} headers lower-case names, Authorization included
 * @param {string | undefined} body JSON text
 * @param {number} timeoutMs
 * @param {unknown} signal the caller's AbortSignal, or undefined
 * @param {number} maxBytes the largest body read
 * @param {number} maxHeaders
 * @param {number} maxHeaderValue
 * @returns {Promise<Outcome>}
 */
export async function attempt(fetchFn, url, method, headers, body, timeoutMs, signal, maxBytes, maxHeaders, maxHeaderValue) {
  if (isAborted(signal)) return { kind: 'aborted' };
  let f = fetchFn;
  if (f === undefined) {
    try {
      f = globalThis.fetch;
    } catch {
      f = undefined;
    }
    if (typeof f !== 'function') return { kind: 'noFetch', message: 'there is no global fetch; pass the fetch option' };
  }
  const stop = stopper(timeoutMs, signal);
  try {
    /** @type {Record<string, string>} */
    const plain = {};
    for (const [k, v] of headers) plain[k] = v;
    /** @type {RequestInit} */
    const init = { method, headers: plain, signal: stop.signal, redirect: body === undefined ? 'follow' : 'manual' };
    if (body !== undefined) init.body = body;
    const call = /** @type {Function} */ (f);
    const pending = Promise.resolve().then(() => call.call(globalThis, url, init));
    /** @type {any} */
    let response;
    try {
      response = await race(pending, stop);
    } catch (e) {
      const why = stop.why();
      if (why !== null) return { kind: why };
      return { kind: 'network', ...described(e) };
    }
    if (response === STOP) return { kind: /** @type {string} */ (stop.why() ?? 'timeout') };
    return await read(response, stop, maxBytes, maxHeaders, maxHeaderValue);
  } catch (e) {
    const why = stop.why();
    return why !== null ? { kind: why } : { kind: 'network', ...described(e) };
  } finally {
    stop.done();
  }
}

/**
 * Status, headers and body of what fetch resolved to.
 * @param {any} response
 * @param {ReturnType<typeof stopper>} stop
 * @param {number} maxBytes
 * @param {number} maxHeaders
 * @param {number} maxHeaderValue
 * @returns {Promise<Outcome>}
 */
async function read(response, stop, maxBytes, maxHeaders, maxHeaderValue) {
  let status;
  let type;
  try {
    status = response.status;
    type = response.type;
  } catch {
    status = undefined;
  }
  if (type === 'opaqueredirect') return { kind: 'redirected' };
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return { kind: 'noFetch', message: 'fetch resolved to something that is not a Response' };
  }
  let headerSource;
  try {
    headerSource = response.headers;
  } catch {
    headerSource = undefined;
  }
  const headers = readHeaders(headerSource, maxHeaders, maxHeaderValue);
  const declared = headers.find(([k]) => k.toLowerCase() === 'content-length');
  let stream;
  try {
    stream = response.body;
  } catch (e) {
    return { kind: 'network', ...described(e) };
  }
  if (declared !== undefined && Number(declared[1].trim()) > maxBytes) {
    if (stream != null) cancel(stream);
    return { kind: 'tooLarge', status };
  }
  if (stream === null) return { kind: 'response', status, headers, body: new Uint8Array(0) };
  if (stream === undefined) {
    // A Response-like object without streams (a test double): arrayBuffer(), then check.
    const arrayBuffer = response.arrayBuffer;
    if (typeof arrayBuffer !== 'function') return { kind: 'response', status, headers, body: new Uint8Array(0) };
    const buffer = await race(Promise.resolve().then(() => arrayBuffer.call(response)), stop);
    if (buffer === STOP) return { kind: /** @type {string} */ (stop.why() ?? 'timeout') };
    let bytes;
    try {
      bytes = new Uint8Array(/** @type {ArrayBuffer} */ (buffer)).slice();
    } catch {
      return { kind: 'network', name: '', message: 'arrayBuffer() gave something that is not an ArrayBuffer' };
    }
    if (bytes.length > maxBytes) return { kind: 'tooLarge', status };
    return { kind: 'response', status, headers, body: bytes };
  }
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  for (;;) {
    const step = await race(Promise.resolve().then(() => reader.read()), stop);
    if (step === STOP) {
      cancel(reader);
      return { kind: /** @type {string} */ (stop.why() ?? 'timeout') };
    }
    const s = /** @type {any} */ (step);
    if (s === null || typeof s !== 'object' || s.done !== false) break;
    const chunk = s.value;
    if (!isBytes(chunk)) {
      cancel(reader);
      return { kind: 'network', name: '', message: 'the body stream gave a non-byte chunk' };
    }
    total += chunk.byteLength;
    if (total > maxBytes) {
      cancel(reader);
      return { kind: 'tooLarge', status };
    }
    chunks.push(chunk);
  }
  // One fresh array the engine copies once (never a view the caller's code still holds).
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { kind: 'response', status, headers, body };
}

/**
 * A token from `provider`, waited for at most `timeoutMs` and not past the caller's abort.
 * Resolves to `{ kind: 'token', value }` (value as given: the engine checks it is a string),
 * `{ kind: 'threw' | 'rejected', message }`, `{ kind: 'timeout' }` or `{ kind: 'aborted' }`.
 * A promise whose `then` or `constructor` getter throws is a rejection like any other.
 * @param {Function} provider
 * @param {number} timeoutMs
 * @param {unknown} signal
 * @returns {Promise<Outcome>}
 */
export async function callToken(provider, timeoutMs, signal) {
  if (isAborted(signal)) return { kind: 'aborted' };
  let value;
  try {
    value = provider.call(undefined);
  } catch (e) {
    return { kind: 'threw', message: described(e).message };
  }
  let thenable = false;
  try {
    thenable = ((typeof value === 'object' && value !== null) || typeof value === 'function') && typeof value.then === 'function';
  } catch (e) {
    return { kind: 'rejected', message: described(e).message };
  }
  if (!thenable) return { kind: 'token', value: typeof value === 'string' ? value : undefined, type: typeof value };
  const stop = stopper(timeoutMs, signal);
  try {
    const settled = (async () => {
      try {
        const v = await value;
        return { kind: 'token', value: typeof v === 'string' ? v : undefined, type: typeof v };
      } catch (e) {
        return { kind: 'rejected', message: described(e).message };
      }
    })();
    const outcome = await race(settled, stop);
    if (outcome === STOP) return { kind: /** @type {string} */ (stop.why() ?? 'timeout') };
    return /** @type {Outcome} */ (outcome);
  } finally {
    stop.done();
  }
}

/**
 * Waits `ms` before a retry; resolves to `{ kind: 'slept' }`, or `{ kind: 'aborted' }` as soon
 * as the caller aborts.
 * @param {number} ms
 * @param {unknown} signal
 * @returns {Promise<Outcome>}
 */
export async function sleep(ms, signal) {
  if (isAborted(signal)) return { kind: 'aborted' };
  const stop = stopper(ms, signal);
  try {
    await stop.stopped;
    return { kind: stop.why() === 'aborted' ? 'aborted' : 'slept' };
  } finally {
    stop.done();
  }
}
