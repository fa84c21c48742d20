// The fast path of `validate` (src/export/javascript.rs, wired in src/js/api.js): a generated
// JavaScript predicate answers "surely valid" without calling wasm, and must never answer it
// where wasm would say invalid. Here, on the built package:
// - a differential run: for every schema name, generated valid and defective payloads (the
//   differential test's generator, fed raw JS values, lone surrogates and all); whenever the
//   fast path answered, the wasm validator, called directly, must say valid; and on values wasm
//   finds valid the fast path must answer for a share of them (printed per schema; above 0 for
//   every schema without regex-valued fields, which always go to wasm);
// - deterministic edges: UTF-16 lengths, the rulings, JS-only values (getters, toJSON, Date,
//   BigInt, cycles, proxies), setPattern.
//
// Whether wasm was called is observed by wrapping the glue's `validate` (api.js looks it up
// at each call). Seeded: rerun with ELEVATE_FAST_SEED=<seed>.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import * as eb from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';

const SEED = process.env.ELEVATE_FAST_SEED !== undefined ? Number(process.env.ELEVATE_FAST_SEED) : Date.now() % 2 ** 31;
const MINIMUM_TOTAL = 10_000;
const REGEX_FIELD = "regular expression in the server's (Java) dialect";

const glue = createRequire(import.meta.url)('../../pkg/elevate_billing_node.cjs');
const wasmValidate = glue.validate;
let wasmCalls = 0;
glue.validate = function (...args) {
  wasmCalls += 1;
  return wasmValidate.apply(this, args);
};

/** `validate(name, value)` through the package, whether the fast path answered, and the
 * verdict of the wasm validator called directly. */
function judge(name, value, options) {
  wasmCalls = 0;
  const result = eb.validate(name, value, options);
  const fast = wasmCalls === 0;
  return { result, fast, wasm: wasmValidate(name, value) };
}

/** Asserts the one-sided contract on `value`, returns whether the fast path answered. */
function holds(name, value, what) {
  const { result, fast, wasm } = judge(name, value);
  if (fast && !wasm.valid) {
    const shown = JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    assert.fail(`${name}: fast path said valid, wasm says ${JSON.stringify(wasm.errors.map((e) => `${e.path} ${e.code}`))} (${what})\n${shown}`);
  }
  assert.deepEqual(result, wasm, `${name}: validate() differs from the wasm path (${what})`);
  return fast;
}

test(`the fast path never calls an invalid value valid, and answers for valid ones (seed ${SEED})`, () => {
  console.log(`fast path: seed ${SEED} (rerun with ELEVATE_FAST_SEED=${SEED})`);
  let total = 0;
  eb.schemaNames().forEach((name, index) => {
    const schema = eb.jsonSchema(name);
    const gen = new PayloadGenerator(schema);
    const seen = { payloads: 0, valid: 0, fastValid: 0 };
    const check = (value, what) => {
      const fast = holds(name, value, what);
      seen.payloads += 1;
      if (wasmValidate(name, value).valid) {
        seen.valid += 1;
        if (fast) seen.fastValid += 1;
      }
    };
    fc.assert(
      fc.property(fc.gen(), fc.boolean(), (g, fromFixture) => {
        const base = fromFixture ? structuredClone(FIXTURES[name]) : gen.valid(g, schema);
        check(base, fromFixture ? 'fixture' : 'generated');
        for (let i = 0; i < 3; i++) check(gen.mutate(g, schema, base, g(fc.constantFrom, 1, 1, 2, 3)), 'defective');
      }),
      { seed: SEED + index, numRuns: 80 },
    );
    const share = seen.valid ? seen.fastValid / seen.valid : 0;
    const regexFields = JSON.stringify(schema).includes(REGEX_FIELD);
    console.log(`  ${name}: ${seen.payloads} payloads, ${seen.valid} valid, fast path on ${(100 * share).toFixed(0)}% of them${regexFields ? ' (has regex-valued fields)' : ''}`);
    assert.ok(seen.valid > 0, `${name}: no valid payload generated`);
    if (!regexFields) assert.ok(seen.fastValid > 0, `${name}: the fast path never answered for a valid value`);
    total += seen.payloads;
  });
  console.log(`fast path: ${total} payloads, never valid where wasm says invalid`);
  assert.ok(total >= MINIMUM_TOTAL, `${total} payloads, fewer than ${MINIMUM_TOTAL}`);
});

const site = FIXTURES.Site;
const contact = site.siteContacts[0];
const withContact = (c) => ({ ...site, siteContacts: [{ ...contact, ...c }] });

test('edges: lengths, rulings and null, with the fast path taken exactly where valid', () => {
  // [what, schema, value, valid]: a valid value is answered by the fast path.
  const cases = [
    ['R5 100 UTF-16 units (astral)', 'Site', { ...site, siteName: '𝐀'.repeat(50) }, true],
    ['R5 102 UTF-16 units (astral)', 'Site', { ...site, siteName: '𝐀'.repeat(51) }, false],
    ['R5 100 units, BMP', 'Site', { ...site, siteName: 'a'.repeat(100) }, true],
    ['R5 101 units, BMP', 'Site', { ...site, siteName: 'a'.repeat(101) }, false],
    ['R2 phone with +', 'Site', withContact({ contactTelephoneNumber: '+44 20 7946 0000' }), false],
    ['R2 phone with 00', 'Site', withContact({ contactTelephoneNumber: '0044 20 7946 0000' }), true],
    ['R8 leap day', 'Site', { ...site, startDate: '2024-02-29' }, true],
    ['R8 not a leap year', 'Site', { ...site, startDate: '2023-02-29' }, false],
    ['R8 int32 max', 'Customer', { ...FIXTURES.Customer, contractOwnerId: 2147483647 }, true],
    ['R8 int32 max + 1', 'Customer', { ...FIXTURES.Customer, contractOwnerId: 2147483648 }, false],
    ['R8 int64 at 2^53 - 1', 'Site', { ...site, customerId: 2 ** 53 - 1 }, true],
    ['R8 int64 at 2^53', 'Site', { ...site, customerId: 2 ** 53 }, false],
    ['R7 UK', 'Address', { ...FIXTURES.Address, country: 'UK' }, false],
    ['R7 GB', 'Address', { ...FIXTURES.Address, country: 'GB' }, true],
    ['null optional', 'Site', { ...site, endDate: null }, true],
    ['undefined optional', 'Site', { ...site, endDate: undefined }, true],
    ['null required', 'Site', { ...site, siteName: null }, false],
    ['two invoice contacts', 'Site', { ...site, siteContacts: [contact, { ...contact }] }, false],
    ['1000 sites', 'Customer', { ...FIXTURES.Customer, sites: Array(1000).fill(FIXTURES.Customer.sites[0]) }, true],
    ['1001 sites', 'Customer', { ...FIXTURES.Customer, sites: Array(1001).fill(FIXTURES.Customer.sites[0]) }, false],
    ['patch value null', 'JsonPatch', [{ op: 'add', path: '/a', value: null }], true],
    ['patch value missing', 'JsonPatch', [{ op: 'add', path: '/a' }], false],
    ['unknown primitive member', 'Site', { ...site, nickname: 42 }, true],
    ['null-prototype object', 'Address', Object.assign(Object.create(null), FIXTURES.Address), true],
  ];
  for (const [what, name, value, valid] of cases) {
    const { result, fast, wasm } = judge(name, value);
    assert.equal(wasm.valid, valid, `${what}: wasm verdict`);
    assert.deepEqual(result, wasm, `${what}: validate() gives the wasm result`);
    assert.equal(fast, valid, `${what}: fast path ${fast ? 'taken' : 'not taken'}`);
  }
  // The phone message keeps its specific reason (it comes from wasm).
  const plus = eb.validate('Site', withContact({ contactTelephoneNumber: '+44 20 7946 0000' }));
  assert.equal(plus.errors[0].params.reason, 'plusSign');
  // A fresh result each time; options that only stop early keep the fast path; others do not.
  const a = judge('Site', site);
  assert.ok(a.fast && a.result !== eb.validate('Site', site) && a.result.errors !== eb.validate('Site', site).errors);
  assert.equal(judge('Site', site, { abortEarly: true }).fast, true);
  assert.equal(judge('Site', site, { unknownFields: 'report' }).fast, false);
  assert.throws(() => eb.validate('Site', site, { abortEarly: 'yes' }), /abortEarly/);
  wasmCalls = 0;
  assert.equal(eb.isValid('Site', site), true);
  assert.equal(wasmCalls, 0, 'isValid takes the fast path');
  assert.equal(eb.isValid('Site', { ...site, startDate: '2023-02-29' }), false);
  assert.throws(() => eb.validate('Nope', site), /Nope/, 'an unknown name still throws');
});

test('JS-only values go to wasm, which judges them as JSON.stringify would send them', () => {
  const cycle = { ...site };
  cycle.self = cycle;
  const withToJSON = { toJSON: () => site };
  const arrayToJSON = Object.assign([{ op: 'remove', path: '/a' }], { toJSON: () => [{}] });
  const hiddenToJSON = Object.defineProperty({ ...site }, 'toJSON', { value: () => ({}) });
  const polluted = Object.assign(Object.create({ inherited: true }), site);
  const cases = [
    ['unknown object member', 'Site', { ...site, nickname: { a: 1 } }],
    ['unknown array member', 'Site', { ...site, nickname: [1] }],
    ['unknown BigInt member', 'Site', { ...site, nickname: 1n }],
    ['unknown function member', 'Site', { ...site, nickname: () => 1 }],
    ['unknown NaN member', 'Site', { ...site, nickname: NaN }],
    ['cycle through an unknown member', 'Site', cycle],
    ['toJSON on the root', 'Site', withToJSON],
    ['toJSON on an array', 'JsonPatch', arrayToJSON],
    ['non-enumerable toJSON', 'Site', hiddenToJSON],
    ['Date for a date field', 'Site', { ...site, startDate: new Date('2024-01-01') }],
    ['BigInt id', 'Site', { ...site, customerId: 12n }],
    ['boxed string', 'Site', { ...site, siteName: new String('Head Office') }],
    ['class instance', 'Address', new (class Address {})()],
    ['object with a prototype', 'Site', polluted],
    ['lone surrogate in a patterned field', 'Site', { ...site, siteName: 'Head \uD800' }],
  ];
  for (const [what, name, value] of cases) {
    const { result, fast, wasm } = judge(name, value);
    assert.equal(fast, false, `${what}: not answered by the fast path`);
    assert.deepEqual(result, wasm, `${what}: validate() gives the wasm result`);
  }
  assert.equal(judge('Site', withToJSON).result.valid, true, 'toJSON is honoured');
  assert.equal(judge('JsonPatch', arrayToJSON).result.valid, false, "an array's toJSON is honoured");
  assert.equal(judge('Site', hiddenToJSON).result.valid, false, 'a non-enumerable toJSON is honoured');
  assert.equal(judge('Site', { ...site, startDate: new Date('2024-01-01') }).result.valid, false, 'a Date is an ISO date-time');
  // A benign proxy reads like the object it wraps (the encoder reads it the same way).
  assert.deepEqual(judge('Site', new Proxy(site, {})).result, { valid: true, errors: [] });
});

test('a getter or proxy that throws still throws the same Error', () => {
  const boom = (o, key) => Object.defineProperty({ ...o }, key, { enumerable: true, get() { throw new Error('boom'); } });
  const throwing = [
    ['getter', 'Site', boom(site, 'siteName')],
    ['getter of an unknown member', 'Site', boom(site, 'nickname')],
    ['nested getter', 'Site', { ...site, siteAddress: boom(FIXTURES.Address, 'town') }],
    ['proxy', 'Site', new Proxy(site, { get() { throw new Error('trap'); } })],
    ['proxy ownKeys', 'Site', new Proxy(site, { ownKeys() { throw new Error('keys'); } })],
  ];
  for (const [what, name, value] of throwing) {
    let expected;
    try {
      wasmValidate(name, value);
    } catch (e) {
      expected = e;
    }
    assert.ok(expected instanceof Error, `${what}: the wasm path throws`);
    assert.throws(() => eb.validate(name, value), (e) => e instanceof Error && e.message === expected.message, what);
    assert.throws(() => eb.isValid(name, value), (e) => e.message === expected.message, `${what} (isValid)`);
  }
});

test('setPattern and resetPattern: the fast path follows the pattern in force', () => {
  // Built-in NAME_CURLY takes 'Xavier' and refuses '<>'; the replacement '[^X]+' the opposite.
  const x = { ...site, siteName: 'Xavier' };
  const angled = { ...site, siteName: 'Head <Office>' };
  try {
    assert.deepEqual([judge('Site', x).fast, judge('Site', angled).result.valid], [true, false]);
    eb.setPattern('NAME_CURLY', '[^X]+');
    const before = judge('Site', x);
    assert.equal(before.fast, false, 'no longer valid, so not answered by the fast path');
    assert.equal(before.result.valid, false);
    assert.equal(before.result.errors[0].code, 'pattern');
    const after = judge('Site', angled);
    assert.deepEqual([after.fast, after.result.valid], [true, true], 'valid under the new pattern, answered fast');
    assert.throws(() => eb.setPattern('NAME_CURLY', '[unclosed'), Error);
    assert.equal(judge('Site', x).fast, false, 'a failed setPattern changes nothing');
    assert.equal(judge('Site', angled).fast, true);
    eb.resetPattern('NAME_CURLY');
    assert.deepEqual([judge('Site', x).fast, judge('Site', angled).fast], [true, false]);
    assert.equal(judge('Site', angled).result.valid, false);
    eb.setPattern('POSTCODE', '[0-9]+');
    assert.equal(judge('Address', FIXTURES.Address).fast, false);
    eb.resetPattern();
    assert.equal(judge('Address', FIXTURES.Address).fast, true, 'resetPattern() restores every pattern');
  } finally {
    eb.resetPattern();
  }
});
