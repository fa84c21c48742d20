#!/usr/bin/env node
// `npm run bench`: every section in one run on one machine, written into bench/README.md
// (between the results markers) with the machine line and a targets table.
//   node bench/run.mjs [--quick] [--only single,bulk,apps,browser,cold,memory,profile]
// --quick: fewer rounds and calls, for a smoke run (under a minute); --only: some sections.
// Neither writes the README: only a full run of every section does.
//
// Sections: single objects, every peer side by side (single.mjs); bulk NDJSON (bulk.mjs);
// bytes of a Vite form app per validator (apps.mjs); time to first validate in Chromium with a
// phone profile (browser.mjs); Node cold start (cold-start.mjs); memory per entry point
// (memory-table.mjs, memory.mjs); a CPU profile of the form path's invalid case (profile.mjs).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as eb from '../pkg/node.mjs';
import { runApps, installPackage } from './apps.mjs';
import { runBrowser } from './browser.mjs';
import { runBulk } from './bulk.mjs';
import { runColdStart } from './cold-start.mjs';
import { ndjson } from './fixtures.mjs';
import { benchDir, fmt, kb, machineLine, median, progress } from './lib.mjs';
import { runMemory } from './memory-table.mjs';
import { ajvCompile } from './peers.mjs';
import { runProfile } from './profile.mjs';
import { runSingle } from './single.mjs';

const SECTIONS = ['single', 'bulk', 'apps', 'browser', 'cold', 'memory', 'profile'];
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
for (const s of only ?? []) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(', ')}`);
const wants = (/** @type {string} */ s) => !only || only.has(s);
if (only?.has('browser') && !only.has('apps')) only.add('apps'); // the browser loads the apps

const machine = machineLine(quick);
const started = Date.now();
/** @type {Record<string, number>} */
const took = {};
/** @type {Record<string, any>} */
const out = {};
async function section(/** @type {string} */ name, /** @type {() => any} */ fn) {
  if (!wants(name)) return;
  progress(`${name}…`);
  const t = Date.now();
  out[name] = await fn();
  took[name] = Date.now() - t;
  progress(`${name} done in ${fmt(took[name] / 1000, 1)} s`);
}

await section('single', () => runSingle({ quick }));
await section('bulk', async () => {
  const rows = [];
  const ajvSite = ajvCompile('Site', true); // the ratio base of every section
  await runBulk({ quick, eb, ajvSite, ndjson, median, rows });
  return { rows, markdown: bulkTable(rows) };
});
await section('apps', () => runApps());
await section('browser', () => runBrowser({ quick, apps: out.apps.apps }));
if (!out.apps && (wants('cold') || wants('profile'))) await installPackage();
await section('cold', () => runColdStart({ quick }));
await section('memory', () => runMemory({ quick }));
await section('profile', () => runProfile({ quick }));

/** The bulk section's rows (ratios to ajv, as run.mjs always printed them). */
function bulkTable(/** @type {any[]} */ rows) {
  const ratio = (/** @type {any} */ row, /** @type {number | null} */ x) => (x == null || row.ajv == null ? '' : `${fmt(x / row.ajv, 2)}×`);
  const cell = (/** @type {any} */ row, /** @type {number | null} */ x) =>
    x == null ? '—' : `${fmt(x, row.digits ?? 2)}${x === row.ajv || row.ajv == null ? '' : ` (${ratio(row, x)})`}`;
  return [
    '| scenario | elevate-billing | ajv (allErrors), `JSON.parse` per line | zod 4 |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.scenario} | ${cell(r, r.ours)} | ${r.ajv == null ? '—' : fmt(r.ajv, r.digits ?? 2)} | ${cell(r, r.zod)} |`),
    '',
    'Ratios are to ajv in the same run (records/s: above 1× is faster).',
  ].join('\n');
}

// ---- targets ------------------------------------------------------------------------------

/** @type {{ issue: string, target: string, value: string, met: boolean | null }[]} */
const targets = [];
const target = (issue, what, value, met) => targets.push({ issue, target: what, value, met });
if (out.single) {
  const r = out.single.results;
  const base = out.single.peers[1];
  const x = (/** @type {string} */ k) => out.single.ratios[k]['elevate-billing'];
  target('#12', 'invalid `Site`, 1 defect: ≤ 2.0× ajv allErrors', `${fmt(x('site1'))}× (${fmt(r.site1['elevate-billing'])} µs vs ${fmt(r.site1[base])} µs)`, x('site1') <= 2);
  target('#12', 'invalid `Site`, 3 defects: ≤ 2.0× ajv allErrors', `${fmt(x('site3'))}× (${fmt(r.site3['elevate-billing'])} µs vs ${fmt(r.site3[base])} µs)`, x('site3') <= 2);
  target(
    '#12',
    '`Customer`, 1000 sites, 1 defect: ≤ 1.5× ajv allErrors',
    `${fmt(x('customer1000bad'))}× (${fmt(r.customer1000bad['elevate-billing'], 0)} µs vs ${fmt(r.customer1000bad[base], 0)} µs)`,
    x('customer1000bad') <= 1.5,
  );
}
if (out.bulk) {
  const row = out.bulk.rows.find((/** @type {any} */ r) => /half invalid/.test(r.scenario) && r.better === 'higher' && r.ajv);
  if (row) target('#12', 'NDJSON, half invalid, one thread: ≥ 3× `JSON.parse` + ajv', `${fmt(row.ours / row.ajv)}×`, row.ours / row.ajv >= 3);
  const all = out.bulk.rows.find((/** @type {any} */ r) => /every core/.test(r.scenario));
  if (all) target('#12', 'NDJSON, half invalid, all cores: reported', `${fmt(all.ours / all.ajv)}× (${all.scenario.replace(/^.*: (\d+ worker threads).*$/, '$1')})`, null);
}
if (out.apps) {
  for (const key of ['elevate-forms', 'elevate-main']) {
    const a = out.apps.apps[key];
    const label = key === 'elevate-forms' ? '`elevate-billing/forms`' : '`elevate-billing` (form functions only)';
    target('#10', `Vite form app with ${label}: ≤ 100 KB gzip (JS + wasm)`, `${kb(a.code.gzip)} KB${a.engine ? ', engine included' : ', engine not in the bundle'}`, a.code.gzip <= 100_000);
  }
}
if (out.browser) {
  const b = out.browser.results;
  for (const key of ['elevate-forms', 'elevate-main']) {
    target('#10', `first validate in Chromium, phone profile (${key === 'elevate-forms' ? 'forms' : 'main'} entry): ≤ the ajv app's`, `${fmt(b[key].ms, 0)} ms vs ${fmt(b.ajv.ms, 0)} ms`, b[key].ms <= b.ajv.ms);
  }
}
if (out.cold) {
  const c = out.cold.results;
  for (const key of ['forms', 'main']) {
    const above = c[key].above;
    target(
      '#10',
      `Node: import \`elevate-billing${key === 'forms' ? '/forms' : ''}\` + first validate ≤ 10 ms above bare node`,
      `+${fmt(above, 1)} ms (median of per-round differences; fastest vs fastest: +${fmt(c[key].aboveFastest, 1)} ms)`,
      above <= 10,
    );
  }
}

// ---- report -------------------------------------------------------------------------------

const titles = {
  single: '1. Single objects, every peer',
  bulk: '2. Bulk NDJSON',
  apps: '3. Bytes of a Site form app (Vite production build)',
  browser: '4. Time to first validate, headless Chromium, phone profile',
  cold: '5. Node cold start',
  memory: '6. Memory per entry point',
  profile: "7. Where the form path's invalid case spends its time",
};
const parts = [
  `Machine: ${machine}. Whole run: ${fmt((Date.now() - started) / 1000, 0)} s (${Object.entries(took)
    .map(([k, ms]) => `${k} ${fmt(ms / 1000, 0)} s`)
    .join(', ')}).`,
  '',
  '### Targets',
  '',
  '| issue | target | this run | met |',
  '|---|---|---|---|',
  ...targets.map((t) => `| ${t.issue} | ${t.target} | ${t.value} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`),
  ...SECTIONS.filter((s) => out[s]).flatMap((s) => ['', `### ${titles[/** @type {keyof typeof titles} */ (s)]}`, '', out[s].markdown]),
];
const report = `${parts.join('\n')}\n`;
console.log(report);

if (!quick && !only) {
  const readme = join(benchDir, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error('bench/README.md has no results markers');
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${report}${text.slice(j)}`);
  progress('bench/README.md updated');
}
progress(`total ${fmt((Date.now() - started) / 1000, 1)} s`);
