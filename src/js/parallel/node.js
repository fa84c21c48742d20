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
import { PREFIX } from '../core/gen/contract.js';

const MiB = 1 << 20;

/** Idle worker threads live this long for the next call, then end. */
const IDLE_MS = 2000;

/**
 * @typedef {{ seq: number, bytes: Uint8Array }} Job
 * @typedef {{ seq: number, out?: Uint8Array, error?: string }} Answer
 * @typedef {{ worker: import('node:worker_threads').Worker, job: Job | null, dead: boolean,
 *             onMessage: ((m: Answer) => void) | null, onLost: (() => void) | null,
 *             timer: ReturnType<typeof setTimeout> | null }} Thread
 */

/** @type {Thread[]} threads between calls (unreferenced: they never keep the process alive) */
const spare = [];

/**
 * `n` worker threads for a call: spare ones first, new ones for the rest.
 * @param {number} n
 * @returns {Promise<Thread[]>}
 */
async function threads(n) {
  const out = [];
  while (out.length < n && spare.length > 0) {
    const t = /** @type {Thread} */ (spare.pop());
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    t.worker.ref();
    out.push(t);
  }
  if (out.length < n) {
    const { Worker } = await import('node:worker_threads');
    const { join: joinPath } = await import('node:path');
    // The engine compiled once, for every thread; the worker script ships beside node.cjs
    // (`__dirname` is node.cjs's directory).
    const workerData = { engineModule: engineModule() };
    while (out.length < n) {
      const worker = new Worker(joinPath(__dirname, 'ndjson-worker.cjs'), { workerData });
      /** @type {Thread} */
      const t = { worker, job: null, dead: false, onMessage: null, onLost: null, timer: null };
      worker.on('message', (/** @type {Answer} */ m) => t.onMessage?.(m));
      const lost = () => {
        if (t.dead) return;
        t.dead = true;
        const i = spare.indexOf(t);
        if (i >= 0) spare.splice(i, 1);
        void worker.terminate();
        t.onLost?.();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      out.push(t);
    }
  }
  return out;
}

/** Threads back to the spares, to end when unused for a while. @param {Thread[]} ts */
function release(ts) {
  for (const t of ts) {
    t.onMessage = null;
    t.onLost = null;
    if (t.dead) continue;
    if (t.job !== null) {
      // Still busy with a chunk of a call that failed: not reusable.
      t.dead = true;
      void t.worker.terminate();
      continue;
    }
    t.worker.unref();
    t.timer = setTimeout(() => {
      const i = spare.indexOf(t);
      if (i >= 0) spare.splice(i, 1);
      t.dead = true;
      void t.worker.terminate();
    }, IDLE_MS);
    t.timer.unref?.();
    spare.push(t);
  }
}

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

/**
 * `parts` joined into one buffer: a new `ArrayBuffer`, or the one `into` gives for the length
 * (the result is then a view of its first bytes).
 * @param {Uint8Array[]} parts
 * @param {(n: number) => ArrayBufferLike} [into]
 */
function join(parts, into) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(into ? into(n) : new ArrayBuffer(n), 0, n);
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
  /** @type {Thread[]} the threads of this call */
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
  // Chunks travel in shared memory, which a worker reads without a copy (and which stays here,
  // should the worker fail). A buffer is reused once its chunk is validated: a new
  // SharedArrayBuffer is fresh zeroed pages, and allocating one per chunk took a third of this
  // thread's time (bench/README.md §2).
  /** @type {SharedArrayBuffer[]} */
  const free = [];
  const shared = (/** @type {number} */ n) => {
    const i = free.findIndex((b) => b.byteLength >= n);
    // A quarter more than `chunkBytes`: a chunk runs on to the end of its last line.
    return i >= 0 ? free.splice(i, 1)[0] : new SharedArrayBuffer(Math.max(n, chunkBytes + (chunkBytes >> 2)));
  };
  /** The buffer of a chunk that is validated, for the next chunk. @param {Job} job */
  const reuse = (job) => {
    if (job.bytes.buffer instanceof SharedArrayBuffer) free.push(job.bytes.buffer);
  };
  /** A chunk validated here (no worker could take it). @param {Job} job */
  const here = (job) => {
    try {
      done.set(job.seq, raw.validateNdjson(job.bytes, schema, record));
      reuse(job);
    } catch (e) {
      failed ??= /** @type {Error} */ (e);
    }
  };
  // What the workers validate with: the schema, the options, and the sources of the patterns
  // the schema uses (setPattern on this thread holds in the workers too).
  const patterns = Object.keys(raw.jsonSchema(schema).$defs ?? {})
    .filter((k) => k.startsWith('pattern.'))
    .map((k) => [k.slice(8), raw.getPattern(k.slice(8))]);
  const setup = { schema, options: record, patterns };
  const pump = () => {
    for (const t of pool) {
      if (t.job !== null || queue.length === 0) continue;
      const job = /** @type {Job} */ (queue.shift());
      t.job = job;
      // Shared memory: not copied, and still here should the worker fail.
      t.worker.postMessage({ ...job, setup });
    }
    if (pool.length === 0) {
      for (const job of queue.splice(0)) here(job);
    }
    merge();
    signal();
  };
  /** @param {Thread} t */
  const lost = (t) => {
    // A worker that cannot run (a bundled copy of the package without ndjson-worker.cjs, a
    // resource limit): its chunk, and the rest if no worker is left, are validated here.
    const i = pool.indexOf(t);
    if (i < 0) return;
    pool.splice(i, 1);
    if (t.job) queue.unshift(t.job);
    t.job = null;
    pump();
  };
  const start = async () => {
    for (const t of await threads(workers)) {
      t.onMessage = (m) => {
        if (t.job !== null) reuse(t.job);
        t.job = null;
        if (m.out) done.set(m.seq, m.out);
        else failed ??= new Error(`${PREFIX}${m.error}`);
        pump();
      };
      t.onLost = () => lost(t);
      pool.push(t);
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
        const chunk = join(parts, shared);
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
        if (last >= 0) await send(join([all.subarray(0, last + 1)], shared));
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
      const chunk = join(parts, shared);
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
    release(pool.splice(0));
    await it.return?.(undefined);
  }
}

/** A whole report validated on this thread. @param {Uint8Array} bytes */
function decodeAll(bytes) {
  const d = decode(bytes);
  return { records: d.records, valid: d.valid, invalid: d.invalid, invalidLines: d.entries, truncated: d.truncated };
}
