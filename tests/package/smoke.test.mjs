// The package as users get it: `npm pack` pkg/, install the tarball into a fresh project, then
// import it from Node ESM, Node CommonJS, type-check strict TypeScript consumers (nodenext and
// bundler resolution), and run it in headless Chromium through a Vite build (page and module
// Web Worker) and as plain ESM served without a bundler. Run after `npm run build`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDir } from '../support/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'target', 'smoke');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const sh = (cmd, args, cwd = work) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const SITE = {
  customerId: 12,
  siteName: 'Head Office',
  siteReference: 'HO-1',
  startDate: '2024-01-01',
  siteAddress: { address1: '1 High Street', town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
  siteContacts: [{ contactName: 'Jane', contactRole: 'ACCOUNTS', contactTelephoneNumber: '+44 20 7946 0000' }],
};

let browser;

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const tarball = sh('npm', ['pack', join(root, 'pkg'), '--pack-destination', work, '--silent']).trim().split('\n').pop();
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--offline', join(work, tarball)]);
});

after(async () => {
  await browser?.close();
});

test('the tarball holds exactly the files package.json lists', () => {
  const installed = join(work, 'node_modules', 'elevate-billing');
  const files = readdirSync(installed).sort();
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  // npm always adds package.json, README and LICENSE; everything else must be listed.
  const expected = [...manifest.files.map((f) => f.replace(/\/$/, '')), 'package.json', 'README.md', 'LICENSE'];
  assert.deepEqual(files, [...new Set(expected)].sort());
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, 'a single .wasm');
  // The entries the exports map points at are all there.
  const leaves = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(leaves));
  const targets = leaves(manifest.exports).map((t) => t.slice(2));
  for (const t of targets) assert.ok(existsSync(join(installed, t)), `exports names ${t}`);
  assert.ok(existsSync(join(installed, manifest.bin['elevate-billing'])), 'the bin');
});

test('Node ESM: import works at once, ready is resolved, calls go through', () => {
  writeFileSync(
    join(work, 'esm.mjs'),
    `import { ready, init, validate } from 'elevate-billing';
import * as again from 'elevate-billing';
await ready; await init(); await init();
const r = validate('Site', ${JSON.stringify(SITE)});
console.log(JSON.stringify({ valid: r.valid, codes: r.errors.map((e) => e.path + ' ' + e.code), same: again.validate === validate }));`,
  );
  const out = JSON.parse(sh('node', ['esm.mjs']));
  assert.deepEqual(out, { valid: false, codes: ['/siteContacts/0/contactTelephoneNumber pattern'], same: true });
});

test('Node CommonJS: require works and shares the ESM instance', () => {
  writeFileSync(
    join(work, 'cjs.cjs'),
    `const eb = require('elevate-billing');
eb.ready.then(async () => {
  const esm = await import('elevate-billing');
  eb.setPattern('POSTCODE', '[0-9]+');
  const viaEsm = esm.validateField('Address', '/postcode', 'AB1').valid;
  eb.resetPattern();
  console.log(JSON.stringify({ valid: eb.validate('Address', ${JSON.stringify(SITE.siteAddress)}).valid, viaEsm }));
});`,
  );
  assert.deepEqual(JSON.parse(sh('node', ['cjs.cjs'])), { valid: true, viaEsm: false });
});

test('TypeScript: strict consumers type-check with nodenext (ESM and CJS) and bundler resolution', () => {
  const consumer = `import { validate, validateField, formatMessage, ready, init, type Site, type ValidationIssue, type SchemaName, type CustomerType } from 'elevate-billing';
await ready; await init();
const site: Site = ${JSON.stringify(SITE)};
const name: SchemaName = 'Site';
const kind: CustomerType = 'BUSINESS';
const r = validate(name, site, { abortEarly: false, unknownFields: 'report' });
const first: ValidationIssue | undefined = r.errors[0];
const msg: string | undefined = first && formatMessage(first);
const f: boolean = validateField('Site', '/siteName', 'x').valid;
// @ts-expect-error: not a schema name
validate('Nope', {});
// @ts-expect-error: not a CustomerType
const bad: CustomerType = 'PERSON';
export { msg, f, kind, bad };
`;
  // The Node-only additions: CSV, createMany, the mock and its controls.
  const nodeConsumer = `import { validateCsv, ElevateClient, ElevateApiError, type CsvReport, type CreateOutcome, type Site } from 'elevate-billing';
import { startMock, type ElevateMock } from 'elevate-billing/mock';
import { mockControl } from 'elevate-billing/mock/control';
const report: CsvReport = validateCsv('siteName\\nA', 'Site', { delimiter: ',' });
const column: string | null | undefined = report.invalidRecords[0]?.errors[0]?.column;
const mock: ElevateMock = await startMock({ port: 0, seed: { sites: [] } });
const client = new ElevateClient({ baseUrl: mock.url, token: 't' });
const outcomes: CreateOutcome<Site>[] = await client.sites.createMany([], { concurrency: 2, onProgress: (p) => p.done });
const first = outcomes[0];
const retryAfter: number | null | undefined = first?.status === 'rejected' && first.reason instanceof ElevateApiError ? first.reason.retryAfter : undefined;
await mockControl(mock.url).reset();
await mock.close();
export { column, retryAfter };
`;
  const cjsConsumer = `import eb = require('elevate-billing');
const r: boolean = eb.validate('Address', {}).valid;
const s: eb.Site | undefined = undefined;
export = { r, s };
`;
  for (const [dir, options, files] of [
    ['ts-nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, { 'main.mts': consumer, 'legacy.cts': cjsConsumer, 'node.mts': nodeConsumer }],
    // A Node project with no DOM library and no @types/node: the Node typings must not need them.
    ['ts-node-no-dom', { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'] }, { 'main.mts': consumer, 'legacy.cts': cjsConsumer }],
    ['ts-bundler', { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] }, { 'main.ts': consumer }],
  ]) {
    const d = join(work, dir);
    mkdirSync(d, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
    writeFileSync(
      join(d, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', skipLibCheck: false, noUnusedLocals: true, types: [], ...options },
        include: ['*.ts', '*.mts', '*.cts'],
      }),
    );
    try {
      sh(bin('tsc'), ['-p', d]);
    } catch (e) {
      assert.fail(`tsc ${dir} failed:\n${e.stdout}${e.stderr}`);
    }
  }
});

test('Node: the command line and the mock from the installed package', async () => {
  const cli = join(work, 'node_modules', '.bin', 'elevate-billing');
  const help = sh(cli, ['--help']);
  assert.match(help, /validate FILE\.\.\. --schema NAME/);
  writeFileSync(join(work, 'sites.csv'), 'siteName,siteReference\nHead Office,HO-1\n<bad>,HO-2\n');
  const run = (args) => {
    try {
      return { status: 0, out: sh(cli, args) };
    } catch (e) {
      return { status: e.status, out: `${e.stdout}${e.stderr}` };
    }
  };
  const v = run(['validate', 'sites.csv', '--schema', 'Site']);
  assert.equal(v.status, 1, v.out);
  assert.match(v.out, /sites\.csv:3: siteName: /);
  assert.match(v.out, /sites\.csv: 2 records, 0 valid, 2 invalid/);
  writeFileSync(
    join(work, 'mock.mjs'),
    `import { startMock } from 'elevate-billing/mock';
import { ElevateClient } from 'elevate-billing';
const mock = await startMock();
const sites = await new ElevateClient({ baseUrl: mock.url + '/v1', token: 'any' }).sites.list({ page: 1, pageSize: 2 });
await mock.close();
console.log(JSON.stringify(sites.map((s) => s.id)));`,
  );
  assert.deepEqual(JSON.parse(sh('node', ['mock.mjs'])), [1, 2]);
});

test('browser: a Vite build runs in headless Chromium, in the page and in a module worker', async () => {
  const app = join(work, 'vite-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>smoke</title><script type="module" src="./main.js"></script>');
  writeFileSync(
    join(app, 'main.js'),
    `import { ready, validate } from 'elevate-billing';
let early;
try { validate('Site', {}); early = 'no error'; } catch (e) { early = e.message; }
await ready;
const page = validate('Site', ${JSON.stringify(SITE)}).errors.map((e) => e.code);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const fromWorker = await new Promise((resolve) => { worker.onmessage = (m) => resolve(m.data); worker.postMessage(${JSON.stringify(SITE)}); });
window.__result = { early, page, fromWorker };`,
  );
  writeFileSync(
    join(app, 'worker.js'),
    `import { ready, validate } from 'elevate-billing';
self.onmessage = async (m) => { await ready; self.postMessage(validate('Site', m.data).errors.map((e) => e.message)); };`,
  );
  try {
    sh(bin('vite'), ['build', '--logLevel', 'error', '--outDir', 'dist'], app);
  } catch (e) {
    assert.fail(`vite build failed:\n${e.stdout}${e.stderr}`);
  }
  browser ??= await launchBrowser();
  const server = await serveDir(join(app, 'dist'));
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/index.html');
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.match(result.early, /await ready/);
    assert.deepEqual(result.page, ['pattern']);
    assert.equal(result.fromWorker.length, 1);
    assert.match(result.fromWorker[0], /cannot contain '\+'/);
  } finally {
    await server.close();
  }
});

test('browser: plain ESM without a bundler, with init() from a custom URL', async () => {
  const site = join(work, 'plain');
  mkdirSync(join(site, 'cdn'), { recursive: true });
  const pkgDir = join(work, 'node_modules', 'elevate-billing');
  // The .wasm served from elsewhere (a "CDN" path), the entry from the package folder.
  execFileSync('cp', ['-r', pkgDir, join(site, 'lib')]);
  execFileSync('cp', [join(pkgDir, 'elevate_billing_bg.wasm'), join(site, 'cdn', 'x.wasm')]);
  execFileSync('rm', [join(site, 'lib', 'elevate_billing_bg.wasm')]);
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><script type="module">
import { init, ready, validate } from './lib/index.js';
await init(new URL('./cdn/x.wasm', location.href));
await ready;
window.__result = validate('Address', ${JSON.stringify(SITE.siteAddress)});
</script>`,
  );
  browser ??= await launchBrowser();
  const server = await serveDir(site);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/index.html');
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.deepEqual(result, { valid: true, errors: [] });
  } finally {
    await server.close();
  }
});
