// @ts-check
// The build step most kinds start with: each command of the case's `build`, in order, with
// the real toolchain; the first failure stops the case with the tool's own words.

import { firstError, run, tail } from '../proc.mjs';

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<Record<string, any> | null>} null when every command succeeded, else the failure's details
 */
export async function build(ctx, def) {
  for (const cmd of def.build ?? []) {
    const [exe, args] = ctx.resolve(cmd);
    const r = await ctx.time('build', () => run(exe, args, { cwd: ctx.dir, env: ctx.env, timeoutMs: def.timeoutMs ?? 300_000 }));
    if (r.code !== 0) {
      const output = `${r.stdout}\n${r.stderr}`;
      return {
        error: `\`${cmd.join(' ')}\` ${r.timedOut ? 'timed out' : `exited ${r.code ?? r.signal}`}: ${firstError(output)}`,
        output: tail(output),
      };
    }
  }
  return null;
}

/**
 * The same failure for every part of a case (a build that failed fails them all).
 * @param {string} name
 * @param {(string | undefined)[]} parts
 * @param {Record<string, any>} details
 * @returns {import('../context.mjs').PartResult[]}
 */
export const failAll = (name, parts, details) => parts.map((p) => ({ name: p ? `${name}/${p}` : name, ok: false, details }));

/**
 * A verdict from a check.mjs result, or from its absence.
 * @param {string} name
 * @param {{ ok: boolean, details: Record<string, any> } | null} result
 * @param {{ error: string, [key: string]: any }} why `error` says why there is no result; the rest
 *   (output, page problems) is kept with a failed result too
 * @returns {import('../context.mjs').PartResult}
 */
export function verdict(name, result, { error, ...context }) {
  if (!result) return { name, ok: false, details: { error, ...context } };
  return { name, ok: result.ok, details: result.ok ? result.details : { ...result.details, ...context } };
}
