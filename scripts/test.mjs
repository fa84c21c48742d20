#!/usr/bin/env node
// Runs every test suite, in order, stopping at the first failure:
//   native    cargo test (unit, model, client logic) and crates/fixed-patterns (the build-time
//             compiler of the fixed patterns)
//   java-regex cargo test -p java-regex (its differential test runs java.util.regex; JDK required)
//   node      wasm tests of the JS surface in Node            (wasm-bindgen-test)
//   chromium  the same wasm tests in headless Chromium
//   worker    the same wasm tests in a dedicated Web Worker
//   build     npm run build (the package, pkg/)
//   js        JS tests against the built package (node:test: package smoke test, client, …;
//             java-differential.test.mjs runs java.util.regex: JDK required)
//   env       the environment matrix: the packed package built and run in every toolchain
//             and runtime, judged against tests/env/expected-failures.json (tests/env/README.md)
// `npm test -- --only native,node` runs a subset; `--skip chromium,worker` skips some.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return null;
  const list = process.argv[i + 1];
  if (!list || list.startsWith('--')) {
    console.error(`usage: npm test -- --${name} step[,step…]`);
    process.exit(2);
  }
  return new Set(list.split(','));
};
const only = arg('only');
const skip = arg('skip') ?? new Set();

const chromedriver = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const wasmTest = ['test', '--locked', '--target', 'wasm32-unknown-unknown', '--test', 'wasm'];
const jsTests = ['tests/package', 'tests/js', 'tests/env/lib']
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.test.mjs')).map((f) => join(d, f)));

const steps = [
  ['native', 'cargo', ['test', '--locked', '-p', 'elevate-billing', '-p', 'fixed-patterns'], {}],
  ['java-regex', 'cargo', ['test', '--locked', '-p', 'java-regex'], { ELEVATE_REQUIRE_JAVA: '1' }],
  ['node', 'cargo', wasmTest, {}],
  ['chromium', 'cargo', wasmTest, { WASM_BINDGEN_USE_BROWSER: '1', CHROMEDRIVER: chromedriver }],
  ['worker', 'cargo', wasmTest, { WASM_BINDGEN_USE_DEDICATED_WORKER: '1', CHROMEDRIVER: chromedriver }],
  ['build', 'node', ['scripts/build.mjs'], {}],
  ['js', 'node', ['--test', '--test-concurrency=1', ...jsTests], { ELEVATE_REQUIRE_JAVA: '1' }],
  ['env', 'node', ['tests/env/run.mjs'], {}],
];

const summary = [];
for (const [name, cmd, args, env] of steps) {
  if ((only && !only.has(name)) || skip.has(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (r.status !== 0) {
    console.log(`\n${summary.join('\n')}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${summary.join('\n')}\nall test suites passed`);
