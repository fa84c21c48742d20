// @ts-check
// Cloudflare Workers, locally: `wrangler dev` bundles the Worker as a user's deploy would
// (wrangler's esbuild, its default rules and conditions) and runs it in workerd; the Worker
// answers a request with check.mjs's result.

import { firstError, freePort, start, tail } from '../proc.mjs';
import { verdict } from './build.mjs';

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runWorkerdCase(ctx, def) {
  const port = await freePort();
  const inspector = await freePort();
  const cmd = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)];
  const [exe, args] = ctx.resolve(cmd);
  // Wrangler keeps running after workerd fails to start: its error line ends the wait.
  const server = start(exe, args, { cwd: ctx.dir, env: ctx.env, readyWhen: /Ready on http|\[ERROR\]/, timeoutMs: 90_000 });
  try {
    const up = await ctx.time('server start', () => server.ready);
    if (!up.ok || /\[ERROR\]/.test(server.output())) {
      // Wrangler prints its summary first and workerd's own error after it, then exits.
      await Promise.race([server.closed, new Promise((r) => setTimeout(r, 5000))]);
      const out = server.output();
      const errors = out.split('\n').filter((l) => l.includes('[ERROR]'));
      // workerd's own error (an uncaught exception at startup) says more than wrangler's summary.
      const error = (errors.find((l) => l.includes('Uncaught')) ?? errors[0] ?? firstError(out)).slice(0, 400);
      return [{ name: def.name, ok: false, details: { error: `\`${cmd.slice(0, 2).join(' ')}\`: ${error.replace(/^.*\[ERROR\]\s*/, '').trim()}`, output: tail(out) } }];
    }
    const outcome = await ctx.time('run', async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        try {
          return { result: JSON.parse(text), error: `HTTP ${res.status}` };
        } catch {
          return { result: null, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
        }
      } catch (e) {
        return { result: null, error: `fetch: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
    return [verdict(def.name, outcome.result, { error: outcome.error, output: tail(server.output()) })];
  } finally {
    await server.stop();
  }
}
