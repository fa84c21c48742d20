// validateNdjsonStream: feeds a stream of chunks to the wasm NdjsonValidator as they arrive,
// so a large NDJSON file is never held in memory whole.

/**
 * @param {{ NdjsonValidator: new (schema: string, options?: object) => { push(c: unknown): void, finish(): unknown, free?(): void } }} api
 * @param {() => void} assertReady
 */
export function createNdjsonApi(api, assertReady) {
  /**
   * Validates NDJSON from `source`: a web `ReadableStream`, a Node `Readable`, or any
   * (async) iterable of strings / Uint8Arrays. Resolves to the same report as validateNdjson.
   */
  async function validateNdjsonStream(source, schema, options) {
    assertReady();
    const validator = new api.NdjsonValidator(schema, options);
    try {
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
        throw new TypeError('elevate-billing: validateNdjsonStream needs a ReadableStream, a Node Readable or an (async) iterable of chunks');
      }
      return validator.finish();
    } finally {
      validator.free?.();
    }
  }
  return { validateNdjsonStream };
}
