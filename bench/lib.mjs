// Small helpers every bench section shares: medians, the calibrated timing loop, sizes,
// formatting, the machine line, and where the bench keeps its built artefacts.

import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const root = join(benchDir, '..');
/** Built apps, the installed tarball, profiles: target/ is ignored by git. */
export const workDir = join(root, 'target', 'bench');

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * How many calls of `fn(arg)` take about `budgetMs`: a batch size for timing.
 * @param {(x: any) => unknown} fn
 * @param {unknown} arg
 * @param {number} budgetMs
 */
export function batchSize(fn, arg, budgetMs) {
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(arg);
    const ms = performance.now() - t;
    if (ms > budgetMs / 4 || n > 1 << 22) return Math.max(1, Math.round((n * budgetMs) / Math.max(ms, 0.01)));
    n *= 4;
  }
}

/** @param {Buffer | Uint8Array} bytes @returns {{ raw: number, gzip: number, brotli: number }} */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

export const fmt = (/** @type {number} */ x, d = 2) => x.toFixed(d);
export const kb = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(1);

/** One line saying what ran the numbers. */
export function machineLine(quick) {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  return (
    `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${platform()} ${release()}, ` +
    `Node ${process.versions.node} (V8 ${process.versions.v8}), load average at the start ${load}, ${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''}`
  );
}

/** Prints a progress line on stderr (the tables go to stdout and the README). */
export const progress = (/** @type {string} */ msg) => process.stderr.write(`bench: ${msg}\n`);
