// Section 4: Node cold start. Fresh processes, interleaved round by round: a bare `node -e 0`,
// then import of the installed package (target/bench/node_modules, from the packed tarball, so
// the exports map decides what loads) + one call. Wall time is spawn to exit; each script also
// prints its own import and first-call times (performance.now(), after Node's bootstrap).

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { site } from './fixtures.mjs';
import { fmt, median, progress, workDir } from './lib.mjs';

const coldDir = join(workDir, 'cold');

/** @param {string} specifier @param {string} call what to do with the module `m` once */
const script = (specifier, call) => `const t0 = performance.now();
const m = await import(${JSON.stringify(specifier)});
const t1 = performance.now();
const r = ${call};
const t2 = performance.now();
if (r === undefined) throw new Error('no result');
console.log(JSON.stringify({ importMs: t1 - t0, callMs: t2 - t1 }));
`;

const SITE = JSON.stringify(site());
export const COLD = [
  { key: 'bare', label: 'bare `node -e 0`', args: ['-e', '0'] },
  { key: 'forms', label: "`import('elevate-billing/forms')` + `validate('Site', site)`", file: 'forms.mjs', source: script('elevate-billing/forms', `m.validate('Site', ${SITE})`) },
  { key: 'main', label: "`import('elevate-billing')` + `validate('Site', site)`", file: 'main.mjs', source: script('elevate-billing', `m.validate('Site', ${SITE})`) },
  {
    key: 'engine',
    label: "`import('elevate-billing')` + `validateProductReference(…)` (starts the engine)",
    file: 'engine.mjs',
    source: script('elevate-billing', "m.validateProductReference('[0-9]{3,11}', '02079460000')"),
  },
  {
    key: 'core',
    label: 'diagnostic: `core.js` alone (the form path without the Node entry `node.cjs`) + `validate`',
    file: 'core.mjs',
    source: script(join(workDir, 'node_modules', 'elevate-billing', 'core.js'), `m.validate('Site', ${SITE})`),
  },
];

/**
 * @param {{ quick: boolean }} opts  (the package must be installed: apps.mjs installPackage)
 */
export function runColdStart({ quick }) {
  const started = Date.now();
  const rounds = quick ? 3 : 21;
  mkdirSync(coldDir, { recursive: true });
  for (const c of COLD) if (c.file) writeFileSync(join(coldDir, c.file), c.source);
  /** @type {Record<string, { wall: number[], importMs: number[], callMs: number[] }>} */
  const samples = Object.fromEntries(COLD.map((c) => [c.key, { wall: [], importMs: [], callMs: [] }]));
  progress(`Node cold start: ${rounds} rounds of ${COLD.length} processes`);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < COLD.length; k++) {
      const c = COLD[(k + r) % COLD.length];
      const args = c.args ?? [join(coldDir, /** @type {string} */ (c.file))];
      const t = process.hrtime.bigint();
      const p = spawnSync(process.execPath, args, { cwd: coldDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      const wall = Number(process.hrtime.bigint() - t) / 1e6;
      if (p.status !== 0) throw new Error(`cold start ${c.key}: exit ${p.status}: ${p.stderr}`);
      samples[c.key].wall.push(wall);
      if (c.file) {
        const out = JSON.parse(p.stdout.trim().split('\n').pop() ?? '{}');
        samples[c.key].importMs.push(out.importMs);
        samples[c.key].callMs.push(out.callMs);
      }
    }
  }
  /** @type {Record<string, { wall: number, fastest: number, above: number, aboveFastest: number, importMs: number | null, callMs: number | null }>} */
  const results = {};
  const bare = samples.bare.wall;
  for (const c of COLD) {
    const s = samples[c.key];
    results[c.key] = {
      wall: median(s.wall),
      fastest: Math.min(...s.wall),
      // The median of each round's difference: a burst of load hits both processes of a round.
      above: median(s.wall.map((w, r) => w - bare[r])),
      // On a loaded machine the fastest of each is the nearest to a quiet one.
      aboveFastest: Math.min(...s.wall) - Math.min(...bare),
      importMs: s.importMs.length ? median(s.importMs) : null,
      callMs: s.callMs.length ? median(s.callMs) : null,
    };
  }
  const lines = [
    '| fresh Node process | wall time (ms): median / fastest | above bare node: median / fastest | import (ms, in process) | first call (ms, in process) |',
    '|---|---:|---:|---:|---:|',
    ...COLD.map((c) => {
      const x = results[c.key];
      const plus = (/** @type {number} */ v) => `${v >= 0 ? '+' : ''}${fmt(v, 1)}`;
      return `| ${c.label} | ${fmt(x.wall, 1)} / ${fmt(x.fastest, 1)} | ${c.key === 'bare' ? '—' : `**${plus(x.above)}** / ${plus(x.aboveFastest)}`} | ${x.importMs == null ? '—' : fmt(x.importMs, 1)} | ${x.callMs == null ? '—' : fmt(x.callMs, 1)} |`;
    }),
    '',
    `Starting the engine (compiling and instantiating its module on the first engine call): ${fmt(
      /** @type {number} */ (results.engine.callMs) - /** @type {number} */ (results.main.callMs),
      1,
    )} ms in process (the first \`validateProductReference\` call less the first \`validate\` call).`,
    '',
    `Median of ${rounds} rounds, the processes of a round interleaved (each round starts with a different one); wall time from spawn to exit, measured by the parent; ` +
      '"above bare node": the median of the per-round differences, and the fastest process less the fastest bare one. ' +
      'In Node both `elevate-billing` and `elevate-billing/forms` resolve (the `node` condition) to `node.mjs`, which requires `node.cjs`: every function, with the engine\'s module as base64.',
  ];
  return { markdown: lines.join('\n'), results, ms: Date.now() - started };
}
