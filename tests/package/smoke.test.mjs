// The package as users get it: `npm pack` pkg/, install the tarball into a fresh project, then
// check what the environment matrix (tests/env) does not: the files and export lists, one
// instance for Node's import and require, the forms entry without WebAssembly, and plain ESM
// served without a bundler. Run after `npm run build`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

test('node.mjs and node.cjs export exactly what index.js exports, forms.js and node-forms.mjs a part of it', async () => {
  const dir = join(work, 'node_modules', 'elevate-billing');
  const names = (m) => Object.keys(m).sort();
  const esm = await import(join(dir, 'index.js'));
  const node = await import(join(dir, 'node.mjs'));
  assert.deepEqual(names(node), names(esm));
  assert.deepEqual(JSON.parse(sh('node', ['-p', `JSON.stringify(Object.keys(require(${JSON.stringify(join(dir, 'node.cjs'))})).sort())`])), names(esm));
  const formNames = ['describeField', 'formBody', 'formatMessage', 'isValid', 'schemaNames', 'schemas', 'standardSchema', 'validate', 'validateField', 'validatePatch', 'validateQuery'];
  assert.deepEqual(names(await import(join(dir, 'forms.js'))), formNames);
  assert.deepEqual(names(await import(join(dir, 'node-forms.mjs'))), formNames);
});

test('Node: the forms entry loads the form path only; the rest loads on first use, once', () => {
  writeFileSync(
    join(work, 'lazy.mjs'),
    `import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).map((f) => f.split('/').pop()).filter((f) => f.startsWith('node')).sort();
const forms = await import('elevate-billing/forms');
const valid = forms.validate('Address', ${JSON.stringify(SITE.siteAddress)}).valid;
const first = loaded();
const described = forms.describeField('Site', '/siteName').maxLength;
const afterDescribe = loaded();
const eb = (await import('elevate-billing')).validateNdjson('{}\\n', 'Site').invalidLines.length;
console.log(JSON.stringify({ valid, first, described, afterDescribe, eb, last: loaded() }));`,
  );
  assert.deepEqual(JSON.parse(sh('node', ['lazy.mjs'])), {
    valid: true,
    first: ['node-core.cjs', 'node.cjs'],
    described: 100,
    afterDescribe: ['node-core.cjs', 'node-describe.cjs', 'node.cjs'],
    eb: 1,
    last: ['node-core.cjs', 'node-describe.cjs', 'node-engine.cjs', 'node-glue.cjs', 'node-snapshot.cjs', 'node.cjs'],
  });
});

test('Node: import and require share one instance (a pattern set through one is in force in the other)', () => {
  writeFileSync(
    join(work, 'cjs.cjs'),
    `const eb = require('elevate-billing');
(async () => {
  const esm = await import('elevate-billing');
  const forms = await import('elevate-billing/forms');
  eb.setPattern('POSTCODE', '[0-9]+');
  const viaEsm = esm.validateField('Address', '/postcode', 'AB1').valid;
  const viaForms = forms.validateField('Address', '/postcode', 'AB1').valid;
  eb.resetPattern();
  console.log(JSON.stringify({ valid: eb.validate('Address', ${JSON.stringify(SITE.siteAddress)}).valid, viaEsm, viaForms }));
})();`,
  );
  assert.deepEqual(JSON.parse(sh('node', ['cjs.cjs'])), { valid: true, viaEsm: false, viaForms: false });
});

/** `source`, written as `name` in the consumer, bundled for a browser by esbuild, minified. */
async function bundle(name, source) {
  const entry = join(work, name);
  writeFileSync(entry, source);
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, absWorkingDir: work });
  return out.outputFiles[0].text;
}

test('the forms entry ships no WebAssembly: a bundle of it holds no engine', async () => {
  const text = await bundle('forms-entry.mjs', "import { validate } from 'elevate-billing/forms';\nconsole.log(validate('Site', {}).valid);\n");
  assert.ok(!/WebAssembly\.(Module|compile|instantiate|Instance)/.test(text), 'no WebAssembly is compiled');
  assert.ok(!/[A-Za-z0-9+/]{4096}/.test(text), 'no embedded module');
  // issue 10: a form app at most 100 KB gzip in all (bench/README.md measures the real app).
  const gz = gzipSync(text, { level: 9 }).length;
  assert.ok(gz < 100_000, `the forms bundle is ${gz} bytes gzip`);
  // Only the tables validate reads: the generated ones are marked pure, so describeField's
  // descriptions and the endpoint tables are dropped, and come back with describeField.
  assert.ok(!text.includes('Customer identifier'), "describeField's descriptions are in a bundle that only validates");
  assert.ok(!text.includes('GET /customers'), 'the endpoint tables are in a bundle that only validates');
  const described = await bundle('forms-describe.mjs', "import { describeField } from 'elevate-billing/forms';\nconsole.log(describeField('Site', '/siteName'));\n");
  assert.ok(described.includes('Customer identifier'), "describeField's descriptions are missing where it is imported");
});

test('an app with the form functions and the client carries the form path once: the engine shares core.js', async () => {
  const text = await bundle('both-entry.mjs', "import { validate, ElevateClient } from 'elevate-billing';\nconsole.log(validate('Site', {}).valid, typeof ElevateClient);\n");
  // The tables of limits, patterns, templates and labels: once, whichever half uses them.
  const limits = text.match(/maxPatchedBytes"?:16777216/g) ?? [];
  assert.equal(limits.length, 1, `the form path's tables are bundled ${limits.length} times`);
});

test('TypeScript: the Node-only additions (CSV, createMany, the mock) type-check, strict', () => {
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
  const d = join(work, 'ts-node-extras');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'node.mts'), nodeConsumer);
  writeFileSync(
    join(d, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', skipLibCheck: false, noUnusedLocals: true, types: [], module: 'nodenext', moduleResolution: 'nodenext' },
      include: ['*.mts'],
    }),
  );
  try {
    sh(bin('tsc'), ['-p', d]);
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
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
import { init, ready, validate, validateProductReference } from './lib/index.js';
const before = validate('Address', ${JSON.stringify(SITE.siteAddress)});
await init(new URL('./cdn/x.wasm', location.href));
await ready;
window.__result = { before, reference: validateProductReference('[0-9]{3}', '123').valid };
</script>`,
  );
  browser ??= await launchBrowser();
  const server = await serveDir(site);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/index.html');
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.deepEqual(result, { before: { valid: true, errors: [], value: SITE.siteAddress }, reference: true });
  } finally {
    await server.close();
  }
});
