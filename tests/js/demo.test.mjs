// The demo portal (www-example/) end to end: started as `npm run demo` starts it (its
// startDemo, on free ports), driven in headless Chromium. Run after `npm run build`.
// The tests share one page and run in order: onboarding, then the sites it adds to.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { startDemo } from '../../scripts/demo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'test-results');

let demo;
let browser;
let page;
let token;
const consoleLines = [];

/** A control of a form, by the JSON Pointer it is bound to. */
const control = (pointer, scope = '#onboard-form') => page.locator(`${scope} [data-pointer="${pointer}"]`);
const contact = (i, name) => control(`/sites/0/siteContacts/${i}/${name}`);
const requestsTo = (method, path) => demo.mock.requests.filter((r) => r.method === method && r.path === path);

/** Waits until `locator` is marked invalid, then returns the text of what describes it. */
async function invalidMessage(locator) {
  await locator.and(page.locator('[aria-invalid="true"]')).waitFor();
  const ids = (await locator.getAttribute('aria-describedby')).split(' ');
  const texts = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
  return texts.join(' ');
}

async function assertValid(locator) {
  await locator.and(page.locator(':not([aria-invalid])')).waitFor();
}

before(async () => {
  // `npm test` builds pkg/ in its build step; the test uses that build, never a new one.
  demo = await startDemo({ port: 0, mockPort: 0, outDir: join(root, 'target', 'www-example-test'), buildPackage: false });
  token = (await (await fetch(`${demo.url}config.json`)).json()).token;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.goto(demo.url);
  await page.locator('body[data-ready]').waitFor();
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('the page is plain TypeScript that type-checks against the package typings', () => {
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'www-example')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc -p www-example failed:\n${e.stdout}${e.stderr}`);
  }
});

test('every control has a label; the page reaches the mock named by /config.json', async () => {
  const unlabelled = await page.$$eval('[data-kind]:not([type=hidden])', (els) => els.filter((el) => !el.labels?.length).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
  assert.match(await page.locator('#connection').textContent(), new RegExp(`API: ${demo.mockUrl} \\(local mock server\\)`));
  assert.deepEqual(await page.locator('#c-sites-0-siteContacts-0-contactRole option').allTextContents(), ['Choose…', 'ACCOUNTS', 'TECHNICAL', 'SALES', 'GENERAL']);
});

test('1. fields are checked as the user types, with the package messages next to them', async () => {
  const postcode = page.getByLabel('Postcode');
  await postcode.pressSequentially('SW1A#');
  assert.match(await invalidMessage(postcode), /Postcode cannot contain '#'/);
  await postcode.pressSequentially('1AA');
  assert.match(await invalidMessage(postcode), /Postcode cannot contain '#'/);

  const phone = page.getByLabel('Telephone');
  await phone.pressSequentially('+44 20 7946 0000');
  const message = await invalidMessage(phone);
  assert.match(message, /cannot contain '\+': the server rejects it/);
  assert.match(message, /0044 20 7946 0000/);

  // A required field emptied again says so; an optional one emptied is "not given".
  const name = page.getByLabel('Customer name');
  await name.fill('Gamma');
  await assertValid(name);
  await name.fill('');
  assert.match(await invalidMessage(name), /Customer name is required/);
  await phone.fill('');
  await assertValid(phone);
  assert.equal(requestsTo('POST', '/v1/customers').length, 0, 'nothing was sent');
});

const BODY = {
  customerName: 'Gamma Telecom Ltd',
  customerAccountNumber: 'GAMMA-1',
  customerType: 'BUSINESS',
  contractOwnerId: 1,
  billingCycleId: 1,
  startDate: '2025-01-01',
  sites: [
    {
      customerId: 0,
      siteName: 'Gamma HQ',
      siteReference: 'G-HQ',
      startDate: '2025-01-01',
      siteAddress: { address1: '1 High Street', town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
      siteContacts: [
        { contactName: 'Ann Lee', contactRole: 'ACCOUNTS', contactTelephoneNumber: '0044 20 7946 0000', contactNameToAppearOnInvoice: true, receiveInvoiceBy: 'EMAIL' },
        { contactName: 'Bob Roe', contactRole: 'TECHNICAL', contactEmailAddress: 'bob@example.co.uk' },
      ],
      siteInvoiceDetails: { invoiceTemplateId: 3, paymentTermsInDays: 30 },
    },
  ],
};

test('2. cross-field rules on submit, then the customer is created with exactly the typed body', async () => {
  await page.getByLabel('Postcode').fill('SW1A 1AA');
  await assertValid(page.getByLabel('Postcode'));
  await page.getByLabel('Telephone').fill('0044 20 7946 0000');
  await assertValid(page.getByLabel('Telephone'));
  for (const name of ['customerName', 'customerAccountNumber', 'contractOwnerId', 'billingCycleId', 'startDate']) await control(`/${name}`).fill(String(BODY[name]));
  await control('/customerType').selectOption(BODY.customerType);
  const site = BODY.sites[0];
  for (const name of ['siteName', 'siteReference', 'startDate']) await control(`/sites/0/${name}`).fill(site[name]);
  for (const [name, value] of Object.entries(site.siteAddress)) await control(`/sites/0/siteAddress/${name}`).fill(value);
  await contact(0, 'contactName').fill('Ann Lee');
  await contact(0, 'contactRole').selectOption('ACCOUNTS');
  await contact(0, 'contactNameToAppearOnInvoice').check();

  // Two more contacts, the third removed again; both remaining on the invoice (one too many).
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await contact(2, 'contactName').fill('Temp');
  await page.getByRole('button', { name: 'Remove contact 3' }).click();
  assert.equal(await contact(2, 'contactName').count(), 0);
  assert.equal(await contact(0, 'contactName').inputValue(), 'Ann Lee', 'kept through renumbering');
  await contact(1, 'contactName').fill('Bob Roe');
  await contact(1, 'contactRole').selectOption('TECHNICAL');
  await contact(1, 'contactEmailAddress').fill('bob@example.co.uk');
  await contact(1, 'contactNameToAppearOnInvoice').check();
  await page.getByLabel('This site receives invoices').check();
  await control('/sites/0/siteInvoiceDetails/invoiceTemplateId').fill('3');

  await page.getByRole('button', { name: 'Create customer' }).click();
  assert.match(await page.locator('#onboard-summary h3').textContent(), /^4 problems to fix before sending$/);
  assert.match(await invalidMessage(contact(0, 'receiveInvoiceBy')), /Receive invoice by is required when Name on invoice is true/);
  assert.match(await invalidMessage(contact(1, 'receiveInvoiceBy')), /Receive invoice by is required/);
  assert.match(await invalidMessage(contact(1, 'contactNameToAppearOnInvoice')), /Only one contact of a site can appear on the invoice; contact 1 already has/);
  assert.match(await invalidMessage(control('/sites/0/siteInvoiceDetails/paymentTermsInDays')), /Payment terms in days or Preferred payment day/);
  assert.equal(requestsTo('POST', '/v1/customers').length, 0, 'an invalid body is not sent');
  // Keyboard: the summary has the focus; its links move it to the field.
  await page.locator('#onboard-summary:focus').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.pointer), '/sites/0/siteContacts/0/receiveInvoiceBy');

  await contact(0, 'receiveInvoiceBy').selectOption('EMAIL');
  await contact(1, 'contactNameToAppearOnInvoice').uncheck();
  await control('/sites/0/siteInvoiceDetails/paymentTermsInDays').fill('30');
  await page.getByRole('button', { name: 'Create customer' }).click();

  const result = page.locator('#onboard-result .success');
  await result.waitFor();
  const posts = requestsTo('POST', '/v1/customers');
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0].body, BODY);
  assert.equal(posts[0].headers.authorization, `Bearer ${token}`);
  const created = demo.mock.records('customers').find((c) => c.customerAccountNumber === 'GAMMA-1');
  assert.match(await result.textContent(), new RegExp(`Customer ${created.id} “Gamma Telecom Ltd” created, with site ${created.sites[0].id} “Gamma HQ”`));
  await page.screenshot({ path: join(shots, 'demo-onboarding.png'), fullPage: true });
});

test('3. a server error is rendered readably, and goes next to the field it names', async () => {
  // The text shape such servers send: "Validation failed (field: message)".
  const message = 'Validation failed (customerAccountNumber: a customer with account number GAMMA-1 already exists)';
  demo.mock.fault('/v1/customers', { status: 409, body: { status: 409, error: 'Conflict', message } }, { method: 'POST' });
  await page.getByRole('button', { name: 'Create customer' }).click();
  const failure = page.locator('#onboard-result .failure');
  await failure.waitFor();
  const text = await failure.textContent();
  assert.match(text, /The server answered 409 \(conflict\)/);
  const [kind, status, request] = await failure.locator('dd').allTextContents();
  assert.deepEqual([kind, status], ['conflict', '409']);
  assert.equal(request, `POST ${demo.mockUrl}/v1/customers`);
  assert.ok(text.includes('a customer with account number GAMMA-1 already exists'), text);
  assert.equal(await invalidMessage(control('/customerAccountNumber')), 'a customer with account number GAMMA-1 already exists');
  assert.equal(requestsTo('POST', '/v1/customers').length, 2);
  await page.screenshot({ path: join(shots, 'demo-server-error.png'), fullPage: true });
});

test('4. the sites list pages through results and filters by name', async () => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sites' }).click();
  const total = demo.mock.records('sites').length;
  const status = page.locator('#sites-status');
  const filters = page.getByRole('search', { name: 'Filter sites' });
  const ids = () => page.locator('#sites-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.siteId)));
  await status.filter({ hasText: `Page 1 of ${Math.ceil(total / 10)} · ${total} sites` }).waitFor();

  await filters.getByLabel('Sites per page').selectOption('5');
  await status.filter({ hasText: `Page 1 of ${Math.ceil(total / 5)}` }).waitFor();
  assert.deepEqual(await ids(), [1, 2, 3, 4, 5]);
  await page.getByRole('button', { name: 'Next page' }).click();
  await status.filter({ hasText: 'Page 2 of' }).waitFor();
  assert.deepEqual(await ids(), [6, 7, 8, 9, 10]);
  assert.ok(requestsTo('GET', '/v1/sites').some((r) => r.query.page === '2' && r.query.pageSize === '5'));
  await page.getByRole('button', { name: 'Previous page' }).click();
  await status.filter({ hasText: 'Page 1 of' }).waitFor();
  assert.deepEqual(await ids(), [1, 2, 3, 4, 5]);
  assert.equal(await page.getByRole('button', { name: 'Previous page' }).isDisabled(), true);

  // A filter the query rules reject is flagged as typed and not sent.
  const customerId = filters.getByLabel('Customer id');
  await customerId.fill('abc');
  assert.match(await invalidMessage(customerId), /Customer ID: abc is not valid/);
  await customerId.fill('');
  await assertValid(customerId);

  await filters.getByLabel('Site name').fill('head%');
  await filters.getByRole('button', { name: 'Search' }).click();
  await status.filter({ hasText: /· 2 sites$/ }).waitFor();
  const names = await page.locator('#sites-table tbody tr td:nth-child(3)').allTextContents();
  assert.deepEqual(names, ['Head Office', 'Head Office']);
  assert.equal(requestsTo('GET', '/v1/sites').at(-1).query.siteName, 'like:head%');
});

test('5. a site edit is checked with validatePatch, then sent as a JSON Patch', async () => {
  await page.getByRole('button', { name: 'Edit site 1 Head Office' }).click();
  const endDate = page.getByLabel('End date');
  await endDate.fill('2025-02-30');
  assert.match(await invalidMessage(endDate), /End date must be a real date/);
  assert.match(await page.locator('#edit-issues').textContent(), /\/endDate.*format/);
  assert.deepEqual(JSON.parse(await page.locator('#edit-ops').textContent()), [{ op: 'add', path: '/endDate', value: '2025-02-30' }]);
  await page.getByRole('button', { name: 'Save changes' }).click();
  assert.equal(requestsTo('PATCH', '/v1/sites/1').length, 0, 'an invalid edit is not sent');

  await endDate.fill('2025-12-31');
  await assertValid(endDate);
  assert.equal(JSON.parse(await page.locator('#edit-document').textContent()).endDate, '2025-12-31');
  await page.getByLabel('Also end the site’s inventories').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#edit-result .success').filter({ hasText: 'Site 1 updated' }).waitFor();
  const patches = requestsTo('PATCH', '/v1/sites/1');
  assert.equal(patches.length, 1);
  assert.match(patches[0].headers['content-type'], /^application\/json-patch\+json/);
  assert.equal(patches[0].headers.cascade_end_date, 'true');
  assert.deepEqual(patches[0].body, [{ op: 'add', path: '/endDate', value: '2025-12-31' }]);
  await page.locator('#sites-table tr[data-site-id="1"] td:nth-child(6)').filter({ hasText: '2025-12-31' }).waitFor();

  // The mock's own 409: another site of the customer has this reference; shown by the field.
  const reference = control('/siteReference', '#site-edit-form');
  await reference.fill('S-2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#edit-result .failure').filter({ hasText: 'The server answered 409 (conflict)' }).waitFor();
  assert.equal(await invalidMessage(reference), 'siteReference "S-2" already exists for customerId 1');
  assert.deepEqual(requestsTo('PATCH', '/v1/sites/1').at(-1).body, [{ op: 'replace', path: '/siteReference', value: 'S-2' }]);
  await page.screenshot({ path: join(shots, 'demo-sites.png'), fullPage: true });
});

test('settings: the base URL and a masked token; a wrong token shows the server\'s 401', async () => {
  await page.getByText('Settings').click();
  const baseUrl = page.getByLabel('API base URL');
  const tokenInput = page.getByLabel('API token');
  assert.equal(await baseUrl.inputValue(), demo.mockUrl);
  assert.equal(await tokenInput.getAttribute('type'), 'password');

  await baseUrl.fill('not a url');
  await page.getByRole('button', { name: 'Apply' }).click();
  assert.match(await invalidMessage(baseUrl), /baseUrl must be an absolute http\(s\) URL/);

  await baseUrl.fill(demo.mockUrl);
  await tokenInput.fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  assert.match(await invalidMessage(tokenInput), /the token is empty/);
  await assertValid(baseUrl);
  await tokenInput.fill('wrong-token');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#sites-problem .failure').filter({ hasText: 'The server answered 401 (unauthorized)' }).waitFor();

  await page.getByText('Settings').click();
  await tokenInput.fill(token);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#sites-table tbody tr').first().waitFor();
  assert.equal(await page.locator('#sites-problem').textContent(), '');
});

test('the token never appears in the page or its console', async () => {
  assert.ok(token && token.length > 10);
  assert.equal((await page.content()).includes(token), false);
  assert.equal(await page.evaluate((t) => document.body.innerText.includes(t), token), false);
  assert.equal(consoleLines.some((l) => l.includes(token)), false);
  assert.deepEqual(consoleLines.filter((l) => l.startsWith('pageerror')), []);
});
