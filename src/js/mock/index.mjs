// elevate-billing/mock: a stateful mock of the Elevate REST API on loopback, for integration
// tests and demos (Node only; `npx elevate-billing mock` runs it from the command line).
//
// - Every endpoint the client has, read from the package's OpenAPI document (routes.mjs).
// - Requests are judged by the package's own validators: bodies with `validate`, queries with
//   `validateQuery`, JSON Patch with `validatePatch` (whose patched document becomes the
//   record), path ids as ids (integers >= 1). What the validator rejects, the mock answers 400.
// - Errors have one body shape, Spring Boot's default error attributes (the server is a Java
//   service, decisions R2) with the validation issues listed:
//     { timestamp, status, error, message, path, errors?: [{ field, pointer, code, message }] }
//   `field` is the Spring property path (`siteContacts[0].contactName`), `pointer` the JSON
//   Pointer and `code`/`message` the validator's issue; a 409 lists the field that must change
//   (code `conflict`). The client reads these into `ElevateApiError.issues`.
// - Bearer auth (401), Accept (406), Content-Type (415), unknown paths (404) and methods
//   (405), ids (404), 409 where the docs say a record already exists (see UNIQUE), paging,
//   filters, sort, fields, HEAD exists-checks with X-Total-Count, CORS for browser pages.
// - Faults for the next requests to a path, the request log and a reset, from Node and over
//   HTTP (POST /__mock/reset, POST /__mock/fault, GET /__mock/requests, GET /__mock/records/NAME;
//   `elevate-billing/mock/control` drives them from a browser).

import { createServer } from 'node:http';
import { openApiDocument, schemaNames, validate, validatePatch, validateQuery } from 'elevate-billing';
import { filterRecords, pageOf, project, sortRecords } from './query.mjs';
import { readRoutes } from './routes.mjs';
import { defaultSeed } from './seed.mjs';

export { defaultSeed };

/** Largest request body read; a larger one is answered 413 (a customer with 1000 sites is well under). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

const REASONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Records created inside their parent's body and kept in their own resource too, with the
 * parent's id: a customer's sites (api-facts §1.3, §3.3) and an inventory's product
 * references (§5.3). Stored (and answered) with their ids and parent key in both places; a
 * patch of the parent is judged on the body form (the parent key as a request body has it).
 */
const CHILDREN = {
  // Inside POST /customers a site's customerId is 0 (decisions R9); stored, it is the customer's.
  customers: { field: 'sites', resource: 'sites', parentKey: 'customerId', inBody: 0 },
  usageProductInventories: { field: 'productReferences', resource: 'usageProductReferences', parentKey: 'usageProductInventoryId' },
};

/** `record` as a request body holds its nested records: their parent key as the body has it. */
function bodyForm(resource, record) {
  const c = CHILDREN[resource];
  if (!c || !Array.isArray(record?.[c.field])) return record;
  const children = record[c.field].map((child) => {
    if (!child || typeof child !== 'object' || Array.isArray(child)) return child;
    const out = { ...child };
    if (c.inBody !== undefined) out[c.parentKey] = c.inBody;
    else delete out[c.parentKey];
    return out;
  });
  return { ...record, [c.field]: children };
}

/**
 * 409 Conflict ("the resource to be created already exists", api-facts §1.7) when another
 * record has the same values of these fields: a site reference within its customer, and a
 * rental discount plan name per contract owner (api-facts §6.8).
 */
const UNIQUE = {
  sites: ['customerId', 'siteReference'],
  rentalDiscountPlans: ['contractOwnerId', 'name'],
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Total-Count, Retry-After',
};

/** `/siteContacts/0/contactName` → `siteContacts[0].contactName` (a Spring property path). */
function springField(pointer) {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : `${out ? '.' : ''}${seg}`;
  }
  return out;
}

/** The error body of every error answer (the header comment). */
export function errorBody(status, message, path, issues) {
  const body = { timestamp: new Date().toISOString(), status, error: REASONS[status] ?? 'Error', message, path };
  if (issues) body.errors = issues.map((i) => ({ field: springField(i.path), pointer: i.path, code: i.code, message: i.message }));
  return body;
}

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Starts a mock on `host:port` (port 0: a free one). Resolves once it listens.
 * @param {import('./index.js').MockOptions} [options]
 * @returns {Promise<import('./index.js').ElevateMock>}
 */
export async function startMock(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('elevate-billing/mock: startMock(options) takes an options object');
  const known = ['port', 'host', 'seed', 'token'];
  const unknown = Object.keys(options).find((k) => !known.includes(k));
  if (unknown) throw new TypeError(`elevate-billing/mock: unknown option ${JSON.stringify(unknown)}; the options are ${known.join(', ')}`);
  const { port = 0, host = '127.0.0.1', seed = defaultSeed, token = null } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError('elevate-billing/mock: port must be an integer from 0 to 65535');
  if (token !== null && (typeof token !== 'string' || token === '')) throw new TypeError('elevate-billing/mock: token must be a non-empty string, or null to accept any bearer token');
  if (typeof seed !== 'function' && (seed === null || typeof seed !== 'object')) throw new TypeError('elevate-billing/mock: seed must be an object of records by resource name, or a function returning one');

  const { routes, headers: specialHeaders, resources } = readRoutes(openApiDocument());
  const validatable = new Set(schemaNames());
  const preflight = {
    ...CORS,
    'access-control-allow-methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': ['authorization', 'content-type', 'accept', ...specialHeaders].join(', '),
    'access-control-max-age': '600',
  };
  /** Each resource's top-level fields (for `fields` on GET by id: the others come back null). */
  const doc = openApiDocument();
  const fieldsOf = (schema) => Object.keys(doc.components.schemas[schema]?.properties ?? {});

  const requests = [];
  let faults = [];
  let tables; // resource name → Map(id → record)
  let nextIds;

  const table = (resource) => {
    if (!tables.has(resource)) tables.set(resource, new Map());
    return tables.get(resource);
  };
  const newId = (resource) => {
    const id = nextIds.get(resource) ?? 1;
    nextIds.set(resource, id + 1);
    return id;
  };
  const store = (resource, record) => {
    table(resource).set(record.id, record);
    if (record.id >= (nextIds.get(resource) ?? 1)) nextIds.set(resource, record.id + 1);
  };

  /** Gives ids to a record's new nested records and files copies in their own resource. */
  function adoptChildren(resource, record) {
    const c = CHILDREN[resource];
    if (!c || !Array.isArray(record[c.field])) return;
    for (const child of record[c.field]) {
      if (!child || typeof child !== 'object' || Array.isArray(child)) continue;
      if (!Number.isInteger(child.id)) child.id = newId(c.resource);
      child[c.parentKey] = record.id;
      store(c.resource, structuredClone(child));
    }
  }

  /** A nested record updated on its own is updated in its parent's copy too. */
  function updateParents(resource, record) {
    for (const [parentResource, c] of Object.entries(CHILDREN)) {
      if (c.resource !== resource) continue;
      const list = table(parentResource).get(record[c.parentKey])?.[c.field];
      const i = Array.isArray(list) ? list.findIndex((x) => x && x.id === record.id) : -1;
      if (i < 0) continue;
      list[i] = structuredClone(record);
    }
  }

  /**
   * Why `record` (about to be stored in `resource`, at `at` in the request body) conflicts with a
   * stored one, or undefined: the message, and the issue at the field that must change (the
   * last unique key: the site reference within its customer, the plan name within its owner).
   */
  function conflict(resource, record, at = '', pending = []) {
    const keys = UNIQUE[resource];
    if (!keys || keys.some((k) => record[k] === undefined || record[k] === null)) return undefined;
    const same = (other) => other.id !== record.id && keys.every((k) => other[k] === record[k]);
    if ([...table(resource).values(), ...pending].some(same)) {
      const key = keys[keys.length - 1];
      const scope = keys.slice(0, -1).map((k) => ` for ${k} ${JSON.stringify(record[k])}`).join('');
      return {
        message: `A record of ${resource} with ${keys.map((k) => `${k} ${JSON.stringify(record[k])}`).join(' and ')} already exists`,
        issues: [{ path: `${at}/${key}`, code: 'conflict', message: `${key} ${JSON.stringify(record[key])} already exists${scope}` }],
      };
    }
    return undefined;
  }

  /** Conflicts of the record and of the nested records it would create. */
  function conflicts(resource, record) {
    const own = conflict(resource, record);
    if (own) return own;
    const c = CHILDREN[resource];
    if (!c || !Array.isArray(record[c.field])) return undefined;
    const pending = [];
    for (const [i, child] of record[c.field].entries()) {
      if (!child || typeof child !== 'object') continue;
      const copy = { ...child, [c.parentKey]: record.id, id: child.id ?? Symbol('new') };
      const why = conflict(c.resource, copy, `/${c.field}/${i}`, pending);
      if (why) return why;
      pending.push(copy);
    }
    return undefined;
  }

  function reset() {
    requests.length = 0;
    faults = [];
    tables = new Map();
    nextIds = new Map();
    const data = typeof seed === 'function' ? seed() : structuredClone(seed);
    if (data === null || typeof data !== 'object') throw new TypeError('elevate-billing/mock: the seed function must return an object of records by resource name');
    for (const [resource, records] of Object.entries(data)) {
      const r = resources.get(resource);
      if (!r) throw new TypeError(`elevate-billing/mock: the seed names no resource ${JSON.stringify(resource)}; the resources are ${[...resources.keys()].join(', ')}`);
      if (!Array.isArray(records)) throw new TypeError(`elevate-billing/mock: seed.${resource} must be an array of records`);
      records.forEach((record, i) => {
        if (validatable.has(r.schema)) {
          const { valid, errors } = validate(r.schema, record);
          if (!valid) throw new TypeError(`elevate-billing/mock: seed.${resource}[${i}] is not a valid ${r.schema}: ${errors.slice(0, 3).map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`);
        }
        const copy = structuredClone(record);
        if (copy.id === undefined) copy.id = newId(resource);
        if (!Number.isInteger(copy.id) || copy.id < 1) throw new TypeError(`elevate-billing/mock: seed.${resource}[${i}].id must be an integer >= 1`);
        if (table(resource).has(copy.id)) throw new TypeError(`elevate-billing/mock: seed.${resource} has id ${copy.id} twice (nested records count)`);
        store(resource, copy);
        adoptChildren(resource, copy);
      });
    }
  }
  reset();

  /** The next `times` requests to exactly `path` (optionally only `method`) get `spec`. */
  function fault(path, spec, { times = 1, method } = {}) {
    if (typeof path !== 'string' || !path.startsWith('/')) throw new TypeError('elevate-billing/mock: fault(path, …) needs a path such as /v1/sites');
    if (spec === null || typeof spec !== 'object') throw new TypeError('elevate-billing/mock: fault(…, spec) needs a spec object such as { status: 503 }');
    if (!Number.isInteger(times) || times < 1) throw new TypeError('elevate-billing/mock: fault times must be an integer >= 1');
    faults.push({ path, spec, remaining: times, method: method?.toUpperCase() });
  }

  const send = (res, status, body, headers = {}, cors = true) => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      ...(cors ? CORS : {}),
      connection: 'close',
      ...(text ? { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' } : {}),
      ...headers,
    });
    res.end(text);
  };

  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function applyFault({ spec }, req, res, answer) {
    if (spec.hang) return undefined; // never answers; the client times out or aborts
    if (spec.reset) return req.socket.destroy();
    const cors = spec.cors !== false;
    if (spec.malformed) return send(res, spec.status ?? 200, '{"id": 1, "name": ', { 'content-type': 'application/json' }, cors);
    if (spec.status === undefined) return answer(cors); // only a delay, or no CORS: the normal answer
    const headers = { ...(spec.headers ?? {}) };
    if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
    return send(res, spec.status, spec.body, headers, cors);
  }

  function control(req, res, url, text) {
    const json = () => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    };
    if (url.pathname === '/__mock/reset' && req.method === 'POST') {
      reset();
      return send(res, 204);
    }
    if (url.pathname === '/__mock/fault' && req.method === 'POST') {
      const { path, spec, times, method } = json() ?? {};
      try {
        fault(path, spec, { times, method });
      } catch (e) {
        return send(res, 400, errorBody(400, e.message, url.pathname));
      }
      return send(res, 204);
    }
    if (url.pathname === '/__mock/requests' && req.method === 'GET') return send(res, 200, requests);
    const records = /^\/__mock\/records\/([A-Za-z]+)$/.exec(url.pathname);
    if (records && req.method === 'GET' && resources.has(records[1])) return send(res, 200, [...table(records[1]).values()]);
    return send(res, 404, errorBody(404, 'No such mock control', url.pathname));
  }

  /** 400 with the validator's issues. */
  const invalid = (res, path, what, issues) =>
    send(res, 400, errorBody(400, `Validation failed for ${what}. Error count: ${issues.length}`, path, issues));

  function api(req, res, url, text, body) {
    const fail = (status, message, headers) => send(res, status, errorBody(status, message, url.pathname), headers);
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!auth || (token !== null && auth[1] !== token)) {
      return fail(401, 'Full authentication is required to access this resource', { 'www-authenticate': 'Bearer' });
    }
    const accept = req.headers.accept;
    if (accept && !/application\/json|application\/\*|\*\/\*/.test(accept)) return fail(406, `Could not find acceptable representation for ${accept}`);

    const here = routes.filter((r) => r.pattern.test(url.pathname));
    if (here.length === 0) return fail(404, `No endpoint ${url.pathname}`);
    const route = here.find((r) => r.method === req.method);
    if (!route) {
      const allow = [...new Set(here.map((r) => r.method))].join(', ');
      return fail(405, `Request method '${req.method}' is not supported`, { allow });
    }
    const values = route.pattern.exec(url.pathname).slice(1).map(decodeURIComponent);
    const records = table(route.resource);
    const key = `${route.method} ${route.path}`;

    // The record a path names: its id is the last path value; others are fields of it.
    let record;
    if (route.params.length) {
      const idText = values[values.length - 1];
      const id = /^[1-9][0-9]*$/.test(idText) ? Number(idText) : NaN;
      if (!(id <= MAX_SAFE_INTEGER)) {
        const name = route.params[route.params.length - 1];
        return invalid(res, url.pathname, `the path of ${key}`, [
          { path: `/${name}`, code: 'type', message: `${name} must be an id: an integer >= 1, not ${JSON.stringify(idText)}.` },
        ]);
      }
      record = records.get(id);
      const fieldsMatch = route.params.slice(0, -1).every((p, i) => record?.[p] === undefined || String(record[p]) === values[i]);
      if (!record || !fieldsMatch) return fail(404, `No ${route.records ?? route.resource} with id ${id} at ${url.pathname}`);
    }
    /** True when the query was refused (and answered 400). */
    const badQuery = () => {
      const { valid, errors } = validateQuery(key, url.search);
      if (!valid) invalid(res, url.pathname, `the query of ${key}`, errors);
      return !valid;
    };
    const query = Object.fromEntries(url.searchParams);

    switch (route.action) {
      case 'list': {
        if (badQuery()) return undefined;
        // By id unless `sort` says otherwise (a stable sort keeps that order for ties).
        let found = filterRecords([...records.values()], query).sort((x, y) => x.id - y.id);
        if (query.sort) found = sortRecords(found, query.sort);
        return send(res, 200, pageOf(found, Number(query.page), Number(query.pageSize)).map((r) => project(r, query.fields)));
      }
      case 'exists': {
        if (badQuery()) return undefined;
        const found = filterRecords([...records.values()], query);
        if (found.length === 0) return send(res, 404);
        return send(res, 200, undefined, { 'x-total-count': String(found.length) });
      }
      case 'get':
        if (badQuery()) return undefined;
        return send(res, 200, project(record, query.fields, fieldsOf(route.records), true));
      case 'delete':
        records.delete(record.id);
        return send(res, 204);
      case 'create': {
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return fail(415, `Content-Type '${req.headers['content-type'] ?? ''}' is not supported; use application/json`);
        if (body.error) return fail(400, `JSON parse error: ${body.error}`);
        const value = body.value;
        if (validatable.has(route.body)) {
          const { valid, errors } = validate(route.body, value);
          if (!valid) return invalid(res, url.pathname, `object='${lowerFirst(route.body)}'`, errors);
        } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          return fail(400, 'The body must be a JSON object');
        }
        // The id comes first, as the server's answers show it; a read-only id in the body is replaced.
        const created = { id: 0, ...structuredClone(value) };
        created.id = nextIds.get(route.resource) ?? 1;
        const why = conflicts(route.resource, created);
        if (why) return send(res, 409, errorBody(409, why.message, url.pathname, why.issues));
        newId(route.resource);
        adoptChildren(route.resource, created);
        store(route.resource, created);
        return send(res, 201, created);
      }
      case 'update': {
        if (!/^application\/json-patch\+json\b/i.test(req.headers['content-type'] ?? '')) return fail(415, `Content-Type '${req.headers['content-type'] ?? ''}' is not supported; use application/json-patch+json`);
        if (body.error) return fail(400, `JSON parse error: ${body.error}`);
        if (!validatable.has(route.records)) return fail(501, `The mock cannot judge patches of ${route.records}`);
        const { valid, errors, document } = validatePatch(route.records, bodyForm(route.resource, record), body.value);
        if (!valid) return invalid(res, url.pathname, `the patch of ${lowerFirst(route.records)} ${record.id}`, errors);
        document.id = record.id; // read-only
        const why = conflicts(route.resource, document);
        if (why) return send(res, 409, errorBody(409, why.message, url.pathname, why.issues));
        adoptChildren(route.resource, document);
        store(route.resource, document);
        updateParents(route.resource, document);
        return send(res, 200, document);
      }
      default:
        return fail(501, `${key} is not implemented by the mock`);
    }
  }

  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://mock');
    const findFault = (consume) => {
      const f = faults.find((x) => x.path === url.pathname && (!x.method || x.method === req.method || (req.method === 'OPTIONS' && x.spec.cors === false)) && x.remaining > 0);
      if (f && consume) f.remaining -= 1;
      return f;
    };
    if (req.method === 'OPTIONS') {
      // Preflights are not logged and do not use up faults; a `cors: false` fault withholds the CORS answer.
      const f = findFault(false);
      res.writeHead(204, f?.spec.cors === false ? { connection: 'close' } : { ...preflight, connection: 'close' }).end();
      return;
    }
    let text;
    try {
      text = await readBody(req);
    } catch {
      return send(res, 413, errorBody(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`, url.pathname));
    }
    if (url.pathname.startsWith('/__mock/')) return control(req, res, url, text);
    const body = {};
    if (text) {
      try {
        body.value = JSON.parse(text);
      } catch (e) {
        body.error = e.message;
      }
    }
    requests.push({
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: url.search.replace(/^\?/, ''),
      headers: { ...req.headers },
      body: 'value' in body ? body.value : text || undefined,
      at: Date.now(),
    });
    const answer = (cors = true) => {
      if (cors) return api(req, res, url, text, body);
      // The normal answer without its CORS headers.
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (status, headers) => writeHead(status, Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => !k.startsWith('access-control-'))));
      return api(req, res, url, text, body);
    };
    const f = findFault(true);
    if (!f) return answer();
    if (f.spec.delayMs > 0) {
      const timer = setTimeout(() => applyFault(f, req, res, answer), f.spec.delayMs);
      res.on('close', () => clearTimeout(timer));
      return undefined;
    }
    return applyFault(f, req, res, answer);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    requests,
    fault,
    reset,
    /** The records of one resource (`'sites'`), as stored. */
    records: (resource) => {
      if (!resources.has(resource)) throw new TypeError(`elevate-billing/mock: no resource ${JSON.stringify(resource)}`);
      return [...table(resource).values()];
    },
    /** Resource names and their collection paths (`sites` → `/v1/sites`). */
    resources: () => Object.fromEntries([...resources].map(([name, r]) => [name, r.collection])),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
