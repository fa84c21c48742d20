// Section 5: Node cold start. Fresh processes, interleaved round by round: a bare `node -e 0`,
// then import of the installed package (target/bench/node_modules, from the packed tarball, so
// the exports map decides what loads) + one call. Wall time is spawn to exit; each script also
// prints its own import and first-call times (after Node's bootstrap). The scripts time with
// process.hrtime and print with fs.writeSync: `performance` and `console` would load modules of
// Node's own on first use (4-5 ms here), which are no part of importing the package.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { site } from './fixtures.mjs';
import { fmt, median, progress, workDir } from './lib.mjs';

const coldDir = join(workDir, 'cold');

/**
 * @param {string} load how the module `m` is loaded (an expression)
 * @param {string} call what to do with it once
 * @param {boolean} [esm] an ES module (else CommonJS)
 */
const script = (load, call, esm = true) => `${esm ? "import { writeSync } from 'node:fs';" : "const { writeSync } = require('node:fs');"}
const t0 = process.hrtime.bigint();
const m = ${load};
const t1 = process.hrtime.bigint();
const r = ${call};
const t2 = process.hrtime.bigint();
if (r === undefined) throw new Error('no result');
writeSync(1, JSON.stringify({ importMs: Number(t1 - t0) / 1e6, callMs: Number(t2 - t1) / 1e6 }) + '\\n');
`;

const SITE = JSON.stringify(site());
/** An empty package laid out as elevate-billing's Node entries: node-forms.mjs → node.cjs → node-core.cjs. */
const SHAPE = {
  'package.json': JSON.stringify({ name: 'empty-package-shape', type: 'module', exports: { '.': { node: { import: './entry.mjs', require: './entry.cjs' } } } }),
  'entry.mjs': "import { createRequire } from 'node:module';\nexport const { validate } = createRequire(import.meta.url)('./entry.cjs');\n",
  'entry.cjs': "exports.validate = require('./core.cjs').validate;\n",
  'core.cjs': 'exports.validate = () => 0;\n',
};

export const COLD = [
  { key: 'bare', label: 'bare `node -e 0`', args: ['-e', '0'] },
  {
    key: 'empty',
    label: "diagnostic: the same ES module without the package (Node's own cost of an ES module entry)",
    file: 'empty.mjs',
    source: script('{ validate: () => 0 }', `m.validate('Site', ${SITE})`),
  },
  {
    key: 'shape',
    label: "diagnostic: an empty package of the same shape (an `.mjs` that requires a `.cjs` that requires another, one line each): Node's own cost of importing one",
    file: 'shape.mjs',
    source: script("await import('empty-package-shape')", `m.validate('Site', ${SITE})`),
  },
  { key: 'forms', label: "`import('elevate-billing/forms')` + `validate('Site', site)`", file: 'forms.mjs', source: script("await import('elevate-billing/forms')", `m.validate('Site', ${SITE})`) },
  { key: 'main', label: "`import('elevate-billing')` + `validate('Site', site)`", file: 'main.mjs', source: script("await import('elevate-billing')", `m.validate('Site', ${SITE})`) },
  {
    key: 'require',
    label: "`require('elevate-billing')` + `validate('Site', site)` (CommonJS)",
    file: 'require.cjs',
    source: script("require('elevate-billing')", `m.validate('Site', ${SITE})`, false),
  },
  {
    key: 'engine',
    label: "`import('elevate-billing')` + `validateProductReference(…)` (starts the engine)",
    file: 'engine.mjs',
    source: script("await import('elevate-billing')", "m.validateProductReference('[0-9]{3,11}', '02079460000')"),
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
  // The empty package of the `shape` row, laid out as the package's Node entries are.
  const shape = join(coldDir, 'node_modules', 'empty-package-shape');
  mkdirSync(shape, { recursive: true });
  for (const [name, text] of Object.entries(SHAPE)) writeFileSync(join(shape, name), text);
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
      'In Node, `elevate-billing/forms` resolves (the `node` condition) to `node-forms.mjs` and `elevate-billing` to `node.mjs`; both require `node.cjs`, which loads the form path (`node-core.cjs`) and the rest on first use: ' +
      '`node.mjs` reads the engine half (`node-engine.cjs`, without the glue or the module) at import for its classes, `require` only on first use.',
  ];
  return { markdown: lines.join('\n'), results, ms: Date.now() - started };
}
