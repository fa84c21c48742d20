// Section 1: single objects, every peer side by side. Each scenario first checks that every
// contender gives the expected verdict (and notes how many issues each reports), then times
// them interleaved round by round on the same input: median µs per call, and the ratio to ajv
// allErrors as the median of each round's ratio (a neighbour's burst of load then hits both
// sides of a ratio alike, which a ratio of two medians does not promise).

import { customer, customerWithOneDefect, invalidSite, site, siteWithOneDefect } from './fixtures.mjs';
import { batchSize, fmt, median } from './lib.mjs';
import { contenders } from './peers.mjs';

export const SCENARIOS = [
  { key: 'site', label: 'valid `Site`', schema: 'Site', value: site(), valid: true },
  { key: 'site1', label: '`Site`, 1 defect', schema: 'Site', value: siteWithOneDefect(), valid: false },
  { key: 'site3', label: '`Site`, 3 defects', schema: 'Site', value: invalidSite(), valid: false },
  { key: 'customer10', label: '`Customer`, 10 sites', schema: 'Customer', value: customer(10), valid: true },
  { key: 'customer1000', label: '`Customer`, 1000 sites', schema: 'Customer', value: customer(1000), valid: true },
  { key: 'customer1000bad', label: '`Customer`, 1000 sites, 1 defect', schema: 'Customer', value: customerWithOneDefect(1000), valid: false },
];

/**
 * @param {{ quick: boolean }} opts
 * @returns {{ markdown: string, results: Record<string, Record<string, number>>, ratios: Record<string, Record<string, number>>, peers: string[] }}
 *   results[scenario key][peer name] = µs per call; ratios[…][…] = median per-round ratio to the base
 */
export function runSingle({ quick }) {
  const rounds = quick ? 3 : 31;
  const budgetMs = quick ? 10 : 20;
  const peers = contenders();
  const base = peers[1].name;
  /** @type {Record<string, Record<string, number>>} */
  const results = {};
  /** @type {Record<string, Record<string, number>>} */
  const ratios = {};
  /** @type {Record<string, Record<string, number | null>>} */
  const issues = {};
  for (const sc of SCENARIOS) {
    issues[sc.key] = {};
    for (const p of peers) {
      const verdict = p.check(sc.schema, sc.value);
      if (verdict !== sc.valid) throw new Error(`${p.name} says ${verdict} for ${sc.label} (expected ${sc.valid})`);
      issues[sc.key][p.name] = p.issues(sc.schema, sc.value);
    }
  }
  // Warm-up: every contender on every input before anything is timed, so each has seen all
  // its shapes (and been optimised for them) when its first scenario is measured.
  for (let pass = 0; pass < 2; pass++) for (const sc of SCENARIOS) for (const p of peers) batchSize((x) => p.check(sc.schema, x), sc.value, budgetMs / 2);
  for (const sc of SCENARIOS) {
    const fns = peers.map((p) => (/** @type {unknown} */ x) => p.check(sc.schema, x));
    const batches = fns.map((fn) => batchSize(fn, sc.value, budgetMs));
    /** @type {number[][]} */
    const samples = peers.map(() => []);
    for (let r = 0; r < rounds; r++) {
      // Rotate the order each round so no contender always runs right after the same one.
      for (let k = 0; k < peers.length; k++) {
        const i = (k + r) % peers.length;
        const fn = fns[i];
        const n = batches[i];
        const value = sc.value;
        const t = performance.now();
        for (let j = 0; j < n; j++) fn(value);
        samples[i].push(((performance.now() - t) * 1000) / n);
      }
    }
    results[sc.key] = Object.fromEntries(peers.map((p, i) => [p.name, median(samples[i])]));
    ratios[sc.key] = Object.fromEntries(peers.map((p, i) => [p.name, median(samples[i].map((us, r) => us / samples[1][r]))]));
  }

  const cell = (/** @type {number} */ us, /** @type {number} */ ratio, isBase = false) => {
    const digits = us >= 100 ? 0 : us >= 10 ? 1 : 2;
    return isBase ? `**${fmt(us, digits)}**` : `${fmt(us, digits)} (${fmt(ratio, 2)}×)`;
  };
  const lines = [
    `| scenario (µs per call; ratio to ${base}) | ${peers.map((p) => p.name).join(' | ')} |`,
    `|---|${peers.map(() => '---:').join('|')}|`,
    ...SCENARIOS.map((sc) => {
      const r = results[sc.key];
      return `| ${sc.label} | ${peers.map((p) => cell(r[p.name], ratios[sc.key][p.name], p.name === base)).join(' | ')} |`;
    }),
    '',
    'Issues each reports (the verdicts were checked to agree before timing):',
    '',
    `| scenario | ${peers.map((p) => p.name).join(' | ')} |`,
    `|---|${peers.map(() => '---:').join('|')}|`,
    ...SCENARIOS.filter((sc) => !sc.valid).map((sc) => `| ${sc.label} | ${peers.map((p) => issues[sc.key][p.name] ?? '—').join(' | ')} |`),
    '',
    ...peers.map((p) => `- **${p.name}**: ${p.note}.`),
    `- µs: the median of ${rounds} interleaved rounds of about ${budgetMs} ms per contender and scenario (each round starts with a different contender); ratio: the median of the ${rounds} per-round ratios to ${base}.`,
  ];
  return { markdown: lines.join('\n'), results, ratios, peers: peers.map((p) => p.name) };
}
