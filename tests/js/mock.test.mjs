// The package's mock (elevate-billing/mock, pkg/mock/): every endpoint the client has, driven
// through the client; then, with plain fetch, what the mock answers that the client does not
// show: the error body shape, auth, content types, CORS, paging and filters, faults and the
// HTTP controls, seeds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ElevateApiError, ElevateClient, openApiDocument } from '../../pkg/node.mjs';
import { defaultSeed, startMock } from '../../pkg/mock/index.mjs';
import { mockControl } from '../../pkg/mock/control.mjs';
import { FIXTURES } from './support/fixtures.mjs';

const TOKEN = 'mock-test-token-1';
let mock;
const AUTH = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
const JSON_BODY = { ...AUTH, 'content-type': 'application/json' };
const PATCH_BODY = { ...AUTH, 'content-type': 'application/json-patch+json' };
const call = (method, path, { headers = AUTH, body } = {}) =>
  fetch(mock.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });

before(async () => {
  mock = await startMock({ token: TOKEN });
});
after(() => mock.close());

/** Each operation of the OpenAPI document: resource, op, body schema, required filters. */
function operations() {
  const ops = {};
  for (const item of Object.values(openApiDocument().paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op?.operationId) continue;
      const [resource, action] = op.operationId.split('.');
      const body = Object.values(op.requestBody?.content ?? {})[0]?.schema?.$ref?.split('/').pop();
      const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required && p.name !== 'page' && p.name !== 'pageSize').map((p) => p.name);
      (ops[resource] ??= {})[action] = { method, body, required };
    }
  }
  return ops;
}

test('every endpoint of the client, driven through the client', async () => {
  const ops = operations();
  // Records for the resources that cannot be created through the API.
  const seeded = {
    usageRates: [{ id: 1, ...FIXTURES.UsageRate }],
    rentalRates: [{ id: 1, ...FIXTURES.RentalRate }],
    usageProductCategories: [{ id: 1, name: 'Voice' }],
    usageProductSuppliers: [{ id: 1, name: 'Carrier' }],
    productCustomFields: [{ id: 1, label: 'Tier' }],
    inclusiveUsageBalances: [{ id: 1, customerId: 12 }],
  };
  const m = await startMock({ seed: () => ({ ...defaultSeed(), ...structuredClone(seeded) }) });
  const client = new ElevateClient({ baseUrl: m.url, token: 'any' });
  const reached = [];
  try {
    for (const resource of Object.keys(client)) {
      const methods = client[resource];
      const op = ops[resource];
      assert.deepEqual(Object.keys(methods).filter((k) => k !== 'iterate' && k !== 'createMany').sort(), Object.keys(op).sort(), resource);
      let record;
      if (methods.create) {
        const body = FIXTURES[op.create.body];
        record = await methods.create(body);
        assert.ok(Number.isInteger(record.id), `${resource}.create gives an id`);
        for (const [k, v] of Object.entries(body)) if (!Array.isArray(v)) assert.deepEqual(record[k], v, `${resource}.${k} stored as sent`);
        const again = await methods.create(body).then((value) => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason }));
        // A second record with the same unique fields is a conflict (sites, rental discount plans).
        const unique = resource === 'sites' || resource === 'rentalDiscountPlans';
        assert.equal(again.status, unique ? 'rejected' : 'fulfilled', `${resource}.create again`);
        if (unique) assert.equal(again.reason.status, 409, `${resource}: 409`);
        reached.push(`${resource}.create`);
      } else {
        record = m.records(resource)[0];
        assert.ok(record, `${resource} is seeded`);
      }
      const pathOf = (action) => {
        const template = Object.entries(openApiDocument().paths).find(([, item]) => Object.values(item).some((o) => o?.operationId === `${resource}.${action}`))[0];
        return (template.match(/\{/g) ?? []).length === 2 ? [record.assignmentLevel, record.id] : [record.id];
      };
      const filters = Object.fromEntries((op.list?.required ?? []).map((name) => [name, '1']));
      if (methods.list) {
        const page = await methods.list({ page: 1, pageSize: 1000, ...filters });
        assert.ok(Array.isArray(page), `${resource}.list`);
        if (!op.list.required.length) assert.ok(page.some((r) => r.id === record.id), `${resource}.list has the record`);
        let n = 0;
        for await (const r of methods.iterate({ pageSize: 2, ...filters })) if (r && ++n > 3) break;
        reached.push(`${resource}.list`, `${resource}.iterate`);
      }
      if (methods.exists) {
        const found = await methods.exists(Object.fromEntries((op.exists.required ?? []).map((name) => [name, '1'])));
        assert.equal(found.exists, true, `${resource}.exists`);
        assert.ok(found.total >= 1, `${resource}.exists counts`);
        reached.push(`${resource}.exists`);
      }
      if (methods.get) {
        assert.deepEqual(await methods.get(...pathOf('get')), record, `${resource}.get`);
        reached.push(`${resource}.get`);
      }
      if (methods.update) {
        const updated = await methods.update(...pathOf('update'), [{ op: 'test', path: '/id', value: record.id }]);
        assert.equal(updated.id, record.id, `${resource}.update`);
        reached.push(`${resource}.update`);
      }
      if (methods.delete) {
        await methods.delete(...pathOf('delete'));
        const gone = await methods.get(...pathOf('get')).then(() => undefined, (e) => e);
        assert.ok(gone instanceof ElevateApiError && gone.status === 404, `${resource}: gone after delete`);
        reached.push(`${resource}.delete`);
      }
    }
    const every = Object.entries(ops).flatMap(([r, o]) => Object.keys(o).map((a) => `${r}.${a}`));
    assert.deepEqual(every.filter((e) => !reached.includes(e)), [], 'every operation was reached');
  } finally {
    await m.close();
  }
});

test('errors have one body shape: Spring Boot error attributes plus the issues', async () => {
  mock.reset();
  const r = await call('POST', '/v1/sites', { headers: JSON_BODY, body: { ...FIXTURES.Site, siteName: '', siteContacts: [{ contactName: 'A', contactRole: 'ACCOUNTS', contactTelephoneNumber: '+44 1' }] } });
  assert.equal(r.status, 400);
  const body = await r.json();
  assert.deepEqual(Object.keys(body), ['timestamp', 'status', 'error', 'message', 'path', 'errors']);
  assert.ok(!Number.isNaN(Date.parse(body.timestamp)));
  assert.deepEqual([body.status, body.error, body.path], [400, 'Bad Request', '/v1/sites']);
  assert.equal(body.message, "Validation failed for object='site'. Error count: 2");
  assert.deepEqual(body.errors.map((e) => [e.field, e.pointer, e.code]), [
    ['siteName', '/siteName', 'minLength'],
    ['siteContacts[0].contactTelephoneNumber', '/siteContacts/0/contactTelephoneNumber', 'pattern'],
  ]);
  assert.match(body.errors[1].message, /cannot contain '\+'/);
  // The client reads it: the server message with the field list.
  const client = new ElevateClient({ baseUrl: mock.url, token: TOKEN, validate: false });
  const e = await client.sites.list({ page: 0, pageSize: 10 }).catch((x) => x);
  assert.equal(e.status, 400);
  assert.equal(e.serverMessage, 'Validation failed for the query of GET /sites. Error count: 1 (page: Page must be at least 1.)');
  assert.deepEqual(e.issues, [{ path: '/page', message: 'Page must be at least 1.', field: 'page', code: 'minimum' }]);
  // Every error answer the client reads has its issues at the fields they name.
  const sent = await client.sites.create({ ...FIXTURES.Site, siteName: '', siteContacts: [{ contactName: 'A', contactRole: 'ACCOUNTS', contactTelephoneNumber: '+44 1' }] }).catch((x) => x);
  assert.deepEqual(sent.issues.map((i) => [i.path, i.code]), [['/siteName', 'minLength'], ['/siteContacts/0/contactTelephoneNumber', 'pattern']]);
  const taken = await client.sites.create({ ...FIXTURES.Site, customerId: 1, siteReference: 'S-1' }).catch((x) => x);
  assert.equal(taken.status, 409);
  assert.deepEqual(taken.issues, [{ path: '/siteReference', message: 'siteReference "S-1" already exists for customerId 1', field: 'siteReference', code: 'conflict' }]);
  assert.equal(taken.body.errors[0].pointer, '/siteReference', 'the raw body is kept');
  const gone = await client.sites.get(999).catch((x) => x);
  assert.deepEqual(gone.issues.map((i) => i.path), [''], 'no field named: the request as a whole');
  for (const [status, method, path, headers, payload, message] of [
    [401, 'GET', '/v1/sites/1', {}, undefined, /authentication is required/],
    [401, 'GET', '/v1/sites/1', { authorization: 'Bearer wrong' }, undefined, /authentication/],
    [404, 'GET', '/v1/sites/999', AUTH, undefined, /No Site with id 999/],
    [404, 'GET', '/v1/nothing-here', AUTH, undefined, /No endpoint/],
    [405, 'DELETE', '/v1/sites/1', AUTH, undefined, /'DELETE' is not supported/],
    [406, 'GET', '/v1/sites/1', { ...AUTH, accept: 'text/html' }, undefined, /acceptable representation/],
    [415, 'POST', '/v1/sites', { ...AUTH, 'content-type': 'text/plain' }, '{}', /use application\/json/],
    [415, 'PATCH', '/v1/sites/1', JSON_BODY, '[]', /json-patch\+json/],
    [400, 'POST', '/v1/sites', JSON_BODY, '{"siteName": ', /JSON parse error/],
    [400, 'GET', '/v1/sites/abc', AUTH, undefined, /Validation failed for the path/],
    [400, 'GET', '/v1/sites/0', AUTH, undefined, /Validation failed for the path/],
    [409, 'POST', '/v1/sites', JSON_BODY, JSON.stringify({ ...FIXTURES.Site, customerId: 1, siteReference: 'S-1' }), /siteReference "S-1" already exists/],
  ]) {
    const res = await call(method, path, { headers, body: payload });
    const b = await res.json();
    assert.equal(res.status, status, `${method} ${path}`);
    assert.deepEqual([b.status, b.path], [status, path]);
    assert.match(b.message, message);
    if (status === 405) assert.equal(res.headers.get('allow'), 'GET, PATCH');
    if (status === 401) assert.equal(res.headers.get('www-authenticate'), 'Bearer');
  }
  const big = await call('POST', '/v1/sites', { headers: JSON_BODY, body: 'x'.repeat(16 * 1024 * 1024 + 1) });
  assert.equal(big.status, 413);
});

test('CORS: preflights allow the special headers from the OpenAPI document, answers expose X-Total-Count', async () => {
  const pre = await fetch(`${mock.url}/v1/sites/1`, { method: 'OPTIONS' });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  for (const h of ['authorization', 'content-type', 'cascade_end_date', 'disable_adding_linked_rentals', 'summary']) {
    assert.match(pre.headers.get('access-control-allow-headers'), new RegExp(`\\b${h}\\b`));
  }
  assert.match(pre.headers.get('access-control-allow-methods'), /PATCH/);
  const head = await call('HEAD', '/v1/sites?customerId=2');
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('x-total-count'), '2');
  assert.match(head.headers.get('access-control-expose-headers'), /X-Total-Count/);
  assert.equal((await call('HEAD', '/v1/sites?customerId=42')).status, 404);
  // `cors: false` withholds the CORS answer (the preflight too), for testing a page's handling.
  mock.fault('/v1/sites/1', { cors: false });
  const blocked = await fetch(`${mock.url}/v1/sites/1`, { method: 'OPTIONS' });
  assert.equal(blocked.headers.get('access-control-allow-origin'), null);
  const plain = await call('GET', '/v1/sites/1');
  assert.equal(plain.status, 200);
  assert.equal(plain.headers.get('access-control-allow-origin'), null);
});

test('lists: paging required, by id by default, filters (exact, in:, like:, lt:, gt:, activeSites), sort, fields', async () => {
  mock.reset();
  const list = async (q) => {
    const r = await call('GET', `/v1/sites?${q}`);
    return r.status === 200 ? (await r.json()).map((s) => s.id) : r.status;
  };
  assert.equal(await list('pageSize=10'), 400);
  assert.equal(await list('page=1&pageSize=1001'), 400);
  assert.equal(await list('page=1&pageSize=10&nope=1'), 400, 'a filter the endpoint does not take');
  assert.equal(await list('page=1&pageSize=10&sort=nope'), 400, 'sort names a field');
  assert.deepEqual(await list('page=1&pageSize=10'), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=Head+Office'), [1, 4]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=in%3ADepot%2CWarehouse'), [2, 5]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=like%3A%25e%25'), [1, 2, 4, 5, 6]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=like%3Ad_pot'), [2], 'like: is case-insensitive, _ is one character');
  assert.deepEqual(await list('page=2&pageSize=2&sort=id%3Adesc'), [4, 3]);
  assert.deepEqual(await list('page=1&pageSize=3&sort=siteName%2Cid%3Adesc'), [2, 4, 1]);
  const client = new ElevateClient({ baseUrl: mock.url, token: TOKEN });
  await client.sites.update(3, [{ op: 'add', path: '/endDate', value: '2000-01-01' }]);
  assert.deepEqual((await call('HEAD', '/v1/sites?customerId=1&activeSites=true')).headers.get('x-total-count'), '2');
  const r = await call('GET', '/v2/rental-product-categories?page=1&pageSize=2&fields=id%2Cname&name=like%3ACategory+2%25&sort=name%3Adesc');
  assert.deepEqual(await r.json(), [{ id: 23, name: 'Category 23' }, { id: 22, name: 'Category 22' }]);
  const dated = await call('GET', '/v1/customers?page=1&pageSize=9&startDate=gt%3A2024-01-15&fields=id');
  assert.deepEqual(await dated.json(), [{ id: 2 }, { id: 3 }], 'gt: on a date');
  // GET by id with fields: the others come back null (api-facts §1.4).
  const one = await (await call('GET', '/v1/sites/2?fields=siteName')).json();
  assert.equal(one.siteName, 'Depot');
  assert.equal(one.siteReference, null);
  assert.equal(one.id, null);
});

test('JSON Patch is judged by validatePatch, whose patched document becomes the record', async () => {
  mock.reset();
  const patch = (path, ops) => call('PATCH', path, { headers: PATCH_BODY, body: ops });
  let r = await patch('/v1/sites/1', [{ op: 'replace', path: '/siteName', value: 'Renamed' }, { op: 'add', path: '/siteContacts/-', value: { contactName: 'Bo', contactRole: 'ACCOUNTS' } }]);
  assert.equal(r.status, 200);
  assert.deepEqual([(await r.json()).siteName, mock.records('sites')[0].siteContacts.length], ['Renamed', 2]);
  r = await patch('/v1/sites/1', [{ op: 'replace', path: '/nope/x', value: 1 }]);
  assert.deepEqual([r.status, (await r.json()).errors.map((e) => e.code)], [400, ['patchTarget']]);
  r = await patch('/v1/sites/1', [{ op: 'test', path: '/siteName', value: 'Other' }]);
  assert.deepEqual([r.status, (await r.json()).errors.map((e) => e.code)], [400, ['patchTest']]);
  r = await patch('/v1/sites/1', [{ op: 'remove', path: '/siteAddress' }]);
  assert.deepEqual([r.status, (await r.json()).errors.map((e) => `${e.pointer} ${e.code}`)], [400, ['/siteAddress required']]);
  r = await patch('/v1/sites/1', [{ op: 'replace', path: '/id', value: 99 }]);
  assert.equal((await r.json()).id, 1, 'the id is read-only');
  r = await patch('/v1/sites/2', [{ op: 'replace', path: '/siteReference', value: 'S-1' }]);
  assert.equal(r.status, 409, 'a patch that duplicates a site reference');
  assert.equal(mock.records('sites')[1].siteName, 'Depot', 'nothing changed by refused patches');
  r = await patch('/v1/usage-rate-card-assignments/SITE/1', []);
  assert.equal(r.status, 404);
});

test('nested records get ids, live in their own resource, and stay in step with their parent', async () => {
  mock.reset();
  const client = new ElevateClient({ baseUrl: mock.url, token: TOKEN });
  const customer = await client.customers.create(FIXTURES.Customer);
  assert.equal(customer.id, 4);
  assert.deepEqual(customer.sites.map((s) => s.customerId), customer.sites.map(() => 4));
  const sites = await client.sites.list({ page: 1, pageSize: 10, customerId: 4 });
  assert.deepEqual(sites.map((s) => s.id), customer.sites.map((s) => s.id));
  // A patch of the customer is judged as a POST /customers body would be (its sites with customerId 0).
  const renamed = await client.customers.update(4, [{ op: 'replace', path: '/customerName', value: 'Renamed Ltd' }]);
  assert.equal(renamed.customerName, 'Renamed Ltd');
  assert.equal(renamed.sites[0].customerId, 4);
  const upi = await client.usageProductInventories.create(FIXTURES.UsageProductInventory);
  const ref = upi.productReferences[0];
  assert.equal(ref.usageProductInventoryId, upi.id);
  await client.usageProductReferences.update(ref.id, [{ op: 'add', path: '/label', value: 'Main' }]);
  assert.equal((await client.usageProductInventories.get(upi.id)).productReferences[0].label, 'Main', 'the parent sees the change');
  const more = await client.usageProductInventories.update(upi.id, [{ op: 'add', path: '/productReferences/-', value: { productReference: '02079460009' } }]);
  const added = more.productReferences.at(-1);
  assert.ok(Number.isInteger(added.id));
  assert.equal(mock.records('usageProductReferences').find((r) => r.id === added.id).productReference, '02079460009');
  // Two sites with one reference in one new customer: a conflict, nothing stored.
  const twice = { ...FIXTURES.Customer, customerAccountNumber: 'X-2', sites: [FIXTURES.Customer.sites[0], FIXTURES.Customer.sites[0]] };
  const e = await client.customers.create(twice).catch((x) => x);
  assert.equal(e.status, 409);
  assert.deepEqual(e.issues.map((i) => i.path), ['/sites/1/siteReference'], 'the second site, whose reference the first already has');
  assert.equal(mock.records('customers').length, 4);
});

test('faults hit the next matching requests only, and are driven over HTTP too', async () => {
  mock.reset();
  const control = mockControl(mock.url);
  await control.fault('/v1/sites/1', { status: 429, retryAfter: 2 }, { times: 2, method: 'GET' });
  assert.equal((await call('HEAD', '/v1/sites?customerId=1')).status, 200, 'another path is untouched');
  let r = await call('GET', '/v1/sites/1');
  assert.deepEqual([r.status, r.headers.get('retry-after')], [429, '2']);
  assert.equal((await call('GET', '/v1/sites/1')).status, 429);
  assert.equal((await call('GET', '/v1/sites/1')).status, 200, 'used up');
  mock.fault('/v1/sites/2', { malformed: true });
  r = await call('GET', '/v1/sites/2');
  await assert.rejects(r.json(), SyntaxError);
  mock.fault('/v1/sites/2', { reset: true });
  await assert.rejects(call('GET', '/v1/sites/2'), TypeError);
  mock.fault('/v1/sites/2', { delayMs: 300 });
  const started = Date.now();
  r = await call('GET', '/v1/sites/2');
  assert.equal(r.status, 200, 'the normal answer, later');
  assert.ok(Date.now() - started >= 290);
  const log = await control.requests();
  assert.deepEqual(log.map((x) => `${x.method} ${x.path}`), ['HEAD /v1/sites', 'GET /v1/sites/1', 'GET /v1/sites/1', 'GET /v1/sites/1', 'GET /v1/sites/2', 'GET /v1/sites/2', 'GET /v1/sites/2']);
  assert.equal(log[0].rawQuery, 'customerId=1');
  assert.equal((await control.records('sites')).length, 6);
  await assert.rejects(control.fault('nope', {}), /answered 400/);
  await assert.rejects(control.records('nope'), /answered 404/);
  await control.reset();
  assert.deepEqual(mock.requests, []);
  assert.throws(() => mock.fault('/v1/sites', null), TypeError);
});

test('seeds: by resource name, validated, a function or an object; a taken port rejects', async () => {
  const m = await startMock({ seed: { sites: [{ ...FIXTURES.Site }] } });
  assert.deepEqual(m.records('sites').map((s) => s.id), [1]);
  assert.deepEqual(m.records('customers'), []);
  await m.close();
  await assert.rejects(startMock({ seed: { nope: [] } }), /names no resource "nope"/);
  await assert.rejects(startMock({ seed: { sites: [{ ...FIXTURES.Site, siteName: '' }] } }), /seed\.sites\[0\] is not a valid Site: \/siteName/);
  await assert.rejects(startMock({ seed: { sites: [{ id: 1, ...FIXTURES.Site }, { id: 1, ...FIXTURES.Site }] } }), /id 1 twice/);
  await assert.rejects(startMock({ nope: 1 }), /unknown option "nope"/);
  await assert.rejects(startMock({ token: '' }), TypeError);
  assert.equal(Object.keys(mock.resources()).length, 28);
  assert.equal(mock.resources().sites, '/v1/sites');
  await assert.rejects(startMock({ port: mock.port }), { code: 'EADDRINUSE' });
  const probe = await startMock();
  const free = probe.port;
  await probe.close();
  const fixed = await startMock({ port: free });
  assert.equal(fixed.url, `http://127.0.0.1:${free}`);
  await fixed.close();
});
