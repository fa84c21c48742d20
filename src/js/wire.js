// @ts-check
// Decoding the engine's bulk reports (NDJSON, CSV) from the binary form written by
// src/validate/wire.rs (the layout is documented there) into the objects the API returns:
// `{ records, valid, invalid, invalidLines: [{ line, errors }], truncated }` (CSV:
// `invalidRecords: [{ record, line, errors }]` and `columns`), each error `{ path, code, params,
// message }` (CSV: and `column`). Every distinct string crosses once; messages are formatted
// here, by the same templates as everywhere (formatMessage), once per distinct issue.

import { formatMessage } from './core/index.js';
import { PREFIX, WIRE } from './core/gen/contract.js';
import { Utf8Decoder } from './engine/utf8.js';

// The layout's constants, generated from src/validate/wire.rs.
const { VERSION, NDJSON, CSV, NULL, FALSE, TRUE, UINT, F64, STRING, ARRAY, OBJECT } = WIRE;

/** @type {{ decode(b: Uint8Array): string } | null} created on first use (nothing runs at import) */
let utf8 = null;

/**
 * @typedef {{ path: string, code: string, params: Record<string, unknown>, message: string, column?: string | null }} Issue
 * @typedef {{ records: number, valid: number, invalid: number, lines: number, truncated: boolean,
 *             entries: any[], columns?: string[] }} Decoded
 */

class Reader {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    /** @type {string[]} */
    this.strings = [];
    /** @type {Message[]} distinct issues by number, their messages formatted on first sight */
    this.messages = [];
  }

  varint() {
    const b = this.b;
    let c = b[this.i++];
    if (c < 0x80) return c;
    let n = c & 0x7f;
    let scale = 128;
    do {
      c = b[this.i++];
      n += (c & 0x7f) * scale;
      scale *= 128;
    } while (c >= 0x80);
    return n;
  }

  f64() {
    const v = this.view.getFloat64(this.i, true);
    this.i += 8;
    return v;
  }

  u32() {
    const v = this.view.getUint32(this.i, true);
    this.i += 4;
    return v;
  }

  /** The string table. */
  table() {
    const n = this.varint();
    const strings = new Array(n);
    const b = this.b;
    for (let k = 0; k < n; k++) {
      const len = this.varint();
      const from = this.i;
      const to = from + len;
      let ascii = len <= 64;
      for (let j = from; ascii && j < to; j++) if (b[j] >= 0x80) ascii = false;
      if (ascii) {
        strings[k] = String.fromCharCode.apply(null, /** @type {any} */ (b.subarray(from, to)));
      } else {
        // ignoreBOM: a string that starts with U+FEFF keeps it. (jsdom has no TextDecoder.)
        utf8 ??= typeof TextDecoder === 'function' ? new TextDecoder('utf-8', { ignoreBOM: true }) : new Utf8Decoder();
        strings[k] = utf8.decode(b.subarray(from, to));
      }
      this.i = to;
    }
    this.strings = strings;
  }

  string() {
    return this.strings[this.varint()];
  }

  /** @returns {unknown} */
  value() {
    switch (this.b[this.i++]) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case UINT:
        return this.varint();
      case F64:
        return this.f64();
      case STRING:
        return this.string();
      case ARRAY: {
        const n = this.u32();
        const out = new Array(n);
        for (let k = 0; k < n; k++) out[k] = this.value();
        return out;
      }
      case OBJECT: {
        const n = this.u32();
        /** @type {Record<string, unknown>} */
        const out = {};
        for (let k = 0; k < n; k++) {
          const key = this.string();
          out[key] = this.value();
        }
        return out;
      }
      default:
        throw malformed();
    }
  }

  /** The params written at `at`, read again (the reader stays where it is). @param {number} at */
  paramsAt(at) {
    const i = this.i;
    this.i = at;
    const params = /** @type {Record<string, unknown>} */ (this.value());
    this.i = i;
    return params;
  }

  /** @param {boolean} csv @returns {Issue} */
  issue(csv) {
    const id = this.varint();
    let path, code, params, message;
    if (id === this.messages.length) {
      // First occurrence: its path, code and params follow; the message is formatted here.
      path = this.string();
      code = this.string();
      const at = this.i;
      params = /** @type {Record<string, unknown>} */ (this.value());
      message = formatMessage({ path, code, params });
      this.messages.push(new Message(path, code, at, message));
    } else {
      // A repeat: the number alone. Every issue gets params of its own: a copy of the first
      // one's when their values are all primitive (a spread copies the object's shape at
      // once), else read again where the first one's are. What copies copy is made at the
      // first repeat: most issues of a report with distinct values never repeat.
      const m = this.messages[id];
      if (m === undefined) throw malformed();
      path = m.path;
      code = m.code;
      message = m.message;
      if (m.flat === undefined) m.flat = template(this.paramsAt(m.at));
      params = m.flat !== null ? { ...m.flat } : this.paramsAt(m.at);
    }
    if (!csv) return { path, code, params, message };
    const c = this.varint();
    return { path, code, params, message, column: c === 0 ? null : this.strings[c - 1] };
  }
}

/** A distinct issue: what its repeats share, and where its params are. */
class Message {
  /** @param {string} path @param {string} code @param {number} at @param {string} message */
  constructor(path, code, at, message) {
    this.path = path;
    this.code = code;
    this.at = at;
    this.message = message;
    /** @type {Record<string, unknown> | null | undefined} what copies of its params copy ({@link template}); made at the first repeat */
    this.flat = undefined;
  }
}

/** The error for a report this decoder cannot read (never for a report the engine wrote). */
function malformed() {
  return new Error(`${PREFIX}internal error: a bulk report is malformed`);
}

/**
 * What the repeats of an issue with these params copy: null unless every value is primitive
 * (a shallow copy is then a full one). The copy source is `JSON.parse`'s, as its objects are
 * exactly their size (an object grown key by key keeps spare slots, and copies keep them):
 * 48 bytes for `{ pattern, character, index }` rather than 56, and the report's objects are
 * what a bulk call's garbage collection spends its time on. JSON text would turn -0 into 0:
 * such params are read again instead.
 * @param {Record<string, unknown>} params
 */
function template(params) {
  for (const k in params) {
    const v = params[k];
    if ((typeof v === 'object' && v !== null) || Object.is(v, -0)) return null;
  }
  return JSON.parse(JSON.stringify(params));
}

/**
 * The report in `bytes`, with its entries' issues decoded: all of them, or the first `limit`.
 * `lineOffset` is added to NDJSON line numbers (a later chunk of a file split for workers).
 * @param {Uint8Array} bytes
 * @param {{ lineOffset?: number, limit?: number }} [how]
 * @returns {Decoded}
 */
export function decode(bytes, { lineOffset = 0, limit = Infinity } = {}) {
  const r = new Reader(bytes);
  const version = r.b[r.i++];
  const form = r.b[r.i++];
  if (version !== VERSION || (form !== NDJSON && form !== CSV)) {
    throw new Error(`${PREFIX}internal error: the engine wrote a bulk report this code cannot read`);
  }
  const records = r.f64();
  const valid = r.f64();
  const invalid = r.f64();
  const lines = r.f64();
  const truncated = r.b[r.i++] === 1;
  r.table();
  /** @type {string[] | undefined} */
  let columns;
  if (form === CSV) {
    const n = r.varint();
    columns = new Array(n);
    for (let k = 0; k < n; k++) columns[k] = r.string();
  }
  const n = Math.min(r.varint(), limit);
  const entries = new Array(n);
  const csv = form === CSV;
  for (let e = 0; e < n; e++) {
    if (csv) {
      const record = r.varint();
      const line = r.varint();
      const counted = r.varint();
      const k = Math.floor(counted / 2);
      const errors = new Array(k);
      for (let j = 0; j < k; j++) errors[j] = r.issue(true);
      entries[e] = counted % 2 ? { record, line, errors, truncated: true } : { record, line, errors };
    } else {
      const line = r.varint() + lineOffset;
      const counted = r.varint();
      const k = Math.floor(counted / 2);
      // A literal for the usual single issue: 32 bytes where `new Array(1)` takes 53.
      let errors;
      if (k === 1) errors = [r.issue(false)];
      else {
        errors = new Array(k);
        for (let j = 0; j < k; j++) errors[j] = r.issue(false);
      }
      entries[e] = counted % 2 ? { line, errors, truncated: true } : { line, errors };
    }
  }
  return { records, valid, invalid, lines, truncated, entries, columns };
}

/** An NDJSON report, as `validateNdjson` returns it. @param {Uint8Array} bytes */
export function ndjsonReport(bytes) {
  const d = decode(bytes);
  return { records: d.records, valid: d.valid, invalid: d.invalid, invalidLines: d.entries, truncated: d.truncated };
}

/** A CSV report, as `validateCsv` returns it. @param {Uint8Array} bytes */
export function csvReport(bytes) {
  const d = decode(bytes);
  return {
    records: d.records,
    valid: d.valid,
    invalid: d.invalid,
    invalidRecords: d.entries,
    truncated: d.truncated,
    columns: d.columns ?? [],
  };
}
