// examples/react-hook-form (React + react-hook-form with the package's Standard Schema resolver)
// built with esbuild and driven in headless Chromium against the package's mock: the messages
// appear by their fields as the package words them, what the inputs hold becomes the request
// body by the model, and the server's 409 goes next to the field it names. Run after `npm run build`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDir } from '../support/browser.mjs';
import { buildExample } from '../../examples/react-hook-form/build.mjs';
import { startMock } from '../../pkg/mock/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = join(root, 'target', 'react-example');
const TOKEN = 'react-example-token';
let mock;
let server;
let browser;
let page;
const problems = [];

/** The input (or select) labelled `label` inside the fieldset `legend`, or at the top. */
const input = (label, legend) => (legend ? page.getByRole('group', { name: legend }) : page.locator('form')).getByLabel(label, { exact: true }).first();
/** The message shown for the control named `name` (react-hook-form's dotted name). */
const message = (name) => page.locator(`[id="${name}-error"]`);

before(async () => {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  await buildExample(site);
  mock = await startMock({ port: 0, token: TOKEN });
  writeFileSync(join(site, 'config.json'), JSON.stringify({ baseUrl: mock.url, token: TOKEN }));
  server = await serveDir(site);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  // The browser logs the 409 the last test provokes; anything else is a problem.
  page.on('console', (m) => m.type() === 'error' && !/status of 409/.test(m.text()) && problems.push(m.text()));
  await page.goto(`${server.url}/index.html`);
  await page.getByRole('heading', { name: 'Add a site' }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mock?.close();
});

test('the example type-checks, strict, against the package typings', () => {
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'examples', 'react-hook-form')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

test('an untouched form: one message per required field, in the package\'s words, nothing sent', async () => {
  await page.getByRole('button', { name: 'Create site' }).click();
  await message('siteName').waitFor();
  assert.equal(await message('customerId').textContent(), 'Customer ID is required.');
  assert.equal(await message('siteName').textContent(), 'Site name is required.');
  assert.equal(await message('siteAddress').textContent(), 'Site address is required.');
  // An object or item whose inputs are all empty is absent (formBody, as CSV rows): one message.
  assert.equal(await message('siteContacts').textContent(), 'Site contacts is required.');
  assert.equal(await message('siteAddress.postcode').count(), 0);
  await input('Name', 'Contact 1').fill('Jane Doe');
  await page.getByRole('button', { name: 'Create site' }).click();
  await message('siteContacts.0.contactRole').waitFor();
  assert.equal(await message('siteContacts.0.contactRole').textContent(), 'Contact role is required.');
  assert.equal(await message('siteContacts.0.contactTelephoneNumber').count(), 0, 'an optional field left empty is fine');
  assert.equal(await input('Site name').getAttribute('aria-invalid'), 'true');
  assert.equal(mock.requests.filter((r) => r.method === 'POST').length, 0);
});

test('wrong values: the issues say what is wrong, by the field', async () => {
  await input('Customer ID').fill('twelve');
  await input('Site name').fill('Leeds <Branch>');
  await input('E-mail', 'Contact 1').fill('jane@example');
  await input('Telephone', 'Contact 1').fill('+44 113 496 0000');
  await input('Country', 'Site address').fill('uk');
  await page.getByRole('button', { name: 'Create site' }).click();
  await message('customerId').filter({ hasText: 'digits' }).waitFor();
  assert.equal(await message('customerId').textContent(), 'Customer ID must be a whole number, written with digits only.');
  assert.match(await message('siteName').textContent(), /^Site name cannot contain '<'/);
  assert.equal(await message('siteContacts.0.contactEmailAddress').textContent(), 'Contact e-mail address needs a full domain after the @, with a dot, as in example.co.uk.');
  assert.match(await message('siteContacts.0.contactTelephoneNumber').textContent(), /cannot contain '\+'.*0044 113 496 0000/);
  assert.match(await message('siteAddress.country').textContent(), /two capital letters: UK/);
});

test('a valid form sends the body the model describes; a second with the same reference gets the server\'s 409 by its field', async () => {
  await input('Customer ID').fill('1');
  await input('Site name').fill('Leeds Branch');
  await input('Site reference').fill('LEEDS-1');
  await input('Start date (yyyy-MM-dd)').fill('2025-03-01');
  await input('Address line 1', 'Site address').fill('1 Park Row');
  await input('Town', 'Site address').fill('Leeds');
  await input('Postcode', 'Site address').fill('LS1 5AB');
  await input('Country', 'Site address').fill('GB');
  await input('Name', 'Contact 1').fill('Jane Doe');
  await input('Role', 'Contact 1').selectOption('ACCOUNTS');
  await input('Telephone', 'Contact 1').fill('0113 496 0000');
  await input('E-mail', 'Contact 1').fill('jane@example.co.uk');
  await page.getByRole('button', { name: 'Add a contact' }).click(); // left empty: dropped
  await page.getByRole('button', { name: 'Create site' }).click();
  await page.getByRole('status').filter({ hasText: 'created' }).waitFor();
  const posts = mock.requests.filter((r) => r.method === 'POST' && r.path === '/v1/sites');
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0].body, {
    customerId: 1,
    siteName: 'Leeds Branch',
    siteReference: 'LEEDS-1',
    startDate: '2025-03-01',
    siteAddress: { address1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB', country: 'GB' },
    siteContacts: [{ contactName: 'Jane Doe', contactRole: 'ACCOUNTS', contactTelephoneNumber: '0113 496 0000', contactEmailAddress: 'jane@example.co.uk' }],
  });
  const created = mock.records('sites').find((s) => s.siteReference === 'LEEDS-1');
  assert.match(await page.getByRole('status').textContent(), new RegExp(`Site ${created.id} “Leeds Branch” created`));

  await page.getByRole('button', { name: 'Create site' }).click();
  await message('siteReference').waitFor();
  assert.equal(await message('siteReference').textContent(), 'siteReference "LEEDS-1" already exists for customerId 1');
  assert.equal(await input('Site reference').getAttribute('aria-invalid'), 'true');
  assert.equal(mock.requests.filter((r) => r.method === 'POST' && r.path === '/v1/sites').length, 2);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results', 'react-example.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
