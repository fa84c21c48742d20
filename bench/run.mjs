#!/usr/bin/env node
// `npm run bench`: every contender on the same inputs, in one run, and a table with ratios to
// ajv. Scenarios that need a fresh process (cold start, memory) run in child processes.
// Writes the table into bench/README.md (between the results markers) with the machine.
//   node bench/run.mjs [--quick]     (--quick: fewer rounds, for a smoke run)

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as eb from '../pkg/node.mjs';
import { customer, invalidSite, ndjson, site } from './fixtures.mjs';
import { schemas } from './zod-schemas.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 5 : 21;

// ---- contenders ---------------------------------------------------------------------------

/** ajv compiled from the package's own exported JSON Schema, as a team adopting it would. */
function ajvValidator(name) {
  // `unicode: false` makes minLength/maxLength count UTF-16 code units, as the server does
  // (decisions R5). ajv marks the option deprecated but honours it; only that warning is muted.
  const warn = (msg) => String(msg).includes('option unicode') || console.warn(msg);
  const logger = { log: console.log, warn, error: console.error };
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicode: false, logger });
  addFormats(ajv);
  return ajv.compile(eb.jsonSchema(name));
}
const countries = findEnum(eb.jsonSchema('Address'), 'country');
function findEnum(schema, prop) {
  let found = null;
  JSON.stringify(schema, (k, v) => {
    if (!found && v && typeof v === 'object' && v.properties && v.properties[prop]) {
      const p = v.properties[prop];
      found = p.enum ?? p.allOf?.find((x) => x.enum)?.enum ?? p.anyOf?.find((x) => x.enum)?.enum;
    }
    return v;
  });
  if (!found) throw new Error(`no enum for ${prop} in the exported schema`);
  return found;
}
const zod = schemas(countries);
const ajvSite = ajvValidator('Site');
const ajvCustomer = ajvValidator('Customer');

const contenders = {
  'elevate-billing': { Site: (v) => eb.validate('Site', v).valid, Customer: (v) => eb.validate('Customer', v).valid },
  ajv: { Site: (v) => ajvSite(v), Customer: (v) => ajvCustomer(v) },
  'zod 4': { Site: (v) => zod.Site.safeParse(v).success, Customer: (v) => zod.Customer.safeParse(v).success },
};

// ---- timing -------------------------------------------------------------------------------

function perCall(fn, arg, budgetMs = 40) {
  // Calibrate a batch that takes about budgetMs, then time it.
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(arg);
    const ms = performance.now() - t;
    if (ms > budgetMs / 4 || n > 1 << 22) return { n: Math.max(1, Math.round((n * budgetMs) / Math.max(ms, 0.01))) };
    n *= 4;
  }
}

/** Median µs per call of each contender, interleaved round by round on the same input. */
function single(schema, value, expectValid) {
  const names = Object.keys(contenders);
  for (const name of names) {
    const verdict = contenders[name][schema](value);
    if (verdict !== expectValid) throw new Error(`${name} says ${verdict} for the ${schema} input (expected ${expectValid})`);
  }
  const batches = Object.fromEntries(names.map((n) => [n, perCall(contenders[n][schema], value).n]));
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of names) {
      const fn = contenders[name][schema];
      const n = batches[name];
      const t = performance.now();
      for (let i = 0; i < n; i++) fn(value);
      samples[name].push(((performance.now() - t) * 1000) / n);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// ---- scenarios ----------------------------------------------------------------------------

const rows = [];
const fmt = (x, d = 2) => x.toFixed(d);

for (const [label, schema, value, valid] of [
  ['valid Site (µs/call)', 'Site', site(), true],
  ['invalid Site, 3 defects (µs/call)', 'Site', invalidSite(), false],
  ['Customer with 10 sites (µs/call)', 'Customer', customer(10), true],
]) {
  const r = single(schema, value, valid);
  rows.push({ scenario: label, ours: r['elevate-billing'], ajv: r.ajv, zod: r['zod 4'], better: 'lower' });
}

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

// Cold start: import + instantiate in a fresh Node process.
{
  const script = `const t = process.hrtime.bigint(); const m = await import(${JSON.stringify(join(root, 'pkg', 'node.mjs'))}); await m.ready; m.validate('Site', {}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const xs = [];
  for (let i = 0; i < (quick ? 3 : 9); i++) xs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  rows.push({ scenario: 'cold start: import + instantiate + first call in Node (ms)', ours: median(xs), ajv: null, zod: null, better: 'lower' });
}

// Memory: wasm memory and RSS before and after 1,000,000 calls (valid and invalid mixed).
const memory = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', join(here, 'memory.mjs'), String(quick ? 200_000 : 1_000_000)], { encoding: 'utf8' }),
);

// Size of what a browser downloads.
const sizes = ['elevate_billing_bg.wasm', 'index.js'].map((f) => {
  const b = readFileSync(join(root, 'pkg', f));
  return {
    file: f,
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

// ---- report -------------------------------------------------------------------------------

const ratio = (row, x) => (x == null || row.ajv == null ? '' : `${fmt(x / row.ajv, 2)}×`);
const cell = (row, x) => (x == null ? '—' : `${fmt(x, row.digits ?? 2)}${x === row.ajv || row.ajv == null ? '' : ` (${ratio(row, x)})`}`);
const lines = [
  '| scenario | elevate-billing | ajv | zod 4 |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.scenario} | ${cell(r, r.ours)} | ${r.ajv == null ? '—' : fmt(r.ajv, r.digits ?? 2)} | ${cell(r, r.zod)} |`),
  '',
  'Ratios are to ajv in the same run (time: below 1× is faster; records/s: above 1× is faster).',
  '',
  '| file | raw | gzip -9 | brotli 11 |',
  '|---|---:|---:|---:|',
  ...sizes.map((s) => `| ${s.file} | ${s.raw} | ${s.gzip} | ${s.brotli} |`),
  '',
  `Memory over ${memory.calls} validate calls (valid and invalid mixed): wasm memory ${memory.wasmBefore} → ${memory.wasmAfter} bytes; ` +
    `RSS ${fmt(memory.rssBefore / 2 ** 20, 1)} → ${fmt(memory.rssAfter / 2 ** 20, 1)} MiB (after GC).`,
];
const machine =
  `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${platform()} ${release()}, ` +
  `Node ${process.versions.node} (V8 ${process.versions.v8}), ${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''}`;
const table = `Machine: ${machine}\n\n${lines.join('\n')}\n`;
console.log(table);

if (!quick) {
  const readme = join(here, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) {
    writeFileSync(readme, `${text.slice(0, i + start.length)}\n${table}${text.slice(j)}`);
    console.log('bench/README.md updated');
  }
}
