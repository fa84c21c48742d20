// @ts-check
// Cases whose result is printed by a process: Node (ESM, CommonJS, worker threads), Deno, Bun,
// and the test runners (Vitest, Jest), which print check.mjs's result line from inside a test.

import { firstError, resultIn, run, tail } from '../proc.mjs';
import { build, verdict } from './build.mjs';

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runProcessCase(ctx, def) {
  const failed = await build(ctx, def);
  if (failed) return [{ name: def.name, ok: false, details: failed }];
  if (!def.run) throw new Error(`${def.name}: a process case needs \`run\``);
  const [exe, args] = ctx.resolve(def.run);
  const r = await ctx.time('run', () => run(exe, args, { cwd: ctx.dir, env: ctx.env, timeoutMs: def.timeoutMs ?? 120_000 }));
  const output = `${r.stdout}\n${r.stderr}`;
  const result = resultIn(output);
  const exit = r.timedOut ? 'timed out' : r.code === 0 ? null : `exited ${r.code ?? r.signal}`;
  const part = verdict(def.name, result, { error: `\`${def.run.join(' ')}\` ${exit ?? 'exited 0'}: ${firstError(r.stderr || r.stdout)}`, output: tail(output) });
  // A result that passed inside a run that failed (a test runner's own error) is no pass.
  if (part.ok && exit) return [{ name: def.name, ok: false, details: { ...part.details, error: `\`${def.run.join(' ')}\` ${exit} after a passing check`, output: tail(output) } }];
  return [part];
}
