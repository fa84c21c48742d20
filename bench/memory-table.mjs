// Section 5: memory per entry point. Runs bench/memory.mjs once per function, each in a fresh
// process (--expose-gc), and tabulates wasm memory, RSS and the JS heap before and after.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchDir, fmt, progress } from './lib.mjs';

const child = join(benchDir, 'memory.mjs');
const mib = (/** @type {number} */ b) => fmt(b / 2 ** 20, 1);

/** @param {{ quick: boolean }} opts */
export function runMemory({ quick }) {
  const started = Date.now();
  /** @type {Record<string, { calls: number, input: string }>} */
  const list = JSON.parse(execFileSync(process.execPath, [child, '--list'], { encoding: 'utf8' }));
  const rows = [];
  for (const [name, { calls, input }] of Object.entries(list)) {
    const n = quick ? Math.max(100, Math.round(calls / 10)) : calls;
    progress(`memory: ${n} calls of ${name}`);
    const r = JSON.parse(execFileSync(process.execPath, ['--expose-gc', child, name, String(n)], { encoding: 'utf8' }).trim().split('\n').pop() ?? '{}');
    rows.push({ ...r, input });
  }
  const wasm = (/** @type {any} */ r) =>
    r.before.wasm == null ? 'not started' : `${mib(r.before.wasm)} → ${mib(r.after.wasm)}${r.after.wasm > r.before.wasm ? ' (**grew**)' : ''}`;
  const lines = [
    '| function | calls | µs per call | wasm memory (MiB) | RSS (MiB) | JS heap used (MiB) | inputs, in turn |',
    '|---|---:|---:|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${r.calls} | ${fmt((r.ms * 1000) / r.calls, 1)} | ${wasm(r)} | ${mib(r.before.rss)} → ${mib(r.after.rss)} | ${mib(r.before.heap)} → ${mib(r.after.heap)} | ${r.input} |`,
    ),
    '',
    'Each function in its own fresh Node process (`node --expose-gc bench/memory.mjs <function> [calls]`): a warm-up of a twentieth of the calls, ' +
      'then "before", the calls, "after", both read after two full GCs. "not started": the function never started the WebAssembly engine ' +
      '(its memory is read from the instance as it is created, so reading it starts nothing). The µs per call include the GC pauses.',
  ];
  return { markdown: lines.join('\n'), rows, ms: Date.now() - started };
}
