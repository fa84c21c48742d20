// The API client against the package's mock (elevate-billing/mock), twice with the same scenarios
// (client-scenarios.mjs): in Node through pkg/node.mjs, and in headless Chromium through
// pkg/index.js served to a page on another origin (so CORS is part of the test).
// Run after `npm run build`.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import * as api from '../../pkg/node.mjs';
import { startMock } from '../../pkg/mock/index.mjs';
import { mockControl } from '../../pkg/mock/control.mjs';
import { launchBrowser, serveDir } from '../support/browser.mjs';
import { clientScenarios, TOKEN } from './client-scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const server = await startMock({ token: TOKEN });
// A second mock on another origin, which no scenario has reached before: in a browser, what
// a request blocked by CORS looks like is tried against it.
const fresh = await startMock({ token: TOKEN });
after(() => Promise.all([server.close(), fresh.close()]));

describe('client in Node', () => {
  for (const s of clientScenarios({ api, url: server.url, mock: mockControl(server.url), fresh: { url: fresh.url, mock: mockControl(fresh.url) }, inspect })) {
    test(s.name, s.run);
  }
});

describe('client in headless Chromium', () => {
  const names = clientScenarios({ api, url: '', mock: null, fresh: {} }).map((s) => s.name);
  let results;
  let browser;
  let site;

  before(async () => {
    const stage = join(root, 'target', 'client-browser');
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    cpSync(join(root, 'pkg'), join(stage, 'pkg'), { recursive: true });
    cpSync(join(here, 'client-scenarios.mjs'), join(stage, 'client-scenarios.mjs'));
    writeFileSync(
      join(stage, 'index.html'),
      `<!doctype html><title>client scenarios</title><script type="module">
import * as api from './pkg/index.js';
import { mockControl } from './pkg/mock/control.mjs';
import { clientScenarios } from './client-scenarios.mjs';
await api.ready;
const url = new URL(location.href).searchParams.get('mock');
const freshUrl = new URL(location.href).searchParams.get('fresh');
const results = [];
for (const s of clientScenarios({ api, url, mock: mockControl(url), fresh: { url: freshUrl, mock: mockControl(freshUrl) } })) {
  try { await s.run(); results.push({ name: s.name, ok: true }); }
  catch (e) { results.push({ name: s.name, ok: false, error: String((e && e.stack) || e) }); }
}
window.__results = results;
</script>`,
    );
    site = await serveDir(stage);
    browser = await launchBrowser();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/index.html?mock=${encodeURIComponent(server.url)}&fresh=${encodeURIComponent(fresh.url)}`);
    const handle = await page
      .waitForFunction(() => window.__results, null, { timeout: 180_000 })
      .catch((e) => assert.fail(`the page did not finish: ${e.message}; page errors: ${errors.join('; ')}`));
    results = await handle.jsonValue();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const name of names) {
    test(name, () => {
      const r = results.find((x) => x.name === name);
      assert.ok(r, 'the scenario ran');
      assert.ok(r.ok, r.error);
    });
  }
});

// The error contract: ClientError::JS_CLASSES (src/client/error.rs), generated into
// core/gen/client.js, names for every descriptor type a class the package exports (the
// descriptors' members are held to client.d.ts by src/client/javascript.rs).
test('every error descriptor type becomes an exported error class', async () => {
  const { ERROR_CLASSES } = await import('../../src/js/core/gen/client.js');
  assert.deepEqual(Object.keys(ERROR_CLASSES).sort(), ['aborted', 'api', 'network', 'timeout', 'token', 'unvalidatable', 'usage', 'validation']);
  for (const [type, name] of Object.entries(ERROR_CLASSES)) {
    if (name === 'TypeError') continue;
    const Class = api[name];
    assert.equal(typeof Class, 'function', `${type}: the package exports no ${name}`);
    assert.ok(new Class('m', {}) instanceof api.ElevateError, `${type}: ${name} is an ElevateError`);
  }
});

// The filter forms: every operator the endpoint table's filter kinds accept (generated into
// core/gen/endpoints.js from src/endpoints) has a builder in the package that writes it.
test('every filter operator has a builder', async () => {
  const { FILTER_KINDS } = await import('../../src/js/core/gen/endpoints.js');
  const operators = new Set(FILTER_KINDS.flatMap((k) => k.operators ?? []));
  assert.deepEqual([...operators].sort(), ['gt', 'gtn', 'in', 'like', 'lt']);
  for (const op of operators) {
    const build = api[op === 'in' ? 'inList' : op];
    assert.equal(build(op === 'in' ? ['2024-01-01'] : '2024-01-01'), `${op}:2024-01-01`);
  }
});
