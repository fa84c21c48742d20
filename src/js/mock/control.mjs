// elevate-billing/mock/control: drives a running mock (`startMock`, `npx elevate-billing mock`)
// over HTTP, so that tests in a browser page or another process program faults, read the
// request log and reset the records just as Node tests do with the mock object. No Node
// imports: it runs wherever `fetch` does.

/**
 * @param {string} url  the mock's base URL (`http://127.0.0.1:4010`)
 * @returns {import('./control.js').MockControl}
 */
export function mockControl(url) {
  const base = String(url).replace(/\/+$/, '');
  const call = async (method, path, body) => {
    const res = await fetch(`${base}/__mock/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`elevate-billing/mock/control: ${method} /__mock/${path} answered ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  return {
    /** Seed records back; log and faults cleared. */
    reset: () => call('POST', 'reset'),
    /** The next `times` requests to `path` (optionally only `method`) get `spec`. */
    fault: (path, spec, { times = 1, method } = {}) => call('POST', 'fault', { path, spec, times, method }),
    /** Every request logged since the last reset: { method, path, query, rawQuery, headers, body, at (ms) }. */
    requests: () => call('GET', 'requests'),
    /** The stored records of one resource (`'sites'`). */
    records: (resource) => call('GET', `records/${encodeURIComponent(resource)}`),
  };
}
