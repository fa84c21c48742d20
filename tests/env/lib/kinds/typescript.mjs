// @ts-check
// TypeScript: usage.ts (the API with its types) type-checked by `tsc -p` under every
// tsconfig.<resolution>-<dom|nodom>.json of the case, strict and with skipLibCheck false, so
// the package's own .d.ts files are checked too. Zero errors passes.

import { readdirSync } from 'node:fs';
import { run } from '../proc.mjs';

/**
 * @param {import('../context.mjs').CaseContext} ctx
 * @param {import('../context.mjs').CaseDef} def
 * @returns {Promise<import('../context.mjs').PartResult[]>}
 */
export async function runTypeScriptCase(ctx, def) {
  const configs = readdirSync(ctx.dir)
    .filter((f) => /^tsconfig\.[\w]+-[\w]+\.json$/.test(f))
    .sort();
  if (configs.length === 0) throw new Error(`${def.name}: no tsconfig.<resolution>-<lib>.json in the fixture`);
  const results = [];
  for (const config of configs) {
    const part = config.slice('tsconfig.'.length, -'.json'.length);
    const [exe, args] = ctx.resolve(['tsc', '-p', config]);
    const r = await ctx.time('tsc', () => run(exe, args, { cwd: ctx.dir, env: ctx.env, timeoutMs: def.timeoutMs ?? 120_000 }));
    const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /error TS\d+/.test(l));
    const ok = r.code === 0 && errors.length === 0;
    const details = ok
      ? { failures: [] }
      : {
          error: errors[0] ?? `tsc ${r.timedOut ? 'timed out' : `exited ${r.code}`}`,
          failures: errors.slice(0, 10).map((e) => e.replace(/^.*node_modules\//, '')),
          errorCount: errors.length,
        };
    results.push({ name: `${def.name}/${part}`, ok, details });
  }
  return results;
}
