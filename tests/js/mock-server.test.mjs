// The mock Elevate server itself (tests/server/mock-elevate.mjs), with plain fetch: the
// conventions the client tests and the demo portal rely on.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMockServer } from '../server/mock-elevate.mjs';
import { mockControl } from '../server/mock-control.mjs';

let server;
const AUTH = { authorization: 'Bearer secret-token', accept: 'application/json' };
const call = (method, path, { headers = AUTH, body } = {}) =>
  fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

before(async () => {
  server = await startMockServer({ token: 'secret-token' });
});
after(() => server.close());

test('bearer auth is required', async () => {
  assert.equal((await call('GET', '/v1/sites/1', { headers: {} })).status, 401);
  assert.equal((await call('GET', '/v1/sites/1', { headers: { authorization: 'Bearer other' } })).status, 401);
  const ok = await call('GET', '/v1/sites/1');
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).siteName, 'Head Office');
  assert.equal((await call('GET', '/v1/sites/1', { headers: { ...AUTH, accept: 'text/html' } })).status, 406);
});

test('CORS: preflight allows the special headers, responses expose X-Total-Count', async () => {
  const pre = await fetch(`${server.url}/v1/sites/1`, { method: 'OPTIONS' });
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
});

test('content types: POST needs JSON, PATCH needs JSON Patch', async () => {
  const patch = (type) => call('PATCH', '/v1/sites/1', { headers: { ...AUTH, 'content-type': type }, body: [{ op: 'add', path: '/endDate', value: '2025-01-01' }] });
  assert.equal((await patch('application/json')).status, 415);
  const r = await patch('application/json-patch+json');
  assert.equal(r.status, 200);
  assert.equal((await r.json()).endDate, '2025-01-01');
  assert.equal((await call('POST', '/v1/sites', { headers: { ...AUTH, 'content-type': 'text/plain' }, body: {} })).status, 415);
  const bad = await call('PATCH', '/v1/sites/1', { headers: { ...AUTH, 'content-type': 'application/json-patch+json' }, body: [{ op: 'replace', path: '/nope', value: 1 }] });
  assert.equal(bad.status, 400);
  assert.equal((await call('GET', '/v1/sites/999')).status, 404);
  assert.equal((await call('DELETE', '/v1/sites/999')).status, 404);
});

test('lists need paging and honour exact, in:, like:, lt:/gt: filters, sort and fields', async () => {
  server.reset();
  const list = async (q) => {
    const r = await call('GET', `/v1/sites?${q}`);
    return r.status === 200 ? (await r.json()).map((s) => s.id) : r.status;
  };
  assert.equal(await list('pageSize=10'), 400);
  assert.equal(await list('page=1&pageSize=1001'), 400);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=Head+Office'), [1, 4]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=in%3ADepot%2CWarehouse'), [2, 5]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=like%3A%25e%25'), [1, 2, 4, 5]);
  assert.deepEqual(await list('page=1&pageSize=10&siteName=like%3Ad_pot'), [2], 'like: is case-insensitive, _ is one character');
  assert.deepEqual(await list('page=2&pageSize=2&sort=id%3Adesc'), [3, 2]);
  const r = await call('GET', '/v2/rental-product-categories?page=1&pageSize=2&fields=id%2Cname&startDate=gt%3A2024-01-20');
  assert.deepEqual(await r.json(), [{ id: 21, name: 'Category 21' }, { id: 22, name: 'Category 22' }]);
});

test('faults hit the next matching requests only, and are driven over HTTP too', async () => {
  server.reset();
  const control = mockControl(server.url);
  await control.fault('/v1/sites/1', { status: 429, retryAfter: 2 }, { times: 2, method: 'GET' });
  assert.equal((await call('HEAD', '/v1/sites?customerId=1')).status, 200, 'another path is untouched');
  let r = await call('GET', '/v1/sites/1');
  assert.deepEqual([r.status, r.headers.get('retry-after')], [429, '2']);
  assert.equal((await call('GET', '/v1/sites/1')).status, 429);
  assert.equal((await call('GET', '/v1/sites/1')).status, 200, 'used up');
  server.fault('/v1/sites/2', { malformed: true });
  r = await call('GET', '/v1/sites/2');
  await assert.rejects(r.json(), SyntaxError);
  server.fault('/v1/sites/2', { reset: true });
  await assert.rejects(call('GET', '/v1/sites/2'), TypeError);
  const log = await control.requests();
  assert.deepEqual(log.map((x) => `${x.method} ${x.path}`), ['HEAD /v1/sites', 'GET /v1/sites/1', 'GET /v1/sites/1', 'GET /v1/sites/1', 'GET /v1/sites/2', 'GET /v1/sites/2']);
  assert.equal(log[0].rawQuery, 'customerId=1');
  await control.reset();
  assert.deepEqual(server.requests, []);
});

test('nested records get ids and live in their own collection', async () => {
  server.reset();
  const json = { ...AUTH, 'content-type': 'application/json' };
  const upi = await (await call('POST', '/v2/usage-product-inventories', { headers: json, body: { siteId: 1, productReferences: [{ productReference: '0201' }] } })).json();
  assert.equal(upi.productReferences[0].usageProductInventoryId, upi.id);
  const refId = upi.productReferences[0].id;
  const patched = await call('PATCH', `/v2/usage-product-references/${refId}`, { headers: { ...AUTH, 'content-type': 'application/json-patch+json' }, body: [{ op: 'add', path: '/label', value: 'Main' }] });
  assert.equal(patched.status, 200);
  const again = await (await call('GET', `/v2/usage-product-inventories/${upi.id}`)).json();
  assert.equal(again.productReferences[0].label, 'Main', 'the parent sees the change');
});

test('a fixed port is used as given; a taken one rejects with EADDRINUSE', async () => {
  const port = Number(new URL(server.url).port);
  await assert.rejects(startMockServer({ port }), { code: 'EADDRINUSE' });
  const probe = await startMockServer();
  const free = Number(new URL(probe.url).port);
  await probe.close();
  const fixed = await startMockServer({ port: free });
  assert.equal(fixed.url, `http://127.0.0.1:${free}`);
  await fixed.close();
});
