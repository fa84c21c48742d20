// The client typings (client.d.ts, hand-written; resources.d.ts, from src/client/typescript.rs) as a strict
// TypeScript consumer sees them: right calls type-check, wrong ones (`@ts-expect-error`) do
// not. Run after `npm run build`. The declarations themselves are checked without
// skipLibCheck by the package smoke test (tests/package/smoke.test.mjs).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { typecheck as typecheckIn } from './support/typecheck.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'target', 'client-types');

/** @param {string} dir @param {Record<string, string>} files */
function typecheck(dir, files) {
  const d = join(work, dir);
  mkdirSync(d, { recursive: true });
  return typecheckIn(d, files);
}

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  symlinkSync(join(root, 'pkg'), join(work, 'node_modules', 'elevate-billing'), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
});

const CONSUMER = `import { ElevateClient, ElevateError, ElevateApiError, ElevateValidationError, ElevateTimeoutError, ElevateNetworkError,
  ElevateAbortError, inList, like, lt, gt, gtn, type ExistsResult, type Site, type ApiErrorKind } from 'elevate-billing';

const client = new ElevateClient({ token: async () => 't', baseUrls: { inventory: 'http://x/v2' }, timeoutMs: 1000, retries: 1, validate: true, fetch });
new ElevateClient({ token: 't' });
const page: Site[] = await client.sites.list({ page: 1, pageSize: 10, siteName: like('Head%'), customerId: inList([1, 2]), sort: ['siteName:desc'], createdDate: gt('2024-01-01T00:00:00Z') });
for await (const s of client.sites.iterate({ customerId: [12, 13] })) { const n: string = s.siteName; void n; }
for await (const r of client.usageRates.iterate({ usageRateCardId: 1, availableFrom: gtn('2024-01-01') })) void r;
const e: ExistsResult = await client.sites.exists({ activeSites: true, billingCycleId: 3 });
const total: number | null = e.total;
const one: Site = await client.sites.get(1, { fields: ['id'], signal: new AbortController().signal });
await client.sites.update('1', [], { cascadeEndDate: true, signal: AbortSignal.timeout(1000) });
await client.rentalProductInventories.create({} as any, { disableAddingLinkedRentals: false });
await client.usageRateCards.list({ page: 1, pageSize: 5, availableTo: lt('2025-01-01') }, { summary: true });
const gone: void = await client.rentalProductCategories.delete(3);
await client.usageRateCardAssignments.update('SITE', 4, []);
await client.customers.list({ page: 1, pageSize: 1, customerType: 'BUSINESS' });
await client.customFieldDefinitions.list({ page: 1, pageSize: 1, entityLevel: 'SITE' });

// Records as the API answers with them: ids (and a site's dates) always there; bodies unchanged.
const created = await client.sites.create({} as Site);
const createdId: number = created.id;
const createdAt: string = created.createdDate;
const customer = await client.customers.create({} as import('elevate-billing').Customer);
const firstSiteId: number = customer.sites[0]!.id;
for await (const s of client.sites.iterate()) { const n: number = s.id; void n; }
// @ts-expect-error: a request body may leave the id out
const bodyId: number = ({} as Site).id;
void createdId; void createdAt; void firstSiteId; void bodyId;

// @ts-expect-error: not a filter of GET /sites
await client.sites.list({ page: 1, pageSize: 1, nope: 1 });
// @ts-expect-error: page and pageSize are required
await client.sites.list({ siteName: 'x' });
// @ts-expect-error: usageRateCardId is a required filter of GET /usage-rates
client.usageRates.iterate({});
// @ts-expect-error: customers has no get endpoint
client.customers.get(1);
// @ts-expect-error: cascadeEndDate is an option of sites.update only
await client.customers.update(1, [], { cascadeEndDate: true });
// @ts-expect-error: not an assignment level
await client.usageRateCardAssignments.update('site', 4, []);
// @ts-expect-error: not one of the documented entity levels
await client.customFieldDefinitions.list({ page: 1, pageSize: 1, entityLevel: 'INVOICE' });
// @ts-expect-error: not an API name
new ElevateClient({ token: 't', baseUrls: { nope: 'x' } });
// @ts-expect-error: the token is required
new ElevateClient({});

try {
  await client.sites.get(1);
} catch (err) {
  if (err instanceof ElevateApiError) { const k: ApiErrorKind = err.kind; const s: number = err.status; const b: unknown = err.body; void k; void s; void b; }
  if (err instanceof ElevateApiError) { const at: string | undefined = err.issues[0]?.path; const field: string | null | undefined = err.issues[0]?.field; void at; void field; }
  if (err instanceof ElevateValidationError) { const p: string | undefined = err.issues[0]?.path; void p; }
  if (err instanceof ElevateTimeoutError) { const n: ElevateNetworkError = err; const ms: number = err.timeoutMs; void n; void ms; }
  if (err instanceof ElevateAbortError || err instanceof ElevateError) { const m: string = err.message; void m; }
}
export { page, total, one, gone };
`;

test('strict consumers type-check the client API, and wrong calls are type errors', () => {
  const out = typecheck('consumer', { 'main.mts': CONSUMER });
  assert.equal(out, '', `tsc failed:\n${out}`);
});
