// Differential test: a record validated as a line of NDJSON (validateNdjson: the engine's JSON
// text reader, or serde_json for what it hands back) and the same record validated as a value
// (validate: the JavaScript validators generated from the model) give the same issues, path,
// code, params, message and order, for every schema name, under every option. Records come
// from the exported schema (tests/js/support/payloads.mjs): valid ones and ones with one to
// three random defects, written as JSON.stringify writes them, sometimes with spaces and CRLF.
// validateNdjsonParallel on the same lines gives validateNdjson's report.
//
// Seeded and reproducible: the seed is printed; rerun a failure with
//   ELEVATE_DIFF_SEED=<seed> node --test tests/js/ndjson-differential.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonSchema, schemaNames, validate, validateNdjson, validateNdjsonParallel } from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';

const SEED = process.env.ELEVATE_DIFF_SEED !== undefined ? Number(process.env.ELEVATE_DIFF_SEED) : Date.now() % 2 ** 31;
const RUNS = Number(process.env.ELEVATE_DIFF_RUNS ?? 60);

/** The value as JSON carries it, with well-formed strings (a lone surrogate is not UTF-8). */
function asJson(v) {
  return JSON.parse(JSON.stringify(v ?? null), (_, x) => (typeof x === 'string' ? x.toWellFormed() : x));
}

/** Generated records of `name`: valid ones and defective ones, as JSON values. */
function records(name, seed) {
  const schema = jsonSchema(name);
  const gen = new PayloadGenerator(schema);
  const out = [asJson(FIXTURES[name])];
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const base = asJson(gen.valid(g, schema));
      out.push(base);
      for (let i = 0; i < 3; i++) out.push(asJson(gen.mutate(g, schema, base, g(fc.constantFrom, 1, 1, 2, 3))));
    }),
    { seed, numRuns: RUNS },
  );
  return out;
}

/** One line per record, JSON.stringify's text, now and then spaced out or ended with CRLF. */
function lines(values) {
  return values.map((v, i) => {
    const text = i % 7 === 3 ? JSON.stringify(v, null, 1).replace(/\n/g, ' ') : JSON.stringify(v);
    return i % 5 === 2 ? `${text}\r` : text;
  });
}

const OPTIONS = [undefined, { abortEarly: true }, { unknownFields: 'report' }];

test(`validateNdjson gives validate()'s issues for every record (seed ${SEED})`, async () => {
  console.log(`ndjson differential: seed ${SEED} (rerun with ELEVATE_DIFF_SEED=${SEED})`);
  let total = 0;
  let invalid = 0;
  for (const [index, name] of schemaNames().entries()) {
    const values = records(name, SEED + index);
    const text = lines(values).join('\n');
    for (const options of OPTIONS) {
      const report = validateNdjson(text, name, options);
      const byLine = new Map(report.invalidLines.map((l) => [l.line, l.errors]));
      values.forEach((v, i) => {
        const expected = validate(name, v, options).errors;
        assert.deepEqual(byLine.get(i + 1) ?? [], expected, `${name} line ${i + 1} ${JSON.stringify(options)}: ${JSON.stringify(v)}`);
      });
      assert.equal(report.records, values.length);
      assert.equal(report.invalid, byLine.size);
      total += values.length;
      invalid += byLine.size;
      if (options === undefined) {
        const parallel = await validateNdjsonParallel(text, name, { workers: 2, chunkBytes: 2048 });
        assert.deepEqual(parallel, report, `${name}: validateNdjsonParallel`);
      }
    }
  }
  console.log(`ndjson differential: ${total} records (${invalid} invalid), every issue equal`);
  assert.ok(invalid > total / 10 && invalid < total, `${invalid} of ${total} invalid`);
});
