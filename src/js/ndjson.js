// validateNdjsonStream and validateCsvStream: feed a stream of chunks to the wasm
// NdjsonValidator / CsvValidator as they arrive, so a large file is never held in memory whole.

import { typeError } from './engine/args.js';

/** Pushes every chunk of `source` into `validator`; `what` names the function in errors. */
async function feed(validator, source, what) {
  if (source && typeof source.getReader === 'function') {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        validator.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (source && (typeof source[Symbol.asyncIterator] === 'function' || typeof source[Symbol.iterator] === 'function')) {
    for await (const chunk of source) validator.push(chunk);
  } else {
    throw typeError(`${what} needs a ReadableStream, a Node Readable or an (async) iterable of chunks`);
  }
  return validator.finish();
}

/**
 * @param {{ NdjsonValidator: new (schema: string, options?: object) => { push(c: unknown): void, finish(): unknown, free?(): void },
 *           CsvValidator: new (schema: string, options?: object) => { push(c: unknown): void, finish(): unknown, free?(): void } }} api
 * @param {() => void} assertReady
 */
export function createNdjsonApi(api, assertReady) {
  const streaming = (className, what) => {
    const fn = async function (source, schema, options) {
      assertReady();
      const validator = new api[className](schema, options);
      try {
        return await feed(validator, source, what);
      } finally {
        validator.free?.();
      }
    };
    return Object.defineProperty(fn, 'name', { value: what });
  };
  return {
    /**
     * Validates NDJSON from `source`: a web `ReadableStream`, a Node `Readable`, or any
     * (async) iterable of strings / Uint8Arrays. Resolves to the same report as validateNdjson.
     */
    validateNdjsonStream: streaming('NdjsonValidator', 'validateNdjsonStream'),
    /** Validates CSV from `source`, as validateNdjsonStream does NDJSON; the report of validateCsv. */
    validateCsvStream: streaming('CsvValidator', 'validateCsvStream'),
  };
}
