// Section 3: time to first validate in headless Chromium with a phone profile. Each app of
// section 2 is served from loopback (gzip -9, as a static host sends it) and loaded in a fresh
// context with, through a CDP session: 1.6 Mbps down / 750 kbps up, 150 ms RTT
// (Network.emulateNetworkConditions), CPU slowed 4× (Emulation.setCPUThrottlingRate), cache
// disabled. The page records `performance.now()` (from navigation start) when its first
// validate result is ready; the median over interleaved runs is reported, with when the HTML
// and the last script had arrived (resource timing), to show download against run time.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.mjs';
import { APPS } from './apps.mjs';
import { fmt, median, progress } from './lib.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves `dir` on 127.0.0.1, gzip -9 when the browser accepts it. */
function serveCompressed(dir) {
  /** @type {Map<string, { body: Buffer, gzip: Buffer } | null>} */
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!cache.has(file)) {
      try {
        const body = readFileSync(file);
        cache.set(file, { body, gzip: gzipSync(body, { level: 9 }) });
      } catch {
        cache.set(file, null);
      }
    }
    const hit = cache.get(file);
    if (!hit) return void res.writeHead(404).end('not found');
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? hit.gzip : hit.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

export const PHONE = { downMbps: 1.6, upMbps: 0.75, rttMs: 150, cpuSlowdown: 4 };

/**
 * One load of `url` under the phone profile.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
async function firstValidate(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.rttMs,
      downloadThroughput: (PHONE.downMbps * 1e6) / 8,
      uploadThroughput: (PHONE.upMbps * 1e6) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => /** @type {any} */ (globalThis).__firstValidate, null, { timeout: 60_000, polling: 250 }).catch(() => {
      throw new Error(`${url}: no validate result (${errors.join('; ') || 'no page error'})`);
    });
    return await page.evaluate(() => {
      const g = /** @type {any} */ (globalThis);
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      const scripts = performance.getEntriesByType('resource').map((r) => /** @type {PerformanceResourceTiming} */ (r).responseEnd);
      return { ...g.__firstValidate, html: nav.responseEnd, scripts: Math.max(0, ...scripts) };
    });
  } finally {
    await context.close();
  }
}

/**
 * @param {{ quick: boolean, apps: Record<string, { dir: string }> }} opts
 * @returns {Promise<{ markdown: string, results: Record<string, { ms: number, html: number, scripts: number, issues: number }>, ms: number }>}
 */
export async function runBrowser({ quick, apps }) {
  const started = Date.now();
  const runs = quick ? 1 : 7;
  const browser = await launchBrowser();
  /** @type {{ key: string, server: any }[]} */
  const served = [];
  try {
    for (const app of APPS) served.push({ key: app.key, server: await serveCompressed(apps[app.key].dir) });
    /** @type {Record<string, any[]>} */
    const samples = Object.fromEntries(APPS.map((a) => [a.key, []]));
    for (let r = 0; r < runs; r++) {
      progress(`Chromium, phone profile: round ${r + 1} of ${runs}`);
      for (let k = 0; k < served.length; k++) {
        const { key, server } = served[(k + r) % served.length];
        const s = await firstValidate(browser, server.url);
        if (s.valid !== false) throw new Error(`the ${key} app says the form's Site is valid (it has a '+' in the phone number)`);
        samples[key].push(s);
      }
    }
    /** @type {Record<string, any>} */
    const results = {};
    for (const app of APPS) {
      const xs = samples[app.key];
      results[app.key] = {
        ms: median(xs.map((x) => x.ms)),
        html: median(xs.map((x) => x.html)),
        scripts: median(xs.map((x) => x.scripts)),
        issues: xs[0].issues,
        all: xs.map((x) => x.ms),
      };
    }
    const base = results.ajv.ms;
    const lines = [
      '| app | first `validate` result (ms from navigation start) | vs the ajv app | HTML received | last script received | issues shown | runs (ms) |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...APPS.map((app) => {
        const x = results[app.key];
        return `| ${app.label} | **${fmt(x.ms, 0)}** | ${app.key === 'ajv' ? '—' : `${x.ms - base >= 0 ? '+' : ''}${fmt(x.ms - base, 0)} ms`} | ${fmt(x.html, 0)} | ${fmt(x.scripts, 0)} | ${x.issues} | ${x.all.map((v) => fmt(v, 0)).join(', ')} |`;
      }),
      '',
      `Headless Chromium ${browser.version()} (Debian's, through playwright-core), ` +
        `phone profile through CDP: ${PHONE.downMbps} Mbps down, ${PHONE.upMbps} Mbps up, ${PHONE.rttMs} ms RTT, CPU ${PHONE.cpuSlowdown}× slower, cache disabled, ` +
        `412×915 mobile viewport; each app served from 127.0.0.1 with gzip -9; median of ${runs} interleaved run${runs > 1 ? 's' : ''}. ` +
        'The form holds one defect (a "+" in the phone number): every app must say invalid.',
    ];
    return { markdown: lines.join('\n'), results, ms: Date.now() - started };
  } finally {
    for (const s of served) await s.server.close();
    await browser.close();
  }
}
