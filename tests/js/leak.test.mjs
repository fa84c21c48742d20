// A small leak check (the full measurement is `npm run bench`): after a warm-up, many
// validations (valid and invalid mixed, every entry point) must not grow wasm memory.
// Wasm memory never shrinks, so any leak shows as growth over enough calls.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as eb from '../../pkg/node.mjs';

const glue = eb.__engine();

const SITE = {
  customerId: 12, siteName: 'Head Office', siteReference: 'HO-1', startDate: '2024-01-01',
  siteAddress: { address1: '1 High Street', town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
  siteContacts: [{ contactName: 'Jane', contactRole: 'ACCOUNTS', contactTelephoneNumber: '+44 20 7946 0000' }],
};
const BAD = { ...SITE, siteName: '<x>', startDate: '2023-02-29', siteAddress: { ...SITE.siteAddress, country: 'UK' } };
const CYCLE = (() => { const a = { siteName: 1n }; a.self = a; return a; })();
const NDJSON = Buffer.from([SITE, BAD, SITE].map((s) => JSON.stringify(s)).join('\n'));

function round(n) {
  for (let i = 0; i < n; i++) {
    eb.validate('Site', i % 3 === 0 ? SITE : i % 3 === 1 ? BAD : CYCLE);
    eb.validateField('Site', '/siteContacts/0/contactTelephoneNumber', '+44 1');
    eb.validatePatch('Site', SITE, [{ op: 'replace', path: '/endDate', value: '2024-02-30' }]);
    eb.validateQuery('GET /sites', { page: 1, pageSize: 10, siteName: 'like:Head%' });
    if (i % 10 === 0) eb.validateNdjson(NDJSON, 'Site');
    try { eb.validate('Nope', {}); } catch { /* an Error, by design */ }
  }
}

test('wasm memory stays flat over many calls of every kind', () => {
  round(5_000); // warm-up: caches, plans and the allocator's pools settle
  const before = glue.__memoryBytes();
  round(30_000);
  const after = glue.__memoryBytes();
  assert.ok(after - before <= 64 * 1024, `wasm memory grew from ${before} to ${after} bytes`);
});
