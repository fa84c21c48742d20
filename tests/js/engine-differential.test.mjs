// The JavaScript validators (generated from the model, src/export/js, around
// src/js/core/runtime.js) against the Rust engine compiled to wasm, its oracle: for every schema
// name, generated valid and defective payloads (the ajv differential test's generator) must get
// the same result from both, issue for issue: path, code, params, message and order; with
// default options, `abortEarly` and `unknownFields: 'report'`; `validateField` at every pointer
// of the payload; `formatMessage` with a custom label; `emptyAsAbsent` on payloads with
// emptied fields, against the engine given `null` there. Payloads are JSON text for the engine
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

/** `v` with `''` and `NaN` as `null`: what `emptyAsAbsent` means, for the engine. */
function nullified(v) {
  if (v === '' || (typeof v === 'number' && v !== v)) return null;
  if (Array.isArray(v)) return v.map(nullified);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nullified(x)]));
  return v;
}

/** `v` with some scalars emptied as a form empties them: `''`, or `NaN` for numbers. */
function emptied(g, v) {
  if (Array.isArray(v)) return v.map((x) => emptied(g, x));
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, emptied(g, x)]));
  if (v !== null && g(fc.integer, { min: 0, max: 3 }) === 0) return typeof v === 'number' ? NaN : '';
  return v;
}

/** `emptyAsAbsent` in JavaScript against the engine given nulls where the form is empty. */
function compareEmpty(name, v, shown) {
  const oracle = engine.validate(name, nullified(v));
  assert.deepEqual(core.validate(name, v, { emptyAsAbsent: true }), oracle, `emptyAsAbsent ${shown}`);
  assert.equal(core.isValid(name, v, { emptyAsAbsent: true }), oracle.valid, `isValid emptyAsAbsent ${shown}`);
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
      const blank = emptied(g, base);
      compareEmpty(name, blank, `${name} emptied payload ${JSON.stringify(blank)}`);
      compared += 2;
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

test('e-mail issues say what is wrong, the same in both, and the verdict stays R4\'s', () => {
  const bad = [
    'jane.doe.example.com', '@example.com', 'jane doe@example.com', '.jane@example.com', 'jane..doe@example.com',
    'jane.@example.com', 'jane@', 'jane@exa_mple.com', 'jane@x@example.com', 'jané@example.com', '😀@example.com',
    '\ud800x@example.com', 'jane@exam\ud800ple.com', 'jane@example', 'jane@example..com', 'jane@.example.com',
    'jane@example.com.', 'jane@-example.com', 'jane@example-.com', '"jane doe"@example', 'jane@[300.1.1.1]',
    ' jane@example.com', 'jane@example.com ', 'jane@exämple.com', 'a\tb@example.com',
  ];
  const reasons = new Set();
  for (const email of bad) {
    const ptr = '/siteContacts/0/contactEmailAddress';
    same(`validateField ${JSON.stringify(email)}`, (s) => s.validateField('Site', ptr, email));
    const r = core.validateField('Site', ptr, email);
    assert.equal(r.valid, false, email);
    if (r.errors[0].params.reason) reasons.add(r.errors[0].params.reason);
  }
  assert.deepEqual([...reasons].sort(), ['domainCharacter', 'domainDot', 'domainHyphen', 'domainLabel', 'emptyDomain', 'emptyLocal', 'localCharacter', 'localDot', 'noAt']);
  const m = (email) => core.validateField('Site', '/siteContacts/0/contactEmailAddress', email).errors[0].message;
  assert.equal(m('jane.doe.example.com'), 'Contact e-mail address must contain an @, as in jane.doe@example.co.uk.');
  assert.equal(m('jane doe@example.com'), 'Contact e-mail address cannot contain a space before the @ (character 5).');
  assert.equal(m('jane@example'), 'Contact e-mail address needs a full domain after the @, with a dot, as in example.co.uk.');
  for (const good of ["o'neil+bills@example.co.uk", 'jane@example.com']) {
    assert.equal(core.validateField('Site', '/siteContacts/0/contactEmailAddress', good).valid, true, good);
  }
});

test('labels: the model\'s by default, the caller\'s by pointer, then by name, the same in both', () => {
  const issues = [
    { path: '/siteAddress/postcode', code: 'required', params: {} },
    { path: '/siteInvoiceDetails/invoiceAddress/postcode', code: 'maxLength', params: { limit: 20, actual: 21 } },
    { path: '/siteContacts/1', code: 'type', params: { expected: 'object', actual: 'string' } },
    { path: '/siteContacts/0/receiveInvoiceBy', code: 'required', params: { when: { field: 'contactNameToAppearOnInvoice', equals: true } } },
    { path: '/siteInvoiceDetails/paymentTermsInDays', code: 'required', params: { anyOf: ['paymentTermsInDays', 'preferredPaymentDay'] } },
    { path: '/nope~1x', code: 'unknownField', params: {} },
    { path: '', code: 'type', params: { expected: 'object', actual: 'array' } },
    { path: '/0/op', code: 'enum', params: { allowed: ['add'] } },
  ];
  const labelSets = [
    undefined,
    { postcode: 'Post code' },
    { '/siteAddress/postcode': 'Site postcode', postcode: 'Post code', siteContacts: 'Contacts', contactNameToAppearOnInvoice: 'On invoice' },
    { '/siteContacts': 'People', '/siteContacts/0/contactNameToAppearOnInvoice': 'Shown on invoice', '': 'The site' },
  ];
  for (const issue of issues) {
    for (const labels of labelSets) {
      same(`formatMessage ${JSON.stringify(issue)} ${JSON.stringify(labels)}`, (s) => s.formatMessage(issue, labels));
    }
  }
  assert.equal(core.formatMessage(issues[0]), 'Postcode is required.');
  assert.equal(core.formatMessage(issues[0], labelSets[2]), 'Site postcode is required.');
  assert.equal(core.formatMessage(issues[1], labelSets[2]), 'Post code must be at most 20 characters long (it has 21).');
  assert.equal(core.formatMessage(issues[2], labelSets[3]), 'Item 2 of People must be an object, not a string.');
  assert.equal(core.formatMessage(issues[3], labelSets[3]), 'Receive invoice by is required when Shown on invoice is true.');
  assert.equal(core.describeField('Site', '/siteAddress/address1').label, 'Address line 1');
});
