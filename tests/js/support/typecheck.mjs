// Runs the repository's tsc, strict, over files written into a consumer directory whose
// node_modules/elevate-billing is the built pkg/: what a TypeScript user of the package sees.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tsc = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', '.bin', 'tsc');

/**
 * Writes `files` (name → text) into `dir`, type-checks them (strict, nodenext, the DOM lib,
 * `extra` compiler options on top) and returns tsc's output: '' when they compile.
 * @param {string} dir @param {Record<string, string>} files @param {Record<string, unknown>} [extra]
 */
export function typecheck(dir, files, extra = {}) {
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  const compilerOptions = {
    strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'],
    types: [], skipLibCheck: true, ...extra,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: Object.keys(files) }));
  try {
    execFileSync(tsc, ['-p', dir, '--pretty', 'false'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return `${/** @type {any} */ (e).stdout}${/** @type {any} */ (e).stderr}`;
  }
}
