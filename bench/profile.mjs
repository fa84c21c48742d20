// Section 7: where the form path's time goes, from `node --cpu-prof` of fresh processes that
// use the installed package. (1) The invalid case: `elevate-billing/forms` validates the
// 1-defect and the 3-defect Site in turn for a while. (2) The cold start: import of
// `elevate-billing/forms` and one `validate`, five processes. Self time is summed per source
// file of the bundle (esbuild's `// src/js/…` markers in node-core.cjs) and per function, inside the
// window each child reports in the profiler's clock (µs of CLOCK_MONOTONIC, as hrtime).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { site } from './fixtures.mjs';
import { benchDir, fmt, progress, workDir } from './lib.mjs';

const profileDir = join(workDir, 'profile');

const coldSource = (/** @type {string} */ site) => `const from = process.hrtime.bigint() / 1000n;
const m = await import('elevate-billing/forms');
const mid = process.hrtime.bigint() / 1000n;
m.validate('Site', ${site});
const to = process.hrtime.bigint() / 1000n;
console.log(JSON.stringify({ from: Number(from), mid: Number(mid), to: Number(to) }));
`;

const childSource = (/** @type {number} */ ms) => `import { validate } from 'elevate-billing/forms';
import { invalidSite, siteWithOneDefect } from ${JSON.stringify(pathToFileURL(join(benchDir, 'fixtures.mjs')).href)};
const inputs = [siteWithOneDefect(), invalidSite()];
let n = 0;
const loop = (ms) => {
  const end = performance.now() + ms;
  while (performance.now() < end) for (let i = 0; i < 100; i++) n += validate('Site', inputs[i & 1]).errors.length;
};
loop(300); // start-up and warm-up, left out of the summary
const from = process.hrtime.bigint() / 1000n;
loop(${ms});
console.log(JSON.stringify({ from: Number(from), to: Number(process.hrtime.bigint() / 1000n), n }));
`;

/**
 * @param {string} file a bundled file
 * @returns {(line: number) => string} the source file a 0-based line of it came from
 */
function sourceOf(file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return () => basename(file);
  }
  /** @type {[number, string][]} */
  const marks = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\/\/ ((?:src|node_modules|target)\/\S+)$/.exec(l);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let found = basename(file);
    for (const [at, name] of marks) {
      if (at > line) break;
      found = `${basename(file)}: ${name}`;
    }
    return found;
  };
}

/**
 * Runs `script` under the profiler; its last output line is `{ from, to }`.
 * @param {string} script
 * @param {string} dir where the profile goes (emptied first)
 */
function profiled(script, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, script], { cwd: profileDir, encoding: 'utf8' });
  const window = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  return { profile: JSON.parse(readFileSync(join(dir, file), 'utf8')), window };
}

/**
 * Self time (µs) inside each profile's window, by source file and by function.
 * @param {{ profile: any, window: { from: number, to: number } }[]} runs
 * @param {{ script: string, program: boolean }} opts program: count `(program)` (V8's native
 *   work not attributed to JavaScript: parsing and compiling, at start-up)
 */
function summarize(runs, { script, program }) {
  /** @type {Map<string, (line: number) => string>} */
  const sources = new Map();
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byFile = new Map();
  let total = 0;
  let kept = 0;
  for (const { profile, window } of runs) {
    /** @type {Map<number, any>} */
    const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
    let at = profile.startTime;
    profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
      const us = profile.timeDeltas[i] ?? 0;
      at += us;
      if (at < window.from || at > window.to) return;
      const { callFrame: f } = nodes.get(id);
      if (f.functionName === '(idle)' || (f.functionName === '(program)' && !program)) return;
      kept++;
      total += us;
      let where = '';
      let group = f.functionName || '(anonymous)';
      if (f.url.startsWith('file://')) {
        const path = fileURLToPath(f.url);
        if (!sources.has(path)) sources.set(path, sourceOf(path));
        where = path === script ? 'the benchmark script' : /** @type {(line: number) => string} */ (sources.get(path))(f.lineNumber);
        group = path === script ? where : `${f.functionName || '(anonymous)'} (${where.replace(/^[^:]*: /, '')}:${f.lineNumber + 1})`;
      } else if (f.functionName === '(program)') {
        where = group = 'V8 native work: parsing, compiling (`(program)`)';
      } else {
        where = f.url ? 'Node internals (module loading: reading, compiling)' : f.functionName.startsWith('(') ? f.functionName : 'V8 builtins and natives';
      }
      if (group.length > 70) group = `${group.slice(0, 67)}…`; // RegExp bodies name their pattern
      byFunction.set(group, (byFunction.get(group) ?? 0) + us);
      byFile.set(where, (byFile.get(where) ?? 0) + us);
    });
  }
  if (kept < 100) throw new Error(`the profiles have ${kept} samples in their windows (clocks disagree?)`);
  return { byFile, byFunction, total, kept };
}

/** @param {Map<string, number>} m @param {number} n @param {(us: number) => string} cell */
const top = (m, n, cell) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `| ${k.replace(/\|/g, '\\|')} | ${cell(us)} |`);

/** @param {{ quick: boolean }} opts */
export function runProfile({ quick }) {
  const ms = quick ? 500 : 3000;
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });

  const loop = join(profileDir, 'invalid-site.mjs');
  writeFileSync(loop, childSource(ms));
  progress(`profile: ${ms} ms of invalid Site validations under --cpu-prof`);
  const hot = summarize([profiled(loop, join(profileDir, 'invalid'))], { script: loop, program: false });
  const share = (/** @type {number} */ us) => `${fmt((100 * us) / hot.total, 1)}%`;

  const cold = join(profileDir, 'cold.mjs');
  writeFileSync(cold, coldSource(JSON.stringify(site())));
  const coldRuns = quick ? 2 : 5;
  progress(`profile: ${coldRuns} cold starts under --cpu-prof`);
  const runs = Array.from({ length: coldRuns }, (_, i) => profiled(cold, join(profileDir, `cold-${i}`)));
  const start = summarize(runs, { script: cold, program: true });
  const perRun = (/** @type {number} */ us) => fmt(us / coldRuns / 1000, 1);
  const window = runs.map((r) => (r.window.to - r.window.from) / 1000).reduce((a, b) => a + b, 0) / coldRuns;
  const importMs = runs.map((r) => (r.window.mid - r.window.from) / 1000).reduce((a, b) => a + b, 0) / coldRuns;

  const lines = [
    '**The invalid case.**',
    '',
    '| where (self time) | share |',
    '|---|---:|',
    ...top(hot.byFile, 8, share),
    '',
    '| function (self time) | share |',
    '|---|---:|',
    ...top(hot.byFunction, 12, share),
    '',
    `\`node --cpu-prof --cpu-prof-interval 100\`, ${hot.kept} samples over ${ms} ms of \`validate('Site', ·)\` from \`elevate-billing/forms\` on the 1-defect and 3-defect Sites in turn, ` +
      'after a 300 ms warm-up, which is left out. Lines are in the bundle `node-core.cjs` (the form path of the Node build), attributed to their source file by its `// src/js/…` markers.',
    '',
    '**The cold start** (import of `elevate-billing/forms` and one `validate`, in a fresh process):',
    '',
    '| where (self time) | ms per process |',
    '|---|---:|',
    ...top(start.byFile, 8, perRun),
    `| all (from before the import to after the call; the import alone: ${fmt(importMs, 1)} ms) | ${fmt(window, 1)} |`,
    '',
    '| function (self time) | ms per process |',
    '|---|---:|',
    ...top(start.byFunction, 10, perRun),
    '',
    `The mean of ${coldRuns} processes under the profiler (which slows them: compare section 5's times without it).`,
  ];
  return { markdown: lines.join('\n') };
}
