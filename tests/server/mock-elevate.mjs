// A small, stateful mock of the Elevate REST API on 127.0.0.1 (a random free port), for the
// client's tests and the demo portal. It speaks the documented conventions (api-facts §1):
// bearer auth, JSON bodies, JSON Patch updates (application/json-patch+json), page/pageSize
// lists with filters (exact, in:, like:, lt:, gt:, gtn:), HEAD exists-checks with
// X-Total-Count, CORS for browsers, and programmable faults.
//
//   const server = await startMockServer({ token: 'secret' });   // token: null accepts any
//   startMockServer({ port: 4010 })  a fixed port (default 0: a free one); rejects if it is taken
//   server.url                 'http://127.0.0.1:PORT' (the APIs live under /v1 and /v2)
//   server.requests            log of { method, path, query, rawQuery, headers, body }
//   server.fault('/v1/sites', { status: 503 }, { times: 2, method: 'GET' })
//   server.reset()             seed data back, log and faults cleared
//   await server.close()
//
// Faults (for the next `times` requests to that exact path): { status, body?, headers? },
// { status: 429, retryAfter: 1 }, { hang: true }, { reset: true }, { malformed: true }.
// Browsers drive the same controls over HTTP (see mock-control.mjs): POST /__mock/reset,
// POST /__mock/fault, GET /__mock/requests.

import { createServer } from 'node:http';
import fastJsonPatch from 'fast-json-patch';

const { applyPatch } = fastJsonPatch;

/** The special request headers of the API (api-facts §1.6), allowed cross-origin. */
export const SPECIAL_HEADERS = ['cascade_end_date', 'disable_adding_linked_rentals', 'summary'];

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Total-Count, Retry-After',
};
const PREFLIGHT = {
  ...CORS,
  'access-control-allow-methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': ['authorization', 'content-type', 'accept', ...SPECIAL_HEADERS].join(', '),
  'access-control-max-age': '600',
};
const MAX_BODY = 1024 * 1024;

/** Nested records created with their parent and stored in their own collection too. */
const CHILDREN = {
  '/v1/customers': { field: 'sites', collection: '/v1/sites', parentKey: 'customerId' },
  '/v2/usage-product-inventories': {
    field: 'productReferences',
    collection: '/v2/usage-product-references',
    parentKey: 'usageProductInventoryId',
  },
};

/** Records the server starts with: enough for pagination (23 categories) and filters. */
export function seedData() {
  const pad = (n) => String(n).padStart(2, '0');
  const address = (town) => ({ address1: '1 High Street', town, postcode: 'SW1A 1AA', country: 'GB' });
  const contact = { contactName: 'Jane Doe', contactRole: 'ACCOUNTS', contactTelephoneNumber: '020 7946 0000' };
  const site = (id, customerId, siteName, town) => ({
    id,
    customerId,
    siteName,
    siteReference: `S-${id}`,
    startDate: '2024-01-01',
    siteAddress: address(town),
    siteContacts: [contact],
  });
  return {
    '/v2/rental-product-categories': Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      name: `Category ${pad(i + 1)}`,
      startDate: `2024-01-${pad((i % 28) + 1)}`,
      contractOwnerIds: [1],
    })),
    '/v1/customers': [
      { id: 1, contractOwnerId: 1, customerType: 'BUSINESS', customerName: 'Acme Ltd', customerAccountNumber: 'ACME-1', startDate: '2024-01-01', billingCycleId: 1 },
      { id: 2, contractOwnerId: 1, customerType: 'BUSINESS', customerName: 'Acme Holdings', customerAccountNumber: 'ACME-2', startDate: '2024-02-01', billingCycleId: 1 },
      { id: 3, contractOwnerId: 2, customerType: 'RESIDENTIAL', customerName: 'Beta Household', customerAccountNumber: 'BETA-1', startDate: '2024-03-01', billingCycleId: 2 },
    ],
    '/v1/sites': [
      site(1, 1, 'Head Office', 'London'),
      site(2, 1, 'Depot', 'Leeds'),
      site(3, 1, 'Shop 1', 'York'),
      site(4, 2, 'Head Office', 'Bristol'),
      site(5, 2, 'Warehouse', 'Bath'),
    ],
    '/v2/usage-products': [{ id: 1, name: 'Voice minutes', productReferenceFormat: '[0-9]{3,11}' }],
    '/v2/rental-products': [{ id: 1, name: 'Broadband line', productType: 'RENTAL' }],
    '/v2/usage-rate-cards': [{ id: 1, name: 'Standard voice' }],
    '/v2/rental-rate-cards': [{ id: 1, name: 'Standard rental' }],
  };
}

function likeRegex(pattern) {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Does `record` pass the filter `name=expr` (api-facts §1.5)? */
function matches(record, name, expr) {
  const v = record[name];
  const s = v === undefined || v === null ? null : String(v);
  const [, op, arg] = /^(in|like|lt|gt|gtn):(.*)$/s.exec(expr) ?? [null, null, expr];
  switch (op) {
    case 'in':
      return s !== null && arg.split(',').includes(s);
    case 'like':
      return s !== null && likeRegex(arg).test(s);
    case 'lt':
      return s !== null && s < arg;
    case 'gt':
      return s !== null && s > arg;
    case 'gtn': // undocumented; read as "greater than, or null" (api-facts §9 #9)
      return s === null || s > arg;
    default:
      return s === arg;
  }
}

function sortRecords(records, sort) {
  const keys = sort.split(',').filter(Boolean).map((k) => {
    const [field, dir] = k.split(':');
    return { field, sign: dir === 'desc' ? -1 : 1 };
  });
  return [...records].sort((a, b) => {
    for (const { field, sign } of keys) {
      if (a[field] < b[field]) return -sign;
      if (a[field] > b[field]) return sign;
    }
    return 0;
  });
}

function project(record, fields) {
  if (!fields) return record;
  const out = {};
  for (const f of fields.split(',')) if (f in record) out[f] = record[f];
  return out;
}

export async function startMockServer({ token = null, seed = seedData, port = 0 } = {}) {
  const requests = [];
  let faults = [];
  let collections;
  let nextIds;
  const sockets = new Set();

  function reset() {
    requests.length = 0;
    faults = [];
    collections = new Map();
    nextIds = new Map();
    for (const [path, records] of Object.entries(seed())) {
      collections.set(path, new Map(records.map((r) => [r.id, structuredClone(r)])));
      nextIds.set(path, Math.max(0, ...records.map((r) => r.id)) + 1);
    }
  }
  reset();

  const collection = (path) => {
    if (!collections.has(path)) collections.set(path, new Map());
    return collections.get(path);
  };
  const newId = (path) => {
    const id = nextIds.get(path) ?? 1;
    nextIds.set(path, id + 1);
    return id;
  };

  /** Gives ids to new nested records and files them in their own collection. */
  function adoptChildren(path, record) {
    const c = CHILDREN[path];
    if (!c || !Array.isArray(record[c.field])) return;
    for (const child of record[c.field]) {
      if (!child || typeof child !== 'object') continue;
      if (child.id === undefined) child.id = newId(c.collection);
      child[c.parentKey] = record.id;
      collection(c.collection).set(child.id, child);
    }
  }

  /** A child updated on its own is updated in its parent's copy too. */
  function updateParents(path, record) {
    for (const [parentPath, c] of Object.entries(CHILDREN)) {
      if (c.collection !== path) continue;
      const parent = collection(parentPath).get(record[c.parentKey]);
      const list = parent && parent[c.field];
      if (Array.isArray(list)) {
        const i = list.findIndex((x) => x && x.id === record.id);
        if (i >= 0) list[i] = record;
      }
    }
  }

  function fault(path, spec, { times = 1, method } = {}) {
    faults.push({ path, spec, remaining: times, method: method?.toUpperCase() });
  }

  const send = (res, status, body, headers = {}) => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      ...CORS,
      connection: 'close',
      ...(text ? { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' } : {}),
      ...headers,
    });
    res.end(text);
  };
  const error = (res, status, message) => send(res, status, { status, message });

  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) throw new Error('body too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function applyFault(f, req, res) {
    const { spec } = f;
    if (spec.hang) return; // never answers; the client times out or aborts
    if (spec.reset) return req.socket.destroy();
    if (spec.malformed) return send(res, spec.status ?? 200, '{"id": 1, "name": ', { 'content-type': 'application/json' });
    const headers = { ...(spec.headers ?? {}) };
    if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
    return send(res, spec.status ?? 500, spec.body, headers);
  }

  function control(req, res, url, text) {
    if (url.pathname === '/__mock/reset' && req.method === 'POST') {
      reset();
      return send(res, 204);
    }
    if (url.pathname === '/__mock/fault' && req.method === 'POST') {
      const { path, spec, times, method } = JSON.parse(text);
      fault(path, spec, { times, method });
      return send(res, 204);
    }
    if (url.pathname === '/__mock/requests' && req.method === 'GET') return send(res, 200, requests);
    return error(res, 404, 'unknown control');
  }

  function api(req, res, url, text, entry) {
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!auth || (token !== null && auth[1] !== token)) return error(res, 401, 'Missing or invalid bearer token');
    const accept = req.headers.accept;
    if (accept && !/application\/json|\*\/\*/.test(accept)) return error(res, 406, `Cannot produce ${accept}`);
    const m = /^\/(v1|v2)\/([a-z-]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) return error(res, 404, `No endpoint ${url.pathname}`);
    const path = `/${m[1]}/${m[2]}`;
    const [level, id] = m[4] === undefined ? [undefined, m[3]] : [m[3], m[4]];
    const records = collection(path);
    const q = entry.query;

    if (id === undefined) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const filters = Object.entries(q).filter(([k]) => !['page', 'pageSize', 'sort', 'fields'].includes(k));
        let found = [...records.values()].filter((r) => filters.every(([k, v]) => matches(r, k, v)));
        if (req.method === 'HEAD') {
          if (found.length === 0) return send(res, 404);
          return send(res, 200, undefined, { 'x-total-count': String(found.length) });
        }
        const page = Number(q.page);
        const pageSize = Number(q.pageSize);
        if (!Number.isInteger(page) || page < 1) return error(res, 400, 'page is required and must be >= 1');
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
          return error(res, 400, 'pageSize is required and must be between 1 and 1000');
        }
        if (q.sort) found = sortRecords(found, q.sort);
        return send(res, 200, found.slice((page - 1) * pageSize, page * pageSize).map((r) => project(r, q.fields)));
      }
      if (req.method === 'POST') {
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
          return error(res, 415, 'Content-Type must be application/json');
        }
        if (!entry.body || typeof entry.body !== 'object' || Array.isArray(entry.body)) {
          return error(res, 400, 'The body must be a JSON object');
        }
        const record = { ...structuredClone(entry.body), id: newId(path) };
        adoptChildren(path, record);
        records.set(record.id, record);
        return send(res, 201, record);
      }
      return error(res, 405, `${req.method} is not allowed on ${path}`);
    }

    const record = records.get(Number(id));
    if (!record || (level !== undefined && record.assignmentLevel !== undefined && record.assignmentLevel !== level)) {
      return error(res, 404, `No record ${id} in ${path}`);
    }
    if (req.method === 'GET') return send(res, 200, project(record, q.fields));
    if (req.method === 'DELETE') {
      records.delete(record.id);
      return send(res, 200);
    }
    if (req.method === 'PATCH') {
      if (!/^application\/json-patch\+json\b/.test(req.headers['content-type'] ?? '')) {
        return error(res, 415, 'Content-Type must be application/json-patch+json');
      }
      if (!Array.isArray(entry.body)) return error(res, 400, 'The body must be an array of JSON Patch operations');
      let updated;
      try {
        updated = applyPatch(structuredClone(record), entry.body, true).newDocument;
      } catch (e) {
        return send(res, 400, { status: 400, message: 'Invalid JSON Patch', errors: [{ message: e.message }] });
      }
      updated.id = record.id;
      adoptChildren(path, updated);
      records.set(record.id, updated);
      updateParents(path, updated);
      return send(res, 200, updated);
    }
    return error(res, 405, `${req.method} is not allowed on ${path}/{id}`);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, PREFLIGHT).end();
      return;
    }
    let text;
    try {
      text = await readBody(req);
    } catch {
      return error(res, 413, 'Request body too large');
    }
    if (url.pathname.startsWith('/__mock/')) return control(req, res, url, text);
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const entry = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search.replace(/^\?/, ''),
      headers: { ...req.headers },
      body,
      at: Date.now(),
    };
    requests.push(entry);
    const f = faults.find((x) => x.path === url.pathname && (!x.method || x.method === req.method) && x.remaining > 0);
    if (f) {
      f.remaining -= 1;
      return applyFault(f, req, res);
    }
    if (body === text && text) return error(res, 400, 'The body is not valid JSON');
    return api(req, res, url, text, entry);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    fault,
    reset,
    /** The records of one collection (`'/v1/sites'`), for assertions. */
    records: (path) => [...collection(path).values()],
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
