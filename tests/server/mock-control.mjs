// Drives a mock-elevate.mjs server over HTTP, so that tests running in a browser (or another
// process) can program faults and read the request log just as Node tests do.

/** @param {string} url  the mock server's base URL */
export function mockControl(url) {
  const call = async (method, path, body) => {
    const res = await fetch(`${url}/__mock/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`mock control ${path}: ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  return {
    /** Seed data back; log and faults cleared. */
    reset: () => call('POST', 'reset'),
    /** The next `times` requests to `path` (optionally only `method`) get `spec`. */
    fault: (path, spec, { times = 1, method } = {}) => call('POST', 'fault', { path, spec, times, method }),
    /** Every request logged since the last reset: { method, path, query, rawQuery, headers, body, at (ms) }. */
    requests: () => call('GET', 'requests'),
  };
}
