// @ts-check
// Browser cases: an app built by a bundler and served as static files (optionally under
// extra headers, e.g. a Content-Security-Policy), or served by the toolchain's own dev server;
// each page is loaded in the run's shared Chromium and reports check.mjs's result.

import { join } from 'node:path';
import { resultOfPage, serve } from '../browser.mjs';
import { firstError, freePort, start, tail } from '../proc.mjs';
import { build, failAll, verdict } from './build.mjs';

/**
 * @param {string} name
 * @param {import('../browser.mjs').PageOutcome} outcome
 */
function pageVerdict(name, outcome) {
  const problems = outcome.problems.filter((p) => !p.includes('/favicon.ico') && !/status of 404 \(Not Found\)$/.test(p));
  const error = problems[0] ?? 'the page reported no result';
  return verdict(name, outcome.result, { error, problems });
}

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runPageCase(ctx, def) {
  const pages = def.pages ?? [{ path: '/' }];
  const failed = await build(ctx, def);
  if (failed) return failAll(def.name, pages.map((p) => p.part), failed);
  const results = [];
  for (const page of pages) {
    const name = page.part ? `${def.name}/${page.part}` : def.name;
    const server = await serve(join(ctx.dir, def.serve ?? '.'), page.headers);
    try {
      const outcome = await ctx.time('browser', () => resultOfPage(server.url + page.path));
      results.push(pageVerdict(name, outcome));
    } finally {
      await server.close();
    }
  }
  return results;
}

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runDevServerCase(ctx, def) {
  const pages = def.pages ?? [{ path: '/' }];
  if (!def.server || !def.readyWhen) throw new Error(`${def.name}: a dev-server case needs \`server\` and \`readyWhen\``);
  const port = await freePort();
  const [exe, args] = ctx.resolve(def.server.map((a) => a.replace('{port}', String(port))));
  const server = start(exe, args, { cwd: ctx.dir, env: ctx.env, readyWhen: def.readyWhen, timeoutMs: 60_000 });
  try {
    const up = await ctx.time('server start', () => server.ready);
    if (!up.ok) {
      return failAll(def.name, pages.map((p) => p.part), {
        error: `\`${def.server.join(' ')}\` ${server.exited() ? 'exited' : 'was not ready in 60 s'}: ${firstError(server.output())}`,
        output: tail(server.output()),
      });
    }
    const results = [];
    for (const page of pages) {
      const name = page.part ? `${def.name}/${page.part}` : def.name;
      const outcome = await ctx.time('browser', () => resultOfPage(`http://127.0.0.1:${port}${page.path}`));
      const part = pageVerdict(name, outcome);
      if (!part.ok) part.details.serverOutput = tail(server.output());
      results.push(part);
    }
    return results;
  } finally {
    await server.stop();
  }
}
