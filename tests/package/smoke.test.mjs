// The package as users get it: `npm pack` pkg/, install the tarball into a fresh project, then
// check what the environment matrix (tests/env) does not: the files and export lists, one
// instance for Node's import and require, the forms entry without WebAssembly, and plain ESM
// served without a bundler. Run after `npm run build`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
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
  // Every file the exports map points at is there.
  const targets = [];
  JSON.stringify(manifest.exports, (k, v) => (typeof v === 'string' && v.startsWith('./') && targets.push(v.slice(2)), v));
  for (const t of targets) assert.ok(files.includes(t), `exports names ${t}`);
});

test('node.mjs exports exactly what index.js exports, and forms.js a part of it', async () => {
  const dir = join(work, 'node_modules', 'elevate-billing');
  const names = (m) => Object.keys(m).sort();
  const esm = await import(join(dir, 'index.js'));
  const node = await import(join(dir, 'node.mjs'));
  assert.deepEqual(names(node), names(esm));
  const forms = await import(join(dir, 'forms.js'));
  assert.deepEqual(names(forms), ['describeField', 'formatMessage', 'isValid', 'schemaNames', 'validate', 'validateField']);
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

test('the forms entry ships no WebAssembly: a bundle of it holds no engine', async () => {
  const entry = join(work, 'forms-entry.mjs');
  writeFileSync(entry, "import { validate } from 'elevate-billing/forms';\nconsole.log(validate('Site', {}).valid);\n");
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, absWorkingDir: work });
  const text = out.outputFiles[0].text;
  assert.ok(!/WebAssembly\.(Module|compile|instantiate|Instance)/.test(text), 'no WebAssembly is compiled');
  assert.ok(!/[A-Za-z0-9+/]{4096}/.test(text), 'no embedded module');
  assert.ok(text.length < 200_000, `the forms bundle is ${text.length} bytes`);
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
    assert.deepEqual(result, { before: { valid: true, errors: [] }, reference: true });
  } finally {
    await server.close();
  }
});
