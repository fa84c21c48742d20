// Package-level conveniences found missing while building the demo portal: isValid as a type
// guard, describeField for forms, formatMessage with labels, ElevateApiError.serverMessage,
// and update({ current }) validating the patched record before anything is sent.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as eb from '../../pkg/node.mjs';
import { startMock } from '../../pkg/mock/index.mjs';
import { FIXTURES } from './support/fixtures.mjs';

const SITE = FIXTURES.Site;

let mock;
before(async () => {
  mock = await startMock({ token: 'secret-token-1234' });
});
after(() => mock.close());

test('isValid answers yes or no', () => {
  assert.equal(eb.isValid('Site', SITE), true);
  assert.equal(eb.isValid('Site', { ...SITE, siteName: '<x>' }), false);
  assert.throws(() => eb.isValid('Nope', {}), /unknown schema/);
});

test('describeField gives a form the rules of one field', () => {
  const d = eb.describeField('Customer', '/customerType');
  assert.deepEqual(d.allowed, ['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER']);
  assert.equal(d.required, true);
  assert.equal(eb.describeField('Site', '/siteName').maxLength, 100);
});

test('formatMessage names fields by the model\'s labels, or the caller\'s by pointer, then by name', () => {
  const [issue] = eb.validate('Site', { ...SITE, siteName: undefined }).errors;
  assert.equal(issue.message, 'Site name is required.');
  assert.equal(eb.formatMessage(issue), 'Site name is required.');
  assert.equal(eb.formatMessage(issue, { siteName: 'Name of the site' }), 'Name of the site is required.');
  assert.equal(eb.formatMessage(issue, { siteName: 'By name', '/siteName': 'By pointer' }), 'By pointer is required.');
  const postcode = (path) => eb.formatMessage({ path, code: 'required', params: {} }, { '/siteAddress/postcode': 'Site postcode', postcode: 'Post code' });
  assert.equal(postcode('/siteAddress/postcode'), 'Site postcode is required.');
  assert.equal(postcode('/siteInvoiceDetails/invoiceAddress/postcode'), 'Post code is required.');
  assert.throws(() => eb.formatMessage(issue, { get siteName() { throw new Error('no'); } }), { name: 'TypeError', message: /labels\["siteName"\] threw: no/ });
});

test('ElevateApiError carries the server message alone', async () => {
  const client = new eb.ElevateClient({ baseUrl: mock.url, token: 'secret-token-1234' });
  mock.fault('/v1/customers', { status: 409, body: { message: 'Customer ACME-1 already exists' } }, { method: 'POST' });
  const body = { contractOwnerId: 1, customerType: 'BUSINESS', customerName: 'Acme', customerAccountNumber: 'ACME-1', startDate: '2024-01-01', billingCycleId: 1, sites: [{ ...SITE, customerId: 0 }] };
  await assert.rejects(client.customers.create(body), (e) => {
    assert.ok(e instanceof eb.ElevateApiError);
    assert.equal(e.kind, 'conflict');
    assert.equal(e.serverMessage, 'Customer ACME-1 already exists');
    return true;
  });
});

test('update with { current } validates the patched record and sends nothing when it is wrong', async () => {
  const client = new eb.ElevateClient({ baseUrl: mock.url, token: 'secret-token-1234' });
  const [site] = await client.sites.list({ page: 1, pageSize: 1 });
  const before = mock.requests.length;
  const bad = [{ op: 'add', path: '/endDate', value: '2025-12-32' }];
  await assert.rejects(client.sites.update(site.id, bad, { current: site }), (e) => {
    assert.ok(e instanceof eb.ElevateValidationError);
    assert.deepEqual(e.issues.map((i) => `${i.path} ${i.code}`), ['/endDate format']);
    return true;
  });
  assert.equal(mock.requests.length, before, 'nothing was sent');
  // Without `current` the value is judged as the field its path names (at the operation).
  await assert.rejects(client.sites.update(site.id, bad), (e) => {
    assert.deepEqual(e.issues.map((i) => `${i.path} ${i.code}`), ['/0/value format']);
    return true;
  });
  assert.equal(mock.requests.length, before, 'nothing was sent');
  // What only the whole record can show (here: nothing) is left to the server without it.
  await client.sites.update(site.id, [{ op: 'add', path: '/endDate', value: '2025-12-31' }]);
  assert.equal(mock.requests.length, before + 1);
});
