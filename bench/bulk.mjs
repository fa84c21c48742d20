// Section: bulk NDJSON. 100,000 `Site` records (bench/fixtures.mjs), ~400 bytes a line. Ours
// parses and validates inside wasm and hands back every issue of every invalid line (path,
// code, params, message: `maxInvalidLines: Infinity`; by default only the first 1,000 invalid
// lines keep their issues, a row of its own); the JavaScript way is `JSON.parse` + ajv (allErrors) per line,
// counting verdicts only. Scenarios: half invalid on one thread, the same input on every core
// (validateNdjsonParallel: worker threads, reports merged in line order), all valid, and
// counting only (`maxInvalidLines: 0`). Verdicts are checked to agree before timing. Rounds are
// interleaved (every contender once per round) and the median kept, so load on a shared
// machine hits every contender alike. It pushes its rows onto `rows` ({ scenario, ours, ajv,
// zod, better, digits }), which run.mjs prints as a table with ratios to ajv.

import { availableParallelism } from 'node:os';

/**
 * @param {{ quick: boolean, eb: typeof import('../pkg/node.mjs'), ajvSite: (v: unknown) => boolean,
 *   ndjson: (n: number) => string, median: (xs: number[]) => number, rows: any[] }} scope
 */
export async function runBulk({ quick, eb, ajvSite, ndjson, median, rows }) {
  const n = quick ? 20_000 : 100_000;
  const half = ndjson(n);
  const valid = ndjson(2 * n)
    .split('\n')
    .filter((_, i) => i % 2 === 0)
    .join('\n');
  const halfBytes = Buffer.from(half);
  const validBytes = Buffer.from(valid);
  const ajvLines = (/** @type {string} */ text) => () => {
    let ok = 0;
    for (const line of text.split('\n')) if (ajvSite(JSON.parse(line))) ok++;
    return ok;
  };
  const workers = availableParallelism();
  const every = { maxInvalidLines: Infinity };
  /** @type {Record<string, () => unknown>} */
  const contenders = {
    'half, one thread': () => eb.validateNdjson(halfBytes, 'Site', every),
    'half, all cores': () => eb.validateNdjsonParallel(halfBytes, 'Site', { ...every, workers }),
    'half, default': () => eb.validateNdjson(halfBytes, 'Site'),
    'half, ajv': ajvLines(half),
    'valid, one thread': () => eb.validateNdjson(validBytes, 'Site'),
    'valid, ajv': ajvLines(valid),
    'counting, one thread': () => eb.validateNdjson(halfBytes, 'Site', { maxInvalidLines: 0 }),
  };
  // Verdicts first: ours agree with ajv's, the parallel report is the one-thread report, and
  // every invalid line of the half-invalid input comes back with its issues.
  const one = /** @type {any} */ (contenders['half, one thread']());
  const all = await contenders['half, all cores']();
  if (one.valid !== contenders['half, ajv']() || one.invalid !== n / 2 || one.invalidLines.length !== n / 2) {
    throw new Error(`bulk verdicts differ: ours ${one.valid}/${one.invalid}`);
  }
  if (JSON.stringify(all) !== JSON.stringify(one)) throw new Error('validateNdjsonParallel differs from validateNdjson');
  if (/** @type {any} */ (contenders['valid, one thread']()).valid !== n || contenders['valid, ajv']() !== n) {
    throw new Error('the all-valid input is not all valid');
  }
  if (/** @type {any} */ (contenders['counting, one thread']()).invalid !== n / 2) throw new Error('counting mode miscounts');
  const capped = /** @type {any} */ (contenders['half, default']());
  if (capped.invalid !== n / 2 || capped.invalidLines.length !== 1000 || !capped.truncated) throw new Error('the default report is not the first 1,000 invalid lines');
  /** @type {Record<string, number[]>} */
  const rates = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < (quick ? 3 : 11); r++) {
    for (const [k, fn] of Object.entries(contenders)) {
      const t = performance.now();
      await fn();
      rates[k].push(n / ((performance.now() - t) / 1000));
    }
  }
  const row = (/** @type {string} */ scenario, /** @type {string} */ ours, /** @type {string} */ ajv) =>
    rows.push({ scenario, ours: median(rates[ours]), ajv: median(rates[ajv]), zod: null, better: 'higher', digits: 0 });
  row(`bulk NDJSON, ${n} \`Site\` records, half invalid, every issue of every line kept, one thread (records/s)`, 'half, one thread', 'half, ajv');
  row(`the same on every core: ${workers} worker threads, \`validateNdjsonParallel\` (records/s)`, 'half, all cores', 'half, ajv');
  row(`all valid, one thread (records/s)`, 'valid, one thread', 'valid, ajv');
  row('half invalid, default options (the issues of the first 1,000 invalid lines kept), one thread (records/s)', 'half, default', 'half, ajv');
  row('half invalid, counting only (`maxInvalidLines: 0`), one thread (records/s)', 'counting, one thread', 'half, ajv');
}
