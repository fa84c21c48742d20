// The JavaScript validators (generated from the model, src/export/js, around
// src/js/core/runtime.js) against the Rust engine compiled to wasm, its oracle: for every schema
// name, generated valid and defective payloads (the ajv differential test's generator) must get
// the same result from both, issue for issue: path, code, params, message and order; with
// default options, `abortEarly` and `unknownFields: 'report'`; `validateField` at every pointer
// of the payload; `formatMessage` with a custom label. Payloads are JSON text for the engine
// (strings made well-formed: the engine reads UTF-8), the same values for JavaScript; what JSON
// cannot carry is the JavaScript side's alone, pinned below.
//
// Seeded: rerun with ELEVATE_ENGINE_SEED=<seed>; ELEVATE_ENGINE_SCALE multiplies the runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { core, engine } from './support/engines.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';

const SEED = process.env.ELEVATE_ENGINE_SEED !== undefined ? Number(process.env.ELEVATE_ENGINE_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.ELEVATE_ENGINE_SCALE ?? 1);
const DEFECTIVE_PER_RUN = 4;

/** The payload as JSON carries it, with well-formed strings. */
function asJson(v) {
  return JSON.parse(JSON.stringify(v ?? null), (_, x) => (typeof x === 'string' ? x.toWellFormed() : x));
}

/** Every pointer into `v` (objects' members and arrays' items), the root included. */
function pointers(v, at = '', out = ['']) {
  if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const p = `${at}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.push(p);
      pointers(x, p, out);
    }
  }
  return out;
}

/** Asserts both sides agree on `f(side)`, with both answers (or both thrown messages) shown. */
function same(what, f) {
  const run = (side) => {
    try {
      return { ok: f(side) };
    } catch (e) {
      return { threw: String(e.message) };
    }
  };
  const js = run(core);
  const rust = run(engine);
  assert.deepEqual(js, rust, what);
}

function compareOn(name, schema, { seed, numRuns }) {
  const gen = new PayloadGenerator(schema);
  let compared = 0;
  const compare = (payload, what) => {
    const v = asJson(payload);
    const shown = `${name} ${what} payload ${JSON.stringify(v)}`;
    same(`validate ${shown}`, (s) => s.validate(name, v));
    same(`abortEarly ${shown}`, (s) => s.validate(name, v, { abortEarly: true }));
    same(`unknownFields ${shown}`, (s) => s.validate(name, v, { unknownFields: 'report' }));
    same(`isValid ${shown}`, (s) => s.isValid(name, v));
    compared += 4;
  };
  const details = fc.check(
    fc.property(fc.gen(), fc.boolean(), (g, fromFixture) => {
      const base = fromFixture ? asJson(FIXTURES[name]) : gen.valid(g, schema);
      compare(base, fromFixture ? 'fixture' : 'generated');
      for (let i = 0; i < DEFECTIVE_PER_RUN; i++) {
        const bad = asJson(gen.mutate(g, schema, base, g(fc.constantFrom, 1, 1, 2, 3)));
        compare(bad, 'defective');
        // validateField at a few pointers of the defective value, with the value found there.
        const ps = pointers(bad);
        for (let j = 0; j < 3; j++) {
          const p = ps[g(fc.integer, { min: 0, max: ps.length - 1 })];
          const at = p.split('/').slice(1).reduce((o, s) => (o == null ? undefined : o[s.replace(/~1/g, '/').replace(/~0/g, '~')]), bad);
          same(`validateField ${name} ${p} = ${JSON.stringify(at)}`, (s) => s.validateField(name, p, at));
          compared += 1;
        }
        for (const issue of core.validate(name, bad).errors) {
          same(`formatMessage ${JSON.stringify(issue)}`, (s) => s.formatMessage(issue, { [issue.path.split('/').pop()]: 'Label' }));
        }
      }
    }),
    { seed, numRuns },
  );
  const failure = details.failed
    ? `${details.errorInstance?.message ?? details.error}\n(fast-check seed ${details.seed}, path ${details.counterexamplePath})`
    : null;
  return { compared, failure };
}

test('the JavaScript validators report what the Rust engine reports, for every schema name', () => {
  console.log(`engine differential seed ${SEED} (ELEVATE_ENGINE_SEED to repeat)`);
  let total = 0;
  const failures = [];
  for (const name of core.schemaNames()) {
    const schema = engine.jsonSchema(name);
    const fields = Object.values(schema.$defs).reduce((n, d) => n + Object.keys(d.properties ?? {}).length, 0);
    const numRuns = Math.ceil(Math.max(30, 2 * fields) * SCALE);
    const { compared, failure } = compareOn(name, schema, { seed: SEED, numRuns });
    total += compared;
    if (failure) failures.push(failure);
  }
  console.log(`compared ${total} calls`);
  assert.equal(failures.length, 0, failures.join('\n\n'));
  assert.ok(total > 10_000, `only ${total} comparisons`);
});

test('values JSON cannot carry are the JavaScript side\'s alone: pinned (what the engine said when it read JavaScript values)', () => {
  const site = FIXTURES.Site;
  const cyclic = { ...site };
  cyclic.siteAddress = { ...site.siteAddress, self: cyclic };
  // [what, value, [path, code, actual][] with default options, extra issues under unknownFields: 'report']
  const cases = [
    ['undefined', undefined, [['', 'type', 'undefined']]],
    ['null', null, [['', 'type', 'null']]],
    ['a bigint', 10n, [['', 'type', 'bigint']]],
    ['a symbol', Symbol('s'), [['', 'type', 'symbol']]],
    ['a function', () => 1, [['', 'type', 'function']]],
    ['NaN', NaN, [['', 'type', 'NaN']]],
    ['a bigint member', { ...site, customerId: 10n }, [['/customerId', 'type', 'bigint']]],
    ['a NaN member', { ...site, customerId: NaN }, [['/customerId', 'type', 'NaN']]],
    ['an Infinity member', { ...site, repaymentPlanAmount: Infinity }, [['/repaymentPlanAmount', 'type', 'Infinity']]],
    ['a boxed string', { ...site, siteName: new String('Boxed') }, []],
    ['a Date', { ...site, startDate: new Date(Date.UTC(2024, 1, 29)) }, [['/startDate', 'format', null]]],
    ['toJSON', { ...site, siteAddress: { toJSON: () => site.siteAddress } }, []],
    ['omitted items', { ...site, siteContacts: [undefined, () => 1, Symbol('x')] },
      [['/siteContacts/0', 'type', 'null'], ['/siteContacts/1', 'type', 'null'], ['/siteContacts/2', 'type', 'null']]],
    ['an unknown member holding them', { ...site, unknown: { deep: [1, 2n, NaN] } }, [], [['/unknown', 'unknownField', null]]],
    ['a cycle in an unknown member', cyclic, [], [['/siteAddress/self', 'unknownField', null]]],
  ];
  const shown = (r) => r.errors.map((e) => [e.path, e.code, e.params.actual ?? null]);
  for (const [what, v, expected, unknown = []] of cases) {
    assert.deepEqual(shown(core.validate('Site', v)), expected, what);
    assert.deepEqual(shown(core.validate('Site', v, { abortEarly: true })), expected.slice(0, 1), `${what} abortEarly`);
    const loud = [...expected, ...unknown];
    assert.deepEqual(shown(core.validate('Site', v, { unknownFields: 'report' })).sort(), loud.sort(), `${what} unknownFields`);
    assert.equal(core.isValid('Site', v), expected.length === 0, `${what} isValid`);
  }
  for (const p of ['/0/value', '/0/value/a/b', '/0/op']) {
    assert.deepEqual(shown(core.validateField('JsonPatch', p, 10n)), [[p, 'type', 'bigint']], p);
  }
});

test('the same results for odd pointers', () => {
  for (const p of ['', '/', '/siteName', '/siteContacts/0', '/siteContacts/+1/contactName', '/siteContacts/x', '/siteName/x', 'siteName', '/nope', '/siteContacts/99999999999']) {
    same(`validateField ${p}`, (s) => s.validateField('Site', p, 'x'));
    same(`validateField ${p} undefined`, (s) => s.validateField('Site', p, undefined));
  }
  for (const p of ['/0/value', '/0/value/a/b', '/0/op']) {
    same(`validateField JsonPatch ${p}`, (s) => s.validateField('JsonPatch', p, 10));
  }
});
