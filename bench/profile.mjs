// Section 6's profile: where an invalid Site's time goes on the form path. A fresh process
// imports `elevate-billing/forms` (the installed package) and validates the 1-defect and the
// 3-defect Site in turn for a while under `node --cpu-prof`; the profile's self time is summed
// per function and per source file of the bundle (esbuild's `// src/js/…` markers in node.cjs).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDir, fmt, progress, workDir } from './lib.mjs';

const profileDir = join(workDir, 'profile');

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

/** @param {{ quick: boolean }} opts */
export function runProfile({ quick }) {
  const ms = quick ? 500 : 3000;
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const script = join(profileDir, 'invalid-site.mjs');
  writeFileSync(script, childSource(ms));
  progress(`profile: ${ms} ms of invalid Site validations under --cpu-prof`);
  const out = execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', profileDir, script], { cwd: profileDir, encoding: 'utf8' });
  // The window of the measured loop, in the profiler's clock (µs of CLOCK_MONOTONIC, as hrtime).
  const { from, to } = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));

  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const self = new Map();
  let at = profile.startTime;
  let kept = 0;
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    kept++;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  if (kept < 100) throw new Error(`the profile has ${kept} samples in the measured window (clocks disagree?)`);
  /** @type {Map<string, (line: number) => string>} */
  const sources = new Map();
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byFile = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const { callFrame: f } = nodes.get(id);
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    total += us;
    let where = '';
    let group = f.functionName || '(anonymous)';
    if (f.url.startsWith('file://')) {
      const path = fileURLToPath(f.url);
      if (!sources.has(path)) sources.set(path, sourceOf(path));
      where = path === script ? 'the benchmark loop' : /** @type {(line: number) => string} */ (sources.get(path))(f.lineNumber);
      group = path === script ? where : `${f.functionName || '(anonymous)'} (${where.replace(/^[^:]*: /, '')}:${f.lineNumber + 1})`;
    } else {
      where = f.url ? 'node internals' : f.functionName.startsWith('(') ? f.functionName : 'V8 builtins and natives';
    }
    if (group.length > 70) group = `${group.slice(0, 67)}…`; // RegExp bodies name their pattern
    byFunction.set(group, (byFunction.get(group) ?? 0) + us);
    byFile.set(where, (byFile.get(where) ?? 0) + us);
  }
  const top = (/** @type {Map<string, number>} */ m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `| ${k.replace(/\|/g, '\\|')} | ${fmt((100 * us) / total, 1)}% |`);
  const lines = [
    '| where (self time) | share |',
    '|---|---:|',
    ...top(byFile, 8),
    '',
    '| function (self time) | share |',
    '|---|---:|',
    ...top(byFunction, 12),
    '',
    `\`node --cpu-prof --cpu-prof-interval 100\`, ${kept} samples over ${ms} ms of \`validate('Site', ·)\` from \`elevate-billing/forms\` on the 1-defect and 3-defect Sites in turn; ` +
      'after a 300 ms warm-up, which is left out. Lines are in the bundle `node.cjs`, attributed to their source file by its `// src/js/…` markers.',
  ];
  return { markdown: lines.join('\n') };
}
