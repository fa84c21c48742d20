// Section: bulk NDJSON. The block below is bench/run.mjs's bulk section moved here byte for
// byte (its code is being rewritten on another branch: replace the block as a whole; it is left
// unindented so that it stays identical). run.mjs hands it the names it used from run.mjs's
// scope; it pushes its rows onto `rows` ({ scenario, ours, ajv, zod, better, digits }), which
// run.mjs prints as a table with ratios to ajv.

/**
 * @param {{ quick: boolean, eb: typeof import('../pkg/node.mjs'), ajvSite: (v: unknown) => boolean,
 *   ndjson: (n: number) => string, median: (xs: number[]) => number, rows: any[] }} scope
 */
export function runBulk({ quick, eb, ajvSite, ndjson, median, rows }) {
// Bulk: 100,000 NDJSON records (half invalid): ours parses and validates inside wasm;
// the JS way is JSON.parse + ajv per line.
{
  const n = quick ? 20_000 : 100_000;
  const text = ndjson(n);
  const bytes = Buffer.from(text);
  const ours = () => eb.validateNdjson(bytes, 'Site');
  const theirs = () => {
    let valid = 0;
    let invalid = 0;
    for (const line of text.split('\n')) {
      if (ajvSite(JSON.parse(line))) valid++;
      else invalid++;
    }
    return { valid, invalid };
  };
  const a = ours();
  const b = theirs();
  if (a.valid !== b.valid || a.invalid !== n / 2) throw new Error(`bulk verdicts differ: ours ${a.valid}/${a.invalid}, ajv ${b.valid}/${b.invalid}`);
  const rate = (fn) => {
    const xs = [];
    for (let r = 0; r < (quick ? 2 : 5); r++) {
      const t = performance.now();
      fn();
      xs.push(n / ((performance.now() - t) / 1000));
    }
    return median(xs);
  };
  rows.push({ scenario: `bulk NDJSON, ${n} records, half invalid (records/s)`, ours: rate(ours), ajv: rate(theirs), zod: null, better: 'higher', digits: 0 });
}
}
