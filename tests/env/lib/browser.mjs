// @ts-check
// Headless Chromium, launched once per run and shared by every browser case (Debian's build,
// with the flags of webdriver.json, through tests/support/browser.mjs), and a static file
// server that can add response headers (the CSP cases).

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { launchBrowser } from '../../support/browser.mjs';

/** @type {Promise<import('playwright-core').Browser> | null} */
let shared = null;
let launchMs = 0;

/** The run's Chromium, launched on first use. */
export function browser() {
  if (!shared) {
    const started = Date.now();
    shared = launchBrowser().then((b) => {
      launchMs = Date.now() - started;
      return b;
    });
  }
  return shared;
}

/** @returns {number} how long the launch took, 0 if none happened */
export const browserLaunchMs = () => launchMs;

export async function closeBrowser() {
  if (shared) await (await shared).close();
  shared = null;
}

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
});

/**
 * Serves `dir` read-only on 127.0.0.1, `index.html` for directories, with `headers` on every
 * response.
 * @param {string} dir
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serve(dir, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

/**
 * @typedef {{ result: { ok: boolean, details: Record<string, any> } | null, problems: string[], ms: number }} PageOutcome
 */

/**
 * Opens `url` in a fresh context and waits for the case's result (`globalThis.__envResult`,
 * set by check.mjs). Page errors, console errors and failed or 4xx/5xx requests are collected,
 * since a package that fails to load never gets as far as a result.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [opts]
 * @returns {Promise<PageOutcome>}
 */
export async function resultOfPage(url, { timeoutMs = 30_000 } = {}) {
  const started = Date.now();
  const context = await (await browser()).newContext();
  /** @type {string[]} */
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.name}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    // Poll for the result; a page that has thrown gets a short grace, not the whole timeout.
    const deadline = Date.now() + timeoutMs;
    let result = null;
    let graceUntil = Infinity;
    while (Date.now() < Math.min(deadline, graceUntil)) {
      result = await page.evaluate(() => /** @type {any} */ (globalThis).__envResult ?? null);
      if (result) break;
      if (graceUntil === Infinity && problems.some((p) => p.startsWith('page error'))) graceUntil = Date.now() + 3000;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { result, problems: [...new Set(problems)], ms: Date.now() - started };
  } catch (e) {
    problems.push(`navigation: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return { result: null, problems, ms: Date.now() - started };
  } finally {
    await context.close();
  }
}
