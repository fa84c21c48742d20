// Client scenarios shared by Node (client.test.mjs) and headless Chromium (the same module
// loaded in a page): each takes the package API and the package's mock (driven over HTTP with
// elevate-billing/mock/control), and asserts the wire (method, path, query encoding, headers,
// body, via the mock's log) and the results. No node: imports here, so the module runs in a
// browser as is.

export const TOKEN = 'tok-Secret-5b1d9e';

const fail = (message) => {
  throw new Error(message);
};
const show = (v) => (typeof v === 'string' ? JSON.stringify(v) : canon(v));
/** JSON with sorted keys, for deep comparisons. */
function canon(v) {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  return v === undefined ? 'undefined' : JSON.stringify(v);
}
const eq = (actual, expected, what = 'value') =>
  Object.is(actual, expected) || fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
const same = (actual, expected, what = 'value') =>
  canon(actual) === canon(expected) || fail(`${what}:\n  expected ${canon(expected)}\n  got      ${canon(actual)}`);
const ok = (cond, what) => cond || fail(what);
async function rejects(promise, Class, what = 'call') {
  try {
    await promise;
  } catch (e) {
    if (Class && !(e instanceof Class)) fail(`${what}: expected ${Class.name}, got ${e && e.name}: ${e && e.message}`);
    return e;
  }
  return fail(`${what}: expected a rejection`);
}
function throws(fn, Class, what = 'call') {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Class)) fail(`${what}: expected ${Class.name}, got ${e && e.name}: ${e && e.message}`);
    return e;
  }
  return fail(`${what}: expected a throw`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ADDRESS = { address1: '1 High Street', town: 'London', postcode: 'SW1A 1AA', country: 'GB' };
const CONTACT = { contactName: 'Ann Lee', contactRole: 'ACCOUNTS', contactTelephoneNumber: '020 7946 0001' };
export const NEW_SITE = { customerId: 1, siteName: 'Annex', siteReference: 'S-ANX', startDate: '2024-06-01', siteAddress: ADDRESS, siteContacts: [CONTACT] };
export const NEW_CUSTOMER = {
  contractOwnerId: 1,
  customerType: 'BUSINESS',
  customerName: 'Gamma Ltd',
  customerAccountNumber: 'GAMMA-1',
  startDate: '2024-05-01',
  billingCycleId: 1,
  sites: [{ ...NEW_SITE, customerId: 0, siteName: 'Gamma HQ', siteReference: 'G-HQ' }],
};

const inBrowser = typeof document !== 'undefined';

/**
 * @param {{ api: any, url: string, mock: import('../../pkg/mock/control.js').MockControl,
 *           fresh: { url: string, mock: import('../../pkg/mock/control.js').MockControl },
 *           inspect?: (v: unknown, o?: object) => string }} env
 *   `fresh` is a second mock no other scenario reaches (another origin, for CORS)
 * @returns {{ name: string, run: () => Promise<void> }[]}
 */
export function clientScenarios({ api, url, mock, fresh, inspect }) {
  const { ElevateClient, ElevateError, ElevateApiError, ElevateValidationError, ElevateNetworkError } = api;
  const { ElevateTimeoutError, ElevateAbortError, ElevateTokenError, inList, like, lt, gt, gtn } = api;
  const client = (options = {}) => new ElevateClient({ baseUrl: url, token: TOKEN, ...options });
  const log = () => mock.requests();
  const wire = (r) => `${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}`;
  const until = async (cond, what) => {
    for (let i = 0; i < 200; i++) {
      if (await cond()) return;
      await sleep(25);
    }
    fail(`timed out waiting for ${what}`);
  };
  const scenarios = [];
  const scenario = (name, run) => scenarios.push({ name, run: async () => (await mock.reset(), run()) });

  scenario('create POSTs JSON with bearer auth and resolves with the created record', async () => {
    const created = await client().customers.create(NEW_CUSTOMER);
    eq(created.id, 4, 'new customer id');
    eq(created.sites[0].customerId, 4, 'site attached to the customer');
    const [r] = await log();
    eq(wire(r), 'POST /v1/customers');
    eq(r.headers.authorization, `Bearer ${TOKEN}`, 'Authorization');
    eq(r.headers['content-type'], 'application/json', 'Content-Type');
    eq(r.headers.accept, 'application/json', 'Accept');
    same(r.body, NEW_CUSTOMER, 'body');
    same((await client().sites.list({ page: 1, pageSize: 10, customerId: 4 })).map((s) => s.siteName), ['Gamma HQ']);
  });

  scenario('list sends paging, sort and filters in the documented mini-language, encoded', async () => {
    const c = client();
    const sites = await c.sites.list({ page: 1, pageSize: 2, sort: 'siteName:desc', siteName: inList(['Head Office', 'Depot']), customerId: 1 });
    same(sites.map((s) => s.id), [1, 2], 'records');
    let [r] = await log();
    eq(wire(r), 'GET /v1/sites?page=1&pageSize=2&sort=siteName%3Adesc&siteName=in%3AHead+Office%2CDepot&customerId=1');
    eq(r.query.siteName, 'in:Head Office,Depot', 'decoded filter');
    eq(r.body, undefined, 'no body');
    eq(r.headers['content-type'], undefined, 'no Content-Type');
    same((await c.customers.list({ page: 1, pageSize: 10, customerName: like('Acme%') })).map((x) => x.id), [1, 2]);
    same((await c.customers.list({ page: 1, pageSize: 10, startDate: gt('2024-01-15') })).map((x) => x.id), [2, 3]);
    same((await c.customers.list({ page: 1, pageSize: 10, startDate: lt('2024-02-01'), customerAccountNumber: ['ACME-1', 'BETA-1'] })).map((x) => x.id), [1]);
    const odd = 'A&B=C+D%E,F:G/H?#é';
    same(await c.sites.list({ page: 1, pageSize: 5, siteName: odd, sort: ['siteName', 'id:desc'] }), []);
    const rs = await log();
    eq(rs[1].rawQuery, 'page=1&pageSize=10&customerName=like%3AAcme%25');
    eq(rs[3].rawQuery, 'page=1&pageSize=10&startDate=lt%3A2024-02-01&customerAccountNumber=in%3AACME-1%2CBETA-1');
    r = rs[4];
    eq(r.query.siteName, odd, 'round trip of & = + % , : / ? # é');
    eq(r.query.sort, 'siteName,id:desc', 'sort array');
    eq(gtn('2024-01-01'), 'gtn:2024-01-01', 'gtn');
  });

  scenario('iterate walks every page to the end, and stops when the loop does', async () => {
    const c = client();
    const names = [];
    for await (const cat of c.rentalProductCategories.iterate({ pageSize: 5, sort: 'id' })) names.push(cat.name);
    same(names, Array.from({ length: 23 }, (_, i) => `Category ${String(i + 1).padStart(2, '0')}`), 'every record once, in order');
    same((await log()).map((r) => r.rawQuery), [1, 2, 3, 4, 5].map((p) => `page=${p}&pageSize=5&sort=id`), 'pages');
    await mock.reset();
    let n = 0;
    for await (const _ of c.rentalProductCategories.iterate({ pageSize: 5 })) if (++n === 7) break;
    eq((await log()).length, 2, 'pages fetched before the break');
    await mock.reset();
    same(await c.rentalProductCategories.iterate({ pageSize: 5, name: 'none' }).next(), { done: true, value: undefined });
  });

  scenario('get sends fields and resolves with the record', async () => {
    const got = await client().sites.get(2, { fields: ['id', 'siteName'] });
    same([got.id, got.siteName, got.siteReference, got.siteAddress], [2, 'Depot', null, null], 'other fields come back null (api-facts §1.4)');
    eq(wire((await log())[0]), 'GET /v1/sites/2?fields=id%2CsiteName');
  });

  scenario('update PATCHes JSON Patch with the cascade_end_date header', async () => {
    const c = client();
    const ops = [{ op: 'add', path: '/endDate', value: '2025-12-31' }];
    eq((await c.sites.update(1, ops, { cascadeEndDate: true })).endDate, '2025-12-31', 'patched record');
    await c.sites.update('1', [{ op: 'add', path: '/siteContacts/-', value: CONTACT }], { cascadeEndDate: false });
    await c.sites.update(1, [{ op: 'remove', path: '/endDate' }]);
    const rs = await log();
    same(rs.map(wire), ['PATCH /v1/sites/1', 'PATCH /v1/sites/1', 'PATCH /v1/sites/1']);
    eq(rs[0].headers['content-type'], 'application/json-patch+json', 'Content-Type');
    same(rs[0].body, ops, 'body');
    same(rs.map((r) => r.headers.cascade_end_date), ['true', 'false', undefined], 'cascade_end_date');
    eq((await c.sites.get(1)).siteContacts.length, 2, 'contact added');
  });

  scenario('exists answers from X-Total-Count, and false on 404', async () => {
    same(await client().sites.exists({ customerId: 1 }), { exists: true, total: 3 });
    same(await client().sites.exists({ customerId: 99, siteName: like('%') }), { exists: false, total: 0 });
    same((await log()).map(wire), ['HEAD /v1/sites?customerId=1', 'HEAD /v1/sites?customerId=99&siteName=like%3A%25']);
  });

  scenario('delete sends DELETE; the record is gone', async () => {
    eq(await client().rentalProductCategories.delete(3), undefined, 'result');
    eq(wire((await log())[0]), 'DELETE /v2/rental-product-categories/3');
    const e = await rejects(client().rentalProductCategories.get(3), ElevateApiError);
    eq(e.kind, 'notFound', 'kind');
  });

  scenario('every error status has its kind, request and readable message', async () => {
    const kinds = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 405: 'notAllowed', 406: 'notAcceptable', 409: 'conflict', 412: 'preconditionFailed', 415: 'unsupportedMediaType', 500: 'serverError', 501: 'serverError' };
    const path = '/v2/rental-product-categories/1';
    for (const [status, kind] of Object.entries(kinds)) {
      await mock.fault(path, { status: Number(status), body: { message: `reason ${status}` } });
      const e = await rejects(client().rentalProductCategories.get(1), ElevateApiError, status);
      ok(e instanceof ElevateError && e instanceof Error, 'class chain');
      eq(e.name, 'ElevateApiError', 'name');
      same([e.status, e.kind, e.method, e.url, e.attempts], [Number(status), kind, 'GET', `${url}${path}`, 1], `error ${status}`);
      same(e.body, { message: `reason ${status}` }, 'body');
      ok(e.message.endsWith(`from GET ${url}${path}: reason ${status}`), e.message);
    }
    await mock.fault('/v1/customers', { status: 409, body: { title: 'Conflict', detail: 'Customer GAMMA-1 already exists' } });
    const e = await rejects(client().customers.create(NEW_CUSTOMER), ElevateApiError);
    eq(e.message, `409 Conflict from POST ${url}/v1/customers: Customer GAMMA-1 already exists`);
    same([e.retryAfter, e.headers['content-type']], [null, 'application/json'], 'headers without Retry-After');
    const wrong = await rejects(client({ token: 'not-the-token' }).sites.get(1), ElevateApiError);
    same([wrong.status, wrong.kind], [401, 'unauthorized'], 'a real 401');
  });

  scenario('429 with Retry-After: GET and POST wait and retry (a 429 proves nothing was created)', async () => {
    await mock.fault('/v1/sites', { status: 429, retryAfter: 1 }, { method: 'GET' });
    eq((await client().sites.list({ page: 1, pageSize: 10 })).length, 6, 'records after the retry');
    const [first, second] = await log();
    eq(second && second.method, 'GET', 'GET sent twice');
    // A lower bound (the retry waited the second Retry-After asked for), which no slow machine breaks.
    ok(second.at - first.at >= 990, `retried after ${second.at - first.at} ms, before Retry-After: 1`);
    await mock.reset();
    await mock.fault('/v1/sites', { status: 429, retryAfter: 1 }, { method: 'POST' });
    eq((await client().sites.create(NEW_SITE)).siteName, 'Annex', 'created after the retry');
    const [p1, p2] = await log();
    same([p1, p2].map(wire), ['POST /v1/sites', 'POST /v1/sites'], 'POST sent twice');
    ok(p2.at - p1.at >= 990, `POST retried after ${p2.at - p1.at} ms, before Retry-After: 1`);
    eq((await client().sites.list({ page: 1, pageSize: 10 })).length, 7, 'created once');
  });

  scenario('a POST is never retried after 500, 502, 504, a 503 without Retry-After or a reset', async () => {
    for (const spec of [{ status: 500 }, { status: 502 }, { status: 504 }, { status: 503 }, { reset: true }]) {
      await mock.reset();
      await mock.fault('/v1/sites', spec, { method: 'POST' });
      const e = await rejects(client().sites.create(NEW_SITE), spec.reset ? ElevateNetworkError : ElevateApiError, show(spec));
      eq(e.attempts, 1, `attempts after ${show(spec)}`);
      same((await log()).map(wire), ['POST /v1/sites'], `sent once after ${show(spec)}`);
    }
    await mock.reset();
    await mock.fault('/v1/sites', { status: 503, retryAfter: 0 }, { method: 'POST' });
    eq((await client().sites.create(NEW_SITE)).siteName, 'Annex', 'a 503 with Retry-After is a refusal: retried');
    eq((await log()).length, 2, 'sent twice');
  });

  scenario('503 is retried with backoff, then reported when retries run out', async () => {
    await mock.fault('/v1/sites/1', { status: 503, body: 'down for maintenance' }, { times: 3 });
    const e = await rejects(client({ retries: 2 }).sites.get(1), ElevateApiError);
    same([e.status, e.kind, e.attempts, e.body], [503, 'serverError', 3, 'down for maintenance']);
    eq((await log()).length, 3, 'requests');
    await mock.fault('/v1/sites/1', { status: 502 }, { times: 1 });
    eq((await client().sites.get(1)).id, 1, 'recovers after one 502');
  });

  scenario('HEAD is retried like GET; PATCH and DELETE only after answers that prove nothing was done', async () => {
    await mock.fault('/v1/sites', { status: 504 }, { method: 'HEAD' });
    eq((await client().sites.exists({ customerId: 1 })).exists, true, 'exists after a 504');
    same((await log()).map(wire), ['HEAD /v1/sites?customerId=1', 'HEAD /v1/sites?customerId=1'], 'HEAD sent twice');
    await mock.reset();
    const ops = [{ op: 'replace', path: '/siteName', value: 'Renamed' }];
    for (const spec of [{ status: 503 }, { status: 502 }, { reset: true }]) {
      // One failure each: a retry would succeed, so only "never retried" rejects here.
      await mock.fault('/v1/sites/1', spec, { method: 'PATCH' });
      await mock.fault('/v2/rental-product-categories/1', spec, { method: 'DELETE' });
      const Class = spec.reset ? ElevateNetworkError : ElevateApiError;
      eq((await rejects(client().sites.update(1, ops), Class, `PATCH ${show(spec)}`)).attempts, 1, 'PATCH attempts');
      eq((await rejects(client().rentalProductCategories.delete(1), Class, `DELETE ${show(spec)}`)).attempts, 1, 'DELETE attempts');
    }
    same((await log()).map(wire), Array(3).fill(['PATCH /v1/sites/1', 'DELETE /v2/rental-product-categories/1']).flat(), 'each sent once');
    await mock.reset();
    await mock.fault('/v1/sites/1', { status: 429, retryAfter: 0 }, { method: 'PATCH' });
    await mock.fault('/v2/rental-product-categories/1', { status: 429 }, { method: 'DELETE' });
    eq((await client().sites.update(1, ops)).siteName, 'Renamed', 'PATCH retried after 429');
    eq(await client().rentalProductCategories.delete(1), undefined, 'DELETE retried after 429');
    eq((await log()).length, 4, 'each sent twice');
  });

  scenario('a hung request times out (each attempt), as ElevateTimeoutError', async () => {
    await mock.fault('/v1/sites/1', { hang: true }, { times: 2 });
    const e = await rejects(client({ timeoutMs: 300, retries: 1 }).sites.get(1), ElevateTimeoutError);
    ok(e instanceof ElevateNetworkError, 'a timeout is a network error');
    same([e.timeoutMs, e.attempts, e.method, e.url], [300, 2, 'GET', `${url}/v1/sites/1`]);
    eq((await log()).length, 2, 'requests');
  });

  scenario('a connection reset is a network error; reads recover, writes are not repeated', async () => {
    await mock.fault('/v1/customers', { reset: true });
    const e = await rejects(client().customers.create(NEW_CUSTOMER), ElevateNetworkError);
    same([e.method, e.url, e.attempts], ['POST', `${url}/v1/customers`, 1]);
    eq((await log()).length, 1, 'POST sent once');
    await mock.fault('/v1/sites/1', { reset: true });
    eq((await client().sites.get(1)).id, 1, 'GET retried after the reset');
  });

  scenario('a malformed 2xx body is an ElevateApiError, not a crash', async () => {
    await mock.fault('/v1/sites/1', { malformed: true });
    const e = await rejects(client({ retries: 0 }).sites.get(1), ElevateApiError);
    same([e.status, e.kind], [200, 'invalidResponse']);
    ok(typeof e.body === 'string' && e.body.startsWith('{"id": 1'), 'body text kept');
    await mock.fault('/v1/sites', { status: 200, body: { items: [] } });
    eq((await rejects(client().sites.list({ page: 1, pageSize: 1 }), ElevateApiError)).kind, 'invalidResponse', 'list not an array');
  });

  scenario('token providers: sync and async, called per request; failures are clear and send nothing', async () => {
    let calls = 0;
    const sync = client({ token: () => (calls++, TOKEN) });
    await sync.sites.get(1);
    await sync.sites.get(2);
    eq(calls, 2, 'provider calls');
    await client({ token: async () => (await sleep(5), TOKEN) }).sites.get(1);
    same((await log()).map((r) => r.headers.authorization), Array(3).fill(`Bearer ${TOKEN}`));
    await mock.reset();
    let e = await rejects(client({ token: () => { throw new Error('vault unavailable'); } }).sites.get(1), ElevateTokenError);
    ok(e.message.includes('vault unavailable'), e.message);
    e = await rejects(client({ token: async () => { throw new Error('refresh failed'); } }).sites.get(1), ElevateTokenError);
    ok(e.message.includes('refresh failed'), e.message);
    e = await rejects(client({ token: () => `${TOKEN}\r\nX-Evil: 1` }).sites.get(1), ElevateTokenError);
    ok(!e.message.includes(TOKEN), 'the bad token is not quoted');
    await rejects(client({ token: () => 42 }).sites.get(1), ElevateTokenError);
    eq((await log()).length, 0, 'nothing sent');
  });

  scenario('a token provider that never answers is bounded by timeoutMs and by the signal', async () => {
    const never = () => new Promise(() => {});
    const e = await rejects(client({ token: never, timeoutMs: 200 }).sites.get(1), ElevateTokenError);
    ok(e.message.includes('gave no token within 200 ms'), e.message);
    const ctl = new AbortController();
    const pending = client({ token: never }).sites.list({ page: 1, pageSize: 5 }, { signal: ctl.signal });
    setTimeout(() => ctl.abort('user left'), 50);
    const a = await rejects(pending, ElevateAbortError);
    same([a.name, a.cause, a.method], ['AbortError', 'user left', 'GET']);
    eq((await log()).length, 0, 'nothing sent');
  });

  scenario('the token never appears in errors, messages or the client itself', async () => {
    const texts = (v) => [String(v), JSON.stringify(v), v && v.stack, v && v.message, inspect && inspect(v, { showHidden: true, depth: 6 })];
    const c = client({ timeoutMs: 300, retries: 0 });
    const found = [];
    await mock.fault('/v1/sites/1', { status: 401, body: { message: `Bearer ${TOKEN} is not valid`, echo: { authorization: `Bearer ${TOKEN}` } } });
    const e401 = await rejects(c.sites.get(1), ElevateApiError);
    eq(e401.message, `401 Unauthorized from GET ${url}/v1/sites/1: Bearer [redacted] is not valid`);
    found.push(e401, e401.body);
    await mock.fault('/v1/sites/1', { status: 500, body: `upstream rejected ${TOKEN}` });
    found.push(await rejects(c.sites.get(1), ElevateApiError));
    await mock.fault('/v1/sites/1', { reset: true });
    found.push(await rejects(c.sites.get(1), ElevateNetworkError));
    await mock.fault('/v1/sites/1', { hang: true });
    found.push(await rejects(c.sites.get(1), ElevateTimeoutError));
    found.push(await rejects(c.sites.create({}), ElevateValidationError));
    found.push(c, Object.keys(c), c.sites);
    for (const v of found) for (const t of texts(v)) ok(!String(t).includes(TOKEN), `token leaked in: ${t}`);
    same(c.toJSON(), { baseUrl: url, baseUrls: {}, timeoutMs: 300, retries: 0, validate: true, token: '[redacted]', fetch: 'global' });
  });

  scenario('an invalid body or query throws ElevateValidationError and sends nothing', async () => {
    const c = client();
    const bad = { ...NEW_SITE, siteName: '', siteContacts: [{ ...CONTACT, contactTelephoneNumber: '+44 20 7946 0000' }] };
    const e = await rejects(c.sites.create(bad), ElevateValidationError);
    same(e.issues.map((i) => [i.path, i.code]), [['/siteName', 'minLength'], ['/siteContacts/0/contactTelephoneNumber', 'pattern']]);
    ok(e.issues.every((i) => typeof i.message === 'string' && i.params), 'issues are ValidationIssues');
    eq(e.endpoint, 'POST /sites', 'endpoint');
    const q = await rejects(c.sites.list({ page: 0, pageSize: 5000 }), ElevateValidationError);
    same(q.issues.map((i) => [i.path, i.code]), [['/page', 'minimum'], ['/pageSize', 'maximum']]);
    same((await rejects(c.sites.get(0), ElevateValidationError)).issues.map((i) => i.path), ['/site_id']);
    eq((await log()).length, 0, 'nothing sent');
    const e400 = await rejects(client({ validate: false }).sites.list({ page: 1, pageSize: 5000 }), ElevateApiError);
    eq(e400.kind, 'badRequest', 'sent when validation is off');
  });

  scenario('an AbortSignal rejects with AbortError and stops retries', async () => {
    const c = client();
    const before = new AbortController();
    before.abort('too late');
    const e0 = await rejects(c.sites.get(1, { signal: before.signal }), ElevateAbortError);
    same([e0.name, e0.cause], ['AbortError', 'too late']);
    eq((await log()).length, 0, 'nothing sent for an aborted signal');
    for (const spec of [{ hang: true }, { status: 503, retryAfter: 30 }]) {
      await mock.reset();
      await mock.fault('/v1/sites/1', spec, { times: 3 });
      const ctl = new AbortController();
      const pending = c.sites.get(1, { signal: ctl.signal });
      await until(async () => (await log()).length === 1, 'the first request');
      ctl.abort('user left');
      const e = await rejects(pending, ElevateAbortError);
      same([e.name, e.cause, e.method, e.url], ['AbortError', 'user left', 'GET', `${url}/v1/sites/1`]);
      eq((await log()).length, 1, `no retry after the abort (${JSON.stringify(spec)})`);
    }
  });

  scenario('every kind of call takes a signal: list, iterate, exists, create, update, delete', async () => {
    const c = client();
    const drain = async (it) => {
      for await (const _ of it);
    };
    const calls = [
      ['/v1/sites', (signal) => c.sites.list({ page: 1, pageSize: 5 }, { signal })],
      ['/v1/sites', (signal) => drain(c.sites.iterate({ pageSize: 5 }, { signal }))],
      ['/v1/sites', (signal) => c.sites.exists({ customerId: 1 }, { signal })],
      ['/v1/sites', (signal) => c.sites.create(NEW_SITE, { signal })],
      ['/v1/sites/1', (signal) => c.sites.update(1, [{ op: 'replace', path: '/siteName', value: 'X' }], { signal })],
      ['/v2/rental-product-categories/1', (signal) => c.rentalProductCategories.delete(1, { signal })],
    ];
    for (const [path, call] of calls) {
      await mock.reset();
      await mock.fault(path, { hang: true });
      const ctl = new AbortController();
      const pending = call(ctl.signal);
      await until(async () => (await log()).length === 1, `the request to ${path}`);
      ctl.abort('user left');
      const e = await rejects(pending, ElevateAbortError, `${call}`);
      same([e.name, e.cause], ['AbortError', 'user left'], `${call}`);
    }
  });

  scenario('without the current record, a patch is judged by the fields its paths name', async () => {
    const ops = [
      { op: 'replace', path: '/siteName', value: '' },
      { op: 'add', path: '/siteContacts/-', value: { ...CONTACT, contactTelephoneNumber: '+44 20 7946 0000' } },
      { op: 'remove', path: '/siteAddress' },
    ];
    const e = await rejects(client().sites.update(1, ops), ElevateValidationError);
    same(e.issues.map((i) => [i.path, i.code]), [['/0/value', 'minLength'], ['/1/value/contactTelephoneNumber', 'pattern'], ['/2/path', 'required']]);
    eq((await log()).length, 0, 'nothing sent');
    await client().sites.update(1, [{ op: 'replace', path: '/siteName', value: 'Renamed' }]);
    eq((await client().sites.get(1)).siteName, 'Renamed', 'a valid patch is applied');
  });

  scenario('error classes carry their own names, as classes and as instances', async () => {
    const classes = { ElevateError, ElevateApiError, ElevateValidationError, ElevateNetworkError, ElevateTimeoutError, ElevateAbortError, ElevateTokenError };
    for (const [name, Class] of Object.entries(classes)) {
      eq(Class.name, name, 'class name');
      eq(new Class('x').name, name === 'ElevateAbortError' ? 'AbortError' : name, `${name} instance name`);
      ok(!Object.hasOwn(new Class('x'), 'name'), `${name}: name is not an own property`);
    }
  });

  scenario('resources have exactly their endpoints; wrong arguments are TypeErrors', async () => {
    const c = client();
    same(Object.keys(c.sites).sort(), ['create', 'createMany', 'exists', 'get', 'iterate', 'list', 'update']);
    same(Object.keys(c.rentalProductCategories).sort(), ['create', 'createMany', 'delete', 'get', 'iterate', 'list', 'update']);
    same(Object.keys(c.inclusiveUsagePlanAssignments).sort(), ['create', 'createMany', 'update']);
    eq(Object.keys(c).length, 28, 'resources');
    await rejects(c.sites.get(), TypeError, 'missing id');
    await rejects(c.customers.update(1, [], { cascadeEndDate: true }), TypeError, 'option of another endpoint');
    await rejects(c.sites.list('page=1'), TypeError, 'query not an object');
    await rejects(c.sites.create(undefined), TypeError, 'missing body');
    await rejects(c.sites.get(1, { signal: {} }), TypeError, 'not a signal');
    throws(() => new ElevateClient({}), TypeError, 'no token');
    throws(() => new ElevateClient({ token: TOKEN, baseUrl: 'ftp://x' }), TypeError, 'bad baseUrl');
    throws(() => new ElevateClient({ token: TOKEN, retries: 99 }), TypeError, 'retries');
    throws(() => new ElevateClient({ token: TOKEN, baseUrls: { nope: url } }), TypeError, 'unknown API');
    ok(!throws(() => new ElevateClient({ token: '' }), ElevateTokenError).message.includes(TOKEN), 'empty token');
    throws(() => inList([]), TypeError, 'empty inList');
    throws(() => inList(['a,b']), TypeError, 'comma in inList');
    eq(inList([1, 'b']), 'in:1,b', 'inList');
    eq((await log()).length, 0, 'nothing sent');
  });

  scenario('ElevateApiError carries the response headers (no Set-Cookie) and retryAfter in seconds', async () => {
    const headers = { 'x-request-id': 'req-7', 'set-cookie': 'SESSION=abc' };
    await mock.fault('/v1/sites/1', { status: 503, retryAfter: 7, headers, body: { message: 'maintenance' } });
    const e = await rejects(client({ retries: 0 }).sites.get(1), ElevateApiError);
    same([e.status, e.retryAfter, e.headers['retry-after']], [503, 7, '7']);
    ok(!('set-cookie' in e.headers) && !('authorization' in e.headers), `no credentials: ${show(e.headers)}`);
    // Cross-origin, a page sees only what CORS exposes (Retry-After, X-Total-Count, the safelisted ones).
    eq(e.headers['x-request-id'], inBrowser ? undefined : 'req-7', 'x-request-id');
    ok(Object.keys(e.headers).every((k) => k === k.toLowerCase()), 'lower-case names');
    await mock.fault('/v1/sites/1', { status: 429, retryAfter: 3600 });
    eq((await rejects(client().sites.get(1), ElevateApiError)).retryAfter, 3600, 'a pause longer than 60 s is reported, not waited');
    eq((await log()).length, 2, 'not retried');
  });

  scenario('a baseUrl given with the version path (http://host/v1) reaches every API', async () => {
    for (const baseUrl of [`${url}/v1`, `${url}/v2/`, url]) {
      const c = client({ baseUrl });
      eq((await c.sites.get(1)).id, 1, `sites from ${baseUrl}`);
      eq((await c.rentalProductCategories.get(2)).id, 2, `categories from ${baseUrl}`);
    }
    same((await log()).map(wire), Array(3).fill(['GET /v1/sites/1', 'GET /v2/rental-product-categories/2']).flat());
  });

  scenario('in a browser, a request blocked by CORS says so and is not retried; reads retry once CORS works', async () => {
    const other = fresh.url;
    await fresh.mock.reset();
    await fresh.mock.fault('/v1/sites/1', { cors: false }, { method: 'GET' });
    const c = client({ baseUrl: other });
    if (!inBrowser) {
      // No CORS outside browsers: the same answer goes through.
      eq((await c.sites.get(1)).id, 1, 'Node ignores CORS');
      const gone = client({ baseUrl: 'http://127.0.0.1:9', retries: 1 });
      const e = await rejects(gone.sites.get(1), ElevateNetworkError);
      same([e.attempts, e.maybeCors], [2, false], 'a refused connection in Node is retried and not blamed on CORS');
      return;
    }
    const e = await rejects(c.sites.get(1), ElevateNetworkError);
    same([e.attempts, e.maybeCors], [1, true], 'not retried');
    for (const part of ['CORS may be the cause', 'Access-Control-Allow-Origin', 'Authorization', 'X-Total-Count', location.origin, other]) {
      ok(e.message.includes(part), `the message names ${part}: ${e.message}`);
    }
    eq((await fresh.mock.requests()).length, 0, 'the preflight failed: nothing reached the API');
    // Once that origin has answered the page, a failure is a network failure: reads are retried.
    await fresh.mock.reset(); // the fault is still armed: preflights do not use it up
    eq((await c.sites.get(1)).id, 1, 'CORS allowed');
    await fresh.mock.fault('/v1/sites/2', { reset: true }, { method: 'GET' });
    eq((await c.sites.get(2)).id, 2, 'retried after the reset');
  });

  scenario('createMany: bounded concurrency, one outcome per item in input order, never rejects for one item', async () => {
    let inFlight = 0;
    let most = 0;
    const counting = async (...args) => {
      most = Math.max(most, ++inFlight);
      try {
        return await fetch(...args);
      } finally {
        inFlight -= 1;
      }
    };
    await mock.fault('/v1/sites', { delayMs: 50 }, { method: 'POST', times: 10 });
    const site = (n) => ({ ...NEW_SITE, siteName: `Annex ${n}`, siteReference: `ANX-${n}` });
    const items = [site(1), site(2), { ...site(3), siteName: '' }, site(1), site(5), site(6), site(7)];
    const progress = [];
    const outcomes = await client({ fetch: counting }).sites.createMany(items, {
      concurrency: 2,
      onProgress: (p) => progress.push([p.index, p.done, p.succeeded, p.failed, p.total]),
    });
    same(outcomes.map((o) => [o.index, o.status]), [[0, 'fulfilled'], [1, 'fulfilled'], [2, 'rejected'], [3, 'rejected'], [4, 'fulfilled'], [5, 'fulfilled'], [6, 'fulfilled']]);
    ok(outcomes[2].reason instanceof ElevateValidationError, 'invalid item: not sent');
    ok(outcomes[3].reason instanceof ElevateApiError && outcomes[3].reason.status === 409, 'duplicate siteReference: 409');
    same(outcomes.filter((o) => o.value).map((o) => o.value.siteReference), ['ANX-1', 'ANX-2', 'ANX-5', 'ANX-6', 'ANX-7']);
    eq(most, 2, 'at most 2 requests in flight');
    eq(progress.length, 7, 'onProgress per item');
    same(progress.at(-1).slice(1), [7, 5, 2, 7], 'final counts');
    eq((await log()).filter((r) => r.method === 'POST').length, 6, 'the invalid item was not sent');
    // An iterable is read lazily: a generator that stops feeds no more.
    await mock.reset();
    function* three() {
      for (let n = 1; ; n++) {
        if (n > 3) return;
        yield site(n);
      }
    }
    eq((await client().sites.createMany(three(), { concurrency: 8 })).length, 3, 'outcomes of what the generator gave');
    // Aborting sends nothing more: unsent items are rejected with sent: false.
    await mock.reset();
    const ctl = new AbortController();
    await mock.fault('/v1/sites', { delayMs: 100 }, { method: 'POST', times: 10 });
    const pending = client().sites.createMany([site(1), site(2), site(3), site(4)], { concurrency: 1, signal: ctl.signal });
    await until(async () => (await log()).length === 1, 'the first POST');
    ctl.abort('user left');
    const aborted = await pending;
    eq(aborted.length, 4, 'one outcome per item');
    ok(aborted.slice(1).every((o) => o.status === 'rejected' && o.reason instanceof ElevateAbortError && o.reason.sent === false), 'unsent');
    eq(aborted[1].reason.cause, 'user left', 'cause');
    eq((await log()).length, 1, 'nothing sent after the abort');
    // Wrong arguments are TypeErrors at once.
    await rejects(client().sites.createMany('x'), TypeError, 'items');
    await rejects(client().sites.createMany([], { concurrency: 0 }), TypeError, 'concurrency 0');
    await rejects(client().sites.createMany([], { concurrency: 65 }), TypeError, 'concurrency 65');
    same(await client().sites.createMany([], { concurrency: 64 }), [], 'concurrency 64, no items');
    await rejects(client().sites.createMany([], { onProgress: 1 }), TypeError, 'onProgress');
    eq(client().sites.createMany === undefined, false, 'sites has createMany');
    eq(client().usageRates.createMany, undefined, 'no createMany without create');
    await mock.reset();
    const boom = new Error('progress callback failed');
    const thrown = await rejects(client().sites.createMany([site(8), site(9), site(10)], { concurrency: 1, onProgress: () => { throw boom; } }), Error);
    eq(thrown, boom, 'a throwing onProgress rejects the batch with its error');
    eq((await log()).length, 1, 'and no more items start');
  });

  scenario('baseUrls, a custom fetch and the special headers of their endpoints', async () => {
    let fetched = 0;
    const c = client({
      baseUrl: 'http://127.0.0.1:9',
      baseUrls: { product: `${url}/v2`, inventory: `${url}/v2/`, pricing: `${url}/v2`, assignment: `${url}/v1` },
      fetch: (...args) => (fetched++, fetch(...args)),
      validate: false,
    });
    eq((await c.rentalProductCategories.list({ page: 1, pageSize: 1 })).length, 1, 'product API on the override');
    await c.rentalProductInventories.create(
      { siteId: 1, rentalProductId: 1, invoicePresentationProductName: 'Broadband', supplierAccountId: 1, startDate: '2024-01-01', invoiceFrequency: 1, quantity: 1 },
      { disableAddingLinkedRentals: true },
    );
    await c.usageRateCards.list({ page: 1, pageSize: 5 }, { summary: true });
    const assignment = await c.usageRateCardAssignments.create({ assignmentLevel: 'CUSTOMER', customerId: 1, usageRateCardId: 1, startDate: '2024-01-01' });
    await c.usageRateCardAssignments.update('CUSTOMER', assignment.id, [{ op: 'add', path: '/endDate', value: '2025-01-01' }]);
    const rs = await log();
    same(rs.map(wire), [
      'GET /v2/rental-product-categories?page=1&pageSize=1',
      'POST /v2/rental-product-inventories',
      'GET /v2/usage-rate-cards?page=1&pageSize=5',
      'POST /v1/usage-rate-card-assignments',
      `PATCH /v1/usage-rate-card-assignments/CUSTOMER/${assignment.id}`,
    ]);
    same([rs[1].headers.disable_adding_linked_rentals, rs[2].headers.summary], ['true', 'true'], 'special headers');
    eq(fetched, 5, 'custom fetch calls');
  });

  return scenarios;
}
