// @ts-check
// validateNdjsonParallel, in Node: a large NDJSON input is cut at line ends into chunks of about
// `chunkBytes`, the chunks are validated by worker threads (node:worker_threads), each with its own
// instance of the engine started from this thread's compiled module, and the reports are merged
// in input order: line numbers continue from chunk to chunk, `maxInvalidLines` keeps the first
// invalid lines of the whole input. At most two chunks per worker are read ahead, so memory stays
// bounded whatever the input's size. A small input, or `workers: 0`, is validated on this thread.
// Only the Node build (node.cjs) contains this file; other builds get ./browser.js.

import { engine, engineModule } from '../engine/load.js';
import { decode } from '../wire.js';

const PREFIX = 'elevate-billing: ';
const MiB = 1 << 20;

/**
 * @typedef {{ seq: number, bytes: Uint8Array }} Job
 * @typedef {{ worker: import('node:worker_threads').Worker, job: Job | null }} Slot
 */

/** @param {unknown} v @param {string} name @param {number} min */
function count(v, name, min) {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new TypeError(`${PREFIX}validateNdjsonParallel: options.${name} must be an integer of at least ${min}`);
  }
  return v;
}

/**
 * The options the engine reads, copied (they cross to the workers), and ours.
 * @param {unknown} options
 */
function readOptions(options) {
  if (options === undefined || options === null) return { record: undefined, workers: undefined, chunkBytes: undefined };
  if (typeof options !== 'object') {
    throw new TypeError(`${PREFIX}validateNdjsonParallel: options must be an object such as { workers: 4 }`);
  }
  /** @type {Record<string, unknown>} */
  const record = {};
  const get = (/** @type {string} */ k) => {
    try {
      return /** @type {any} */ (options)[k];
    } catch (e) {
      throw new TypeError(`${PREFIX}validateNdjsonParallel: reading options.${k} threw: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (const k of ['abortEarly', 'unknownFields', 'maxInvalidLines']) {
    const v = get(k);
    if (v !== undefined) record[k] = v;
  }
  return { record, workers: count(get('workers'), 'workers', 0), chunkBytes: count(get('chunkBytes'), 'chunkBytes', 1) };
}

/** The number of cores Node may use. */
async function cores() {
  const os = await import('node:os');
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * The input as a sequence of byte pieces (views of the caller's data, never written to).
 * @param {unknown} input
 * @returns {AsyncGenerator<Uint8Array>}
 */
async function* pieces(input) {
  const bytes = (/** @type {unknown} */ c) => {
    if (typeof c === 'string') return new TextEncoder().encode(c);
    if (c instanceof Uint8Array) return c;
    if (c instanceof ArrayBuffer) return new Uint8Array(c);
    if (ArrayBuffer.isView(c)) return new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
    throw new TypeError(`${PREFIX}validateNdjsonParallel: chunks must be strings, Uint8Arrays (Buffers) or ArrayBuffers`);
  };
  if (typeof input === 'string' || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    yield bytes(input);
    return;
  }
  const source = /** @type {any} */ (input);
  if (source && typeof source.getReader === 'function') {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield bytes(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (source && (typeof source[Symbol.asyncIterator] === 'function' || typeof source[Symbol.iterator] === 'function')) {
    for await (const chunk of source) yield bytes(chunk);
    return;
  }
  throw new TypeError(
    `${PREFIX}validateNdjsonParallel needs a string, a Uint8Array, an ArrayBuffer, a ReadableStream, a Node Readable or an (async) iterable of chunks`,
  );
}

/** `parts` joined into one new buffer (a worker takes it over). @param {Uint8Array[]} parts */
function join(parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Validates NDJSON with every core: see the file comment. Resolves to the report
 * `validateNdjson` gives for the same input.
 * @param {unknown} input
 * @param {unknown} schema
 * @param {unknown} [options]
 */
export async function validateNdjsonParallel(input, schema, options) {
  if (typeof schema !== 'string') {
    throw new TypeError(`${PREFIX}validateNdjsonParallel: schema must be a string such as 'Site'`);
  }
  const { record, workers: asked, chunkBytes = MiB } = readOptions(options);
  const raw = engine();
  // Unknown schema or bad options: the engine's own Error, before anything starts.
  new raw.NdjsonValidator(schema, record).free();
  const max = /** @type {number | undefined} */ (record?.maxInvalidLines);
  const workers = asked ?? (await cores());
  const small = 4 * chunkBytes;
  const long = 8 * chunkBytes;

  // ---- the merge, in input order --------------------------------------------------------
  const report = { records: 0, valid: 0, invalid: 0, invalidLines: /** @type {any[]} */ ([]), truncated: false };
  /** @type {Map<number, Uint8Array>} reports of chunks whose predecessors are not in yet */
  const done = new Map();
  let next = 0;
  let lines = 0;
  const merge = () => {
    for (let bytes = done.get(next); bytes !== undefined; bytes = done.get(next)) {
      done.delete(next);
      next += 1;
      const room = max === undefined ? Infinity : max - report.invalidLines.length;
      const d = decode(bytes, { lineOffset: lines, limit: room });
      report.records += d.records;
      report.valid += d.valid;
      report.invalid += d.invalid;
      lines += d.lines;
      for (const l of d.entries) report.invalidLines.push(l);
    }
  };

  // ---- the workers ----------------------------------------------------------------------
  /** @type {Slot[]} */
  const pool = [];
  /** @type {Job[]} */
  const queue = [];
  /** @type {Error | null} */
  let failed = null;
  /** @type {(() => void) | null} */
  let wake = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  /** A chunk validated here (no worker could take it). @param {Job} job */
  const here = (job) => {
    try {
      done.set(job.seq, raw.validateNdjson(job.bytes, schema, record));
    } catch (e) {
      failed ??= /** @type {Error} */ (e);
    }
  };
  const pump = () => {
    for (const slot of pool) {
      if (slot.job !== null || queue.length === 0) continue;
      const job = /** @type {Job} */ (queue.shift());
      slot.job = job;
      // Copied, not transferred: should the worker fail, the chunk is still here to validate.
      slot.worker.postMessage(job);
    }
    if (pool.length === 0) {
      for (const job of queue.splice(0)) here(job);
    }
    merge();
    signal();
  };
  const start = async () => {
    const { Worker } = await import('node:worker_threads');
    const { join: joinPath } = await import('node:path');
    const module = engineModule();
    for (let k = 0; k < workers; k++) {
      // The worker script ships beside node.cjs (`__dirname` is node.cjs's directory).
      const worker = new Worker(joinPath(__dirname, 'ndjson-worker.cjs'), { workerData: { engineModule: module, schema, options: record } });
      /** @type {Slot} */
      const slot = { worker, job: null };
      worker.on('message', (/** @type {{ seq: number, out?: Uint8Array, error?: string }} */ m) => {
        slot.job = null;
        if (m.out) done.set(m.seq, m.out);
        else failed ??= new Error(`${PREFIX}${m.error}`);
        pump();
      });
      const lost = () => {
        // A worker that cannot run (a bundled copy of the package without ndjson-worker.cjs,
        // a resource limit): its chunk, and the rest if no worker is left, run here.
        const i = pool.indexOf(slot);
        if (i < 0) return;
        pool.splice(i, 1);
        if (slot.job) queue.unshift(slot.job);
        slot.job = null;
        void worker.terminate();
        pump();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      pool.push(slot);
    }
  };
  let seq = 0;
  /** Hands a chunk over, waiting while two chunks per worker are pending. @param {Uint8Array} bytes */
  const send = async (bytes) => {
    queue.push({ seq: seq++, bytes });
    pump();
    while (pool.length > 0 && queue.length + pool.filter((s) => s.job !== null).length > 2 * pool.length) {
      await new Promise((resolve) => (wake = /** @type {() => void} */ (resolve)));
      if (failed) throw failed;
    }
    if (failed) throw failed;
  };

  // ---- cutting at line ends ---------------------------------------------------------------
  /** @type {Uint8Array[]} the input since the last cut (no line end at or past `chunkBytes`) */
  let parts = [];
  let size = 0;
  /** @type {any} a line longer than `long`, validated on this thread as it streams in (the engine bounds what it keeps of it) */
  let longLine = null;
  const endLong = () => {
    done.set(seq++, longLine.finish());
    longLine.free();
    longLine = null;
    merge();
  };
  /** @param {Uint8Array} piece */
  const take = async (piece) => {
    let data = piece;
    while (data.length > 0) {
      if (longLine !== null) {
        const nl = data.indexOf(10);
        if (nl < 0) return longLine.push(data);
        longLine.push(data.subarray(0, nl + 1));
        endLong();
        data = data.subarray(nl + 1);
        continue;
      }
      // The first line end that makes the chunk at least `chunkBytes` long.
      const nl = data.indexOf(10, Math.max(0, chunkBytes - size - 1));
      if (nl >= 0) {
        parts.push(data.subarray(0, nl + 1));
        const chunk = join(parts);
        parts = [];
        size = 0;
        await send(chunk);
        data = data.subarray(nl + 1);
        continue;
      }
      parts.push(data);
      size += data.length;
      if (size > long) {
        // Whole lines, then the start of a line longer than `long`: the lines go to a worker,
        // the long line is read here.
        const all = join(parts);
        const last = all.lastIndexOf(10);
        parts = [];
        size = 0;
        if (last >= 0) await send(all.slice(0, last + 1));
        longLine = new raw.NdjsonValidator(schema, record);
        longLine.push(all.subarray(last + 1));
      }
      return;
    }
  };

  // ---- reading ------------------------------------------------------------------------------
  const it = pieces(input);
  try {
    // Up to `small` bytes first: a smaller input is validated here in one call.
    for (;;) {
      const r = await it.next();
      if (r.done) return decodeAll(raw.validateNdjson(parts.length === 1 ? parts[0] : join(parts), schema, record));
      parts.push(r.value);
      size += r.value.length;
      if (size >= small) break;
    }
    if (workers === 0) {
      // This thread only, streaming (bounded as NdjsonValidator is).
      const v = new raw.NdjsonValidator(schema, record);
      try {
        for (const p of parts) v.push(p);
        parts = [];
        for (let r = await it.next(); !r.done; r = await it.next()) v.push(r.value);
        return decodeAll(v.finish());
      } finally {
        v.free();
      }
    }
    await start();
    const first = parts;
    parts = [];
    size = 0;
    for (const p of first) await take(p);
    for (let r = await it.next(); !r.done; r = await it.next()) await take(r.value);
    if (longLine !== null) endLong();
    if (size > 0) {
      const chunk = join(parts);
      parts = [];
      size = 0;
      await send(chunk);
    }
    for (;;) {
      if (failed) throw failed;
      merge();
      if (next >= seq) break;
      await new Promise((resolve) => (wake = /** @type {() => void} */ (resolve)));
    }
    report.truncated = max !== undefined && report.invalid > max;
    return report;
  } finally {
    longLine?.free();
    for (const slot of pool.splice(0)) void slot.worker.terminate();
    await it.return?.(undefined);
  }
}

/** A whole report validated on this thread. @param {Uint8Array} bytes */
function decodeAll(bytes) {
  const d = decode(bytes);
  return { records: d.records, valid: d.valid, invalid: d.invalid, invalidLines: d.entries, truncated: d.truncated };
}
