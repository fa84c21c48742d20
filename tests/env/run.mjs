#!/usr/bin/env node
// @ts-check
// The environment matrix: packs pkg/, installs every toolchain once (cached in
// target/env-tools/), then builds and runs each case in cases.mjs with its real toolchain and
// runtime, and judges it against expected-failures.json. See README.md.
//
//   node tests/env/run.mjs                  every case
//   node tests/env/run.mjs --only vite-build,deno
//   node tests/env/run.mjs --list           the cases, what each proves, which are expected to fail
//   node tests/env/run.mjs --install-tools  only install the toolchains (.ci/run's install step)
//
// Exits non-zero on a FAIL (an unexpected failure) or an XPASS (a listed failure that passed:
// prune expected-failures.json).

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.mjs';
import { browserLaunchMs, closeBrowser } from './lib/browser.mjs';
import { caseContext, childEnv } from './lib/context.mjs';
import { runNextCase } from './lib/kinds/next.mjs';
import { runDevServerCase, runPageCase } from './lib/kinds/page.mjs';
import { runProcessCase } from './lib/kinds/process.mjs';
import { runTypeScriptCase } from './lib/kinds/typescript.mjs';
import { runWorkerdCase } from './lib/kinds/workerd.mjs';
import { ensurePackage, ensureTools, installedVersions, pack } from './lib/tools.mjs';
import { classify, exitCode, staleEntries, summary } from './lib/verdict.mjs';
import { prepareCase } from './lib/workspace.mjs';

const envDir = dirname(fileURLToPath(import.meta.url));
const root = join(envDir, '..', '..');
const toolsDir = join(root, 'target', 'env-tools');

const KINDS = {
  process: runProcessCase,
  page: runPageCase,
  'dev-server': runDevServerCase,
  workerd: runWorkerdCase,
  next: runNextCase,
  typescript: runTypeScriptCase,
};

/** @type {Record<string, string>} */
const expected = JSON.parse(readFileSync(join(envDir, 'expected-failures.json'), 'utf8'));

function parseArgs() {
  const argv = process.argv.slice(2);
  let only = null;
  let list = false;
  let installOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--list') list = true;
    else if (argv[i] === '--install-tools') installOnly = true;
    else if (argv[i] === '--only' && argv[i + 1]) only = new Set(argv[++i].split(',').map((n) => n.split('/')[0]));
    else {
      console.error('usage: node tests/env/run.mjs [--only case[,case…]] [--list] [--install-tools]');
      process.exit(2);
    }
  }
  const unknown = [...(only ?? [])].filter((n) => !CASES.some((c) => c.name === n));
  if (unknown.length) {
    console.error(`unknown case(s): ${unknown.join(', ')} (see --list)`);
    process.exit(2);
  }
  return { only, list, installOnly };
}

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

function listCases() {
  for (const c of CASES) {
    const listed = Object.entries(expected).filter(([k]) => k === c.name || k.startsWith(`${c.name}/`));
    console.log(`${c.name.padEnd(16)} ${c.proves}`);
    for (const [k, why] of listed) console.log(`${''.padEnd(16)}   expected to fail: ${k}: ${why}`);
  }
}

async function main() {
  const { only, list, installOnly } = parseArgs();
  if (list) return listCases();
  const selected = CASES.filter((c) => !only || only.has(c.name));
  const started = Date.now();
  const env = childEnv(toolsDir);

  const tools = await ensureTools({ toolsSrc: join(envDir, 'tools'), dir: toolsDir, env });
  console.log(`toolchains ${tools.state} in ${seconds(tools.ms)} (${toolsDir})`);
  if (installOnly) return 0;
  const packed = await pack(join(root, 'pkg'));
  const pkg = await ensurePackage({ dir: toolsDir, tarball: packed.tarball, env });
  rmSync(dirname(packed.tarball), { recursive: true, force: true });
  console.log(`npm pack in ${seconds(packed.ms)}; tarball ${pkg.state} in ${seconds(pkg.ms)}`);
  console.log(installedVersions(toolsDir).join(' '));
  const install = { tools: tools.state, toolsMs: tools.ms, pack: packed.ms, pkg: pkg.state, pkgMs: pkg.ms };

  /** @type {{ case: string, status: import('./lib/verdict.mjs').Status, ok: boolean, details: Record<string, any> }[]} */
  const results = [];
  /** @type {{ name: string, ms: number, phases: Record<string, number>, statuses: string[] }[]} */
  const timings = [];
  for (const def of selected) {
    const caseStarted = Date.now();
    const dir = prepareCase({ envDir, toolsDir, name: def.name, fixture: def.fixture, typescript: def.kind === 'typescript' });
    const ctx = caseContext({ dir, toolsDir, env });
    /** @type {import('./lib/context.mjs').PartResult[]} */
    let parts;
    try {
      parts = await KINDS[def.kind](ctx, def);
    } catch (e) {
      parts = [{ name: def.name, ok: false, details: { error: `harness: ${e instanceof Error ? e.stack : String(e)}` } }];
    }
    const statuses = [];
    for (const p of parts) {
      const status = classify(p.ok, expected[p.name]);
      statuses.push(status);
      results.push({ case: p.name, status, ok: p.ok, details: p.details });
      const why = p.ok ? '' : `: ${summary(p.details)}`;
      console.log(`${status.padEnd(5)} ${p.name}${why}`);
      if (status === 'FAIL' && p.details.output) console.log(p.details.output.replace(/^/gm, '      | '));
      if (status === 'XPASS') console.log(`      !!! ${p.name} is listed in tests/env/expected-failures.json but PASSED: remove its entry`);
    }
    timings.push({ name: def.name, ms: Date.now() - caseStarted, phases: ctx.phases, statuses });
  }
  await closeBrowser();

  // The timing table.
  console.log(`\n${'case'.padEnd(16)} ${'status'.padEnd(11)} ${'total'.padStart(7)}  phases`);
  console.log(`${'(toolchains)'.padEnd(16)} ${'-'.padEnd(11)} ${seconds(tools.ms).padStart(7)}  ${tools.state}`);
  console.log(`${'(package)'.padEnd(16)} ${'-'.padEnd(11)} ${seconds(packed.ms + pkg.ms).padStart(7)}  npm pack, tarball ${pkg.state}`);
  if (browserLaunchMs()) console.log(`${'(chromium)'.padEnd(16)} ${'-'.padEnd(11)} ${seconds(browserLaunchMs()).padStart(7)}  one launch, shared`);
  for (const t of timings) {
    const statuses = [...new Set(t.statuses)].join('/');
    const phases = Object.entries(t.phases).map(([k, v]) => `${k} ${seconds(v)}`).join(', ');
    console.log(`${t.name.padEnd(16)} ${statuses.padEnd(11)} ${seconds(t.ms).padStart(7)}  ${phases}`);
  }
  console.log(`${'total'.padEnd(16)} ${''.padEnd(11)} ${seconds(Date.now() - started).padStart(7)}`);

  const count = (/** @type {string} */ s) => results.filter((r) => r.status === s).length;
  const stale = staleEntries(expected, results.map((r) => r.case), selected.map((c) => c.name));
  if (stale.length) console.log(`\nexpected-failures.json names results that no longer exist: ${stale.join(', ')}`);
  const xpass = results.filter((r) => r.status === 'XPASS');
  if (xpass.length) console.log(`\n!!! XPASS: ${xpass.map((r) => r.case).join(', ')} now pass: remove them from tests/env/expected-failures.json`);
  const fail = results.filter((r) => r.status === 'FAIL');
  if (fail.length) console.log(`\nFAIL: ${fail.map((r) => r.case).join(', ')}`);
  console.log(`\nenv matrix: ${count('PASS')} PASS, ${count('XFAIL')} XFAIL, ${count('FAIL')} FAIL, ${count('XPASS')} XPASS`);
  writeFileSync(join(toolsDir, 'results.json'), `${JSON.stringify({ install, timings, results }, null, 2)}\n`);
  return exitCode(results.map((r) => r.status));
}

main().then(
  (code) => process.exit(code ?? 0),
  async (e) => {
    await closeBrowser().catch(() => {});
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
