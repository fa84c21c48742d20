// @ts-check
// Next.js: `next build` (Turbopack, or webpack with --webpack), then `next start`; the server
// component's HTML and the route handler's JSON carry check.mjs's result from Node, and the
// client component reports it from Chromium after hydration.

import { resultOfPage } from '../browser.mjs';
import { firstError, freePort, start, tail } from '../proc.mjs';
import { build, failAll, verdict } from './build.mjs';

const PARTS = ['server-component', 'route-handler', 'client-component'];

/** @param {string} html @returns {any} the JSON inside `<pre id="env-result">`, unescaped */
function resultInHtml(html) {
  const m = /<pre id="env-result">([\s\S]*?)<\/pre>/.exec(html);
  if (!m) return null;
  const text = m[1]
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * @param {string} url
 * @returns {Promise<{ status: number, text: string } | { error: string }>}
 */
async function get(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runNextCase(ctx, def) {
  const failed = await build(ctx, { ...def, build: [['next', 'build', ...(def.nextBuild ?? [])]] });
  if (failed) return failAll(def.name, PARTS, failed);
  const port = await freePort();
  const [exe, args] = ctx.resolve(['next', 'start', '-p', String(port), '-H', '127.0.0.1']);
  const server = start(exe, args, { cwd: ctx.dir, env: ctx.env, readyWhen: /Ready in/, timeoutMs: 60_000 });
  try {
    const up = await ctx.time('server start', () => server.ready);
    if (!up.ok) return failAll(def.name, PARTS, { error: `\`next start\`: ${firstError(server.output())}`, output: tail(server.output()) });
    const base = `http://127.0.0.1:${port}`;
    const results = [];
    const serverError = () => firstError(server.output());

    const page = await ctx.time('run', () => get(`${base}/`));
    results.push(
      'error' in page
        ? verdict(`${def.name}/${PARTS[0]}`, null, { error: `GET /: ${page.error}` })
        : verdict(`${def.name}/${PARTS[0]}`, resultInHtml(page.text), { error: `GET / → HTTP ${page.status}: ${serverError()}`, output: tail(server.output()) }),
    );

    const route = await ctx.time('run', () => get(`${base}/api/check`));
    /** @type {any} */
    let json = null;
    if (!('error' in route)) {
      try {
        json = JSON.parse(route.text);
      } catch {
        // Reported below.
      }
    }
    results.push(
      verdict(`${def.name}/${PARTS[1]}`, json, {
        error: 'error' in route ? `GET /api/check: ${route.error}` : `GET /api/check → HTTP ${route.status}: ${serverError()}`,
        output: tail(server.output()),
      }),
    );

    const client = await ctx.time('browser', () => resultOfPage(`${base}/client`));
    const problems = client.problems.filter((p) => !p.includes('/favicon.ico') && !/status of 404 \(Not Found\)$/.test(p));
    results.push(verdict(`${def.name}/${PARTS[2]}`, client.result, { error: problems[0] ?? 'the page reported no result', problems }));
    return results;
  } finally {
    await server.stop();
  }
}
