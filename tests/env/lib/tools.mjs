// @ts-check
// The two things every case shares: the package as users get it (the `npm pack` tarball of
// pkg/) and one install of every toolchain (tests/env/tools, pinned by its lockfile) with that
// tarball added. The install lives in target/env-tools/ and is reused while the lockfile and
// the tarball are unchanged: a new lockfile reinstalls everything, a new tarball only itself.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstError, run, tail } from './proc.mjs';

/** @param {...(string | Buffer)} parts */
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/**
 * `npm pack` of the built package into a fresh temporary directory.
 * @param {string} pkgDir
 * @returns {Promise<{ tarball: string, ms: number }>}
 */
export async function pack(pkgDir) {
  if (!existsSync(join(pkgDir, 'package.json'))) throw new Error(`${pkgDir} has no package.json: run \`npm run build\` first`);
  const dest = mkdtempSync(join(tmpdir(), 'elevate-env-pack-'));
  const r = await run('npm', ['pack', pkgDir, '--pack-destination', dest, '--silent'], { cwd: dest, timeoutMs: 60_000 });
  const name = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !name.endsWith('.tgz')) throw new Error(`npm pack failed: ${firstError(r.stderr)}`);
  return { tarball: join(dest, name), ms: r.ms };
}

/** @param {string} stamp @returns {{ tools?: string, pkg?: string }} */
function readStamp(stamp) {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return {}; // First run, or one that stopped half-way.
  }
}

/**
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} args
 * @param {string} what
 */
async function npm(dir, env, args, what) {
  const r = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, timeoutMs: 600_000 });
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${firstError(r.stderr)}\n${tail(r.stderr)}`);
}

/**
 * Makes `dir/node_modules` hold tests/env/tools's devDependencies, unless it already holds
 * them for this package.json and lockfile.
 * @param {{ toolsSrc: string, dir: string, env: NodeJS.ProcessEnv }} opts
 * @returns {Promise<{ state: 'cold' | 'cached', ms: number }>}
 */
export async function ensureTools({ toolsSrc, dir, env }) {
  const started = Date.now();
  const key = hash(readFileSync(join(toolsSrc, 'package.json')), readFileSync(join(toolsSrc, 'package-lock.json')));
  const stamp = join(dir, 'installed.json');
  if (readStamp(stamp).tools === key && existsSync(join(dir, 'node_modules'))) return { state: 'cached', ms: Date.now() - started };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(toolsSrc, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(toolsSrc, 'package-lock.json'), join(dir, 'package-lock.json'));
  // Install scripts run, as for users (bun, deno and workerd link their platform binaries).
  await npm(dir, env, ['ci'], 'npm ci of tests/env/tools');
  writeFileSync(stamp, JSON.stringify({ tools: key }));
  return { state: 'cold', ms: Date.now() - started };
}

/**
 * Installs the tarball into `dir` (after ensureTools), unless the same bytes are installed.
 * @param {{ dir: string, tarball: string, env: NodeJS.ProcessEnv }} opts
 * @returns {Promise<{ state: 'installed' | 'cached', ms: number }>}
 */
export async function ensurePackage({ dir, tarball, env }) {
  const started = Date.now();
  const key = hash(readFileSync(tarball));
  const stamp = join(dir, 'installed.json');
  const was = readStamp(stamp);
  if (was.pkg === key && existsSync(join(dir, 'node_modules', 'elevate-billing', 'package.json'))) return { state: 'cached', ms: Date.now() - started };
  // A stable name, and --no-save: package.json and the lockfile stay the committed ones.
  copyFileSync(tarball, join(dir, 'elevate-billing.tgz'));
  await npm(dir, env, ['install', '--no-save', '--offline', './elevate-billing.tgz'], 'npm install of the tarball');
  writeFileSync(stamp, JSON.stringify({ ...was, pkg: key }));
  return { state: 'installed', ms: Date.now() - started };
}

/** @param {string} dir @returns {string[]} what the tools install holds, for the report */
export function installedVersions(dir) {
  const read = (/** @type {string} */ name) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  const deps = Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).devDependencies ?? {});
  return [...deps, 'elevate-billing'].map((d) => `${d}@${read(d)}`);
}

