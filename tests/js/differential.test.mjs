// Differential test: for every schema name, the exported JSON Schema (`jsonSchema(name)`,
// compiled by ajv) and the validator (`validate(name, v)`) must give the same verdict on
// every payload. Payloads come from the exported schema itself (tests/js/support/payloads.mjs):
// valid values, and values with one to three random defects.
//
// Seeded and reproducible: the seed is printed; rerun a failure with
//   ELEVATE_DIFF_SEED=<seed> node --test tests/js/differential.test.mjs
// ELEVATE_DIFF_SCALE multiplies the runs per schema (each run compares three payloads).
//
// ajv is set up as the exported schemas say validators should be: draft 2020-12, strict,
// every error, lengths in UTF-16 code units (`unicode: false`, decisions R5), patterns with
// the `u` flag (ajv's default), ajv-formats for date, date-time, json-pointer, int32, int64.
//
// Where the two differ on purpose, the generator stays away, for these reasons:
// - regex-valued fields (TextFormat::Regex): the validator compiles them in the server's Java
//   dialect (decisions R10), JSON Schema can only say "a string". Only valid regexes are put
//   there (payloads.mjs, JAVA_REGEXES).
// - lone surrogates: JSON text sent as UTF-8 cannot carry them and the package's encoder
//   replaces them with U+FFFD, while ajv would match the lone code unit. Every generated
//   string is well-formed (`toWellFormed`).
// - values JSON cannot carry (undefined, NaN, BigInt, -0): `validate` reads values with
//   JSON.stringify semantics, ajv does not; payloads go through JSON first.
// Everything else is meant to agree: Java `\s`/`\w` and `,-_` ranges (the exported pattern is
// printed from the compiled form), UTF-16 lengths against code-point pattern counts, null on
// optional fields, cross-field rules, integer widths. (Date-time fields of request bodies
// are all read-only, so typed only; their exported `pattern` is held to `is_date_time` by a
// Rust test.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { jsonSchema, schemaNames, validate, openApiDocument } from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';

const SEED = process.env.ELEVATE_DIFF_SEED !== undefined ? Number(process.env.ELEVATE_DIFF_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.ELEVATE_DIFF_SCALE ?? 1);
const DEFECTIVE_PER_RUN = 2;
const MINIMUM_TOTAL = 10_000;

/** ajv 8 logs that `unicode` is deprecated, but `unicode: false` is still how it counts
 * lengths in UTF-16 code units (decisions R5): one instance, so the notice comes once. */
const ajv = new Ajv2020({ strict: true, allErrors: true, unicode: false });
addFormats(ajv);

/** Runs for a schema: four per field it reaches (at least 80), so big bodies get more. */
function runsFor(schema) {
  const fields = Object.values(schema.$defs).reduce((n, d) => n + Object.keys(d.properties ?? {}).length, 0);
  return Math.ceil(Math.max(80, 4 * fields) * SCALE);
}

/** The payload as JSON carries it, with well-formed strings (see the header). */
function asJson(v) {
  return JSON.parse(JSON.stringify(v ?? null), (_, x) => (typeof x === 'string' ? x.toWellFormed() : x));
}

/**
 * Compares `validate(name, ·)` with `check` on generated payloads. Returns how many of each
 * verdict were seen and the first disagreement (shrunk unless `shrink` is false), if any.
 */
function compareOn(name, schema, check, { seed, numRuns, shrink = true }) {
  const gen = new PayloadGenerator(schema);
  const seen = { valid: 0, invalid: 0 };
  const compare = (payload, what) => {
    const v = asJson(payload);
    const ours = validate(name, v);
    const theirs = check(v);
    if (ours.valid !== theirs) {
      throw new Error(
        `${name}: ${what} payload judged ${ours.valid ? 'valid' : 'invalid'} by validate() but ` +
          `${theirs ? 'valid' : 'invalid'} by ajv\npayload: ${JSON.stringify(v)}\n` +
          `validate(): ${JSON.stringify(ours.errors.map((e) => `${e.path} ${e.code}`))}\n` +
          `ajv: ${JSON.stringify((check.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath}`))}`,
      );
    }
    seen[theirs ? 'valid' : 'invalid'] += 1;
  };
  const details = fc.check(
    fc.property(fc.gen(), fc.boolean(), (g, fromFixture) => {
      // Start from a generated value, or from the fixture (realistic text to break).
      const base = fromFixture ? asJson(FIXTURES[name]) : gen.valid(g, schema);
      compare(base, fromFixture ? 'fixture' : 'generated');
      for (let i = 0; i < DEFECTIVE_PER_RUN; i++) {
        // One defect half the time: a lone defect is the one no other issue can mask.
        compare(gen.mutate(g, schema, base, g(fc.constantFrom, 1, 1, 2, 3)), 'defective');
      }
    }),
    { seed, numRuns, endOnFailure: !shrink },
  );
  const failure = details.failed ? `${details.errorInstance?.message ?? details.error} (fast-check seed ${details.seed}, path ${details.counterexamplePath})` : null;
  return { seen, failure };
}

test('every exported schema compiles in ajv strict mode and accepts the model fixtures', () => {
  const names = schemaNames();
  assert.deepEqual(Object.keys(FIXTURES).sort(), [...names].sort(), 'one fixture per schema name');
  for (const name of names) {
    const check = ajv.compile(jsonSchema(name));
    assert.equal(validate(name, FIXTURES[name]).valid, true, `${name}: the fixture is valid for validate()`);
    assert.equal(check(FIXTURES[name]), true, `${name}: the fixture is valid for ajv: ${JSON.stringify(check.errors)}`);
  }
  // The OpenAPI components are the same schemas: a request body there judges alike.
  const id = 'https://elevate-billing.invalid/components';
  const components = JSON.stringify(openApiDocument().components.schemas).replaceAll('"#/components/schemas/', `"${id}#/$defs/`);
  ajv.addSchema({ $id: id, $defs: JSON.parse(components) });
  const site = ajv.compile({ $ref: `${id}#/$defs/Site` });
  assert.equal(site(FIXTURES.Site), true);
  assert.equal(site({ ...FIXTURES.Site, siteName: 'Head <office>' }), false);
});

test('the rulings at their edges: both judge alike, as decisions.md says', () => {
  const site = FIXTURES.Site;
  const contact = site.siteContacts[0];
  const withContact = (c) => ({ ...site, siteContacts: [{ ...contact, ...c }] });
  const cases = [
    ['R3 name class', 'Site', { ...site, siteName: 'Head <office>' }, false],
    ['R2 \\s is ASCII: vertical tab', 'Site', { ...site, siteName: 'Head\u000BOffice' }, true],
    ['R2 \\s is ASCII: no-break space', 'Site', { ...site, siteName: 'Head\u00A0Office' }, false],
    ['R2 \\w is ASCII: Arabic-Indic digit', 'Site', { ...site, siteName: 'Office \u0663' }, false],
    ['R2 no + in phones', 'Site', withContact({ contactTelephoneNumber: '+44 20 7946 0000' }), false],
    ['R2 ,-_ is a range', 'Site', withContact({ contactTelephoneNumber: '020<7946>0000' }), true],
    ['R4 single-label domain', 'Site', withContact({ contactEmailAddress: 'jane@example' }), false],
    ['R4 specials', 'Site', withContact({ contactEmailAddress: "o'neil+bills@example.co.uk" }), true],
    // 2^120 ways to split the backslashes for a backtracking engine, had the export kept the
    // published expression's ambiguous escape branch (src/export/ecma_regex.rs, unambiguous).
    ['R4 address literal of escapes', 'Site', withContact({ contactEmailAddress: `a@[1.2.3.a:${'\\a'.repeat(120)}\\` }), false],
    ['R5 100 UTF-16 units', 'Site', { ...site, siteName: '𝐀'.repeat(50) }, true],
    ['R5 102 UTF-16 units', 'Site', { ...site, siteName: '𝐀'.repeat(51) }, false],
    ['R5 pattern counts code points', 'Site', withContact({ contactTelephoneNumber: '𝐀𝐀𝐀' }), false],
    ['R6 empty postcode', 'Address', { ...FIXTURES.Address, postcode: '' }, false],
    ['R7 unassigned code', 'Address', { ...FIXTURES.Address, country: 'UK' }, false],
    ['R7 lower case', 'Address', { ...FIXTURES.Address, country: 'gb' }, false],
    ['R8 int64 beyond 2^53', 'Site', { ...site, customerId: 2 ** 53 }, false],
    ['R8 int64 at 2^53 - 1', 'Site', { ...site, customerId: 2 ** 53 - 1 }, true],
    ['R8 int32 beyond 2^31', 'Customer', { ...FIXTURES.Customer, contractOwnerId: 2 ** 31 }, false],
    ['R8 not a calendar date', 'Site', { ...site, startDate: '2023-02-29' }, false],
    ['null optional', 'Site', { ...site, endDate: null }, true],
    ['null required', 'Site', { ...site, siteName: null }, false],
    ['R9 two invoice contacts', 'Site', { ...site, siteContacts: [contact, { ...contact }] }, false],
    ['R9 invoice contact without receiveInvoiceBy', 'Site', withContact({ receiveInvoiceBy: null }), false],
    ['R9 customer site id 0', 'Customer', { ...FIXTURES.Customer, sites: [site] }, false],
    ['R9 1000 sites', 'Customer', { ...FIXTURES.Customer, sites: Array(1000).fill(FIXTURES.Customer.sites[0]) }, true],
    ['R9 1001 sites', 'Customer', { ...FIXTURES.Customer, sites: Array(1001).fill(FIXTURES.Customer.sites[0]) }, false],
    ['R9 one of two', 'SiteInvoiceDetails', { invoiceTemplateId: 7, preferredPaymentDay: null }, false],
    ['R9 credit needs billImmediately', 'AdhocInventory', { ...FIXTURES.AdhocInventory, isCredit: true }, false],
    ['R9 RENTAL needs a rate type', 'RentalRate', { ...FIXTURES.RentalRate, rentalRateType: undefined }, false],
    ['R9 ADVANCE needs periods', 'RentalRate', { ...FIXTURES.RentalRate, rentalRateType: 'ADVANCE' }, false],
    ['R9 level decides the id', 'UsageRateCardAssignment', { ...FIXTURES.UsageRateCardAssignment, assignmentLevel: 'SITE' }, false],
    ['patch value may be null', 'JsonPatch', [{ op: 'add', path: '/a', value: null }], true],
    ['patch value required', 'JsonPatch', [{ op: 'add', path: '/a' }], false],
    ['unknown fields are ignored', 'Site', { ...site, nickname: 42 }, true],
  ];
  for (const [what, name, value, expected] of cases) {
    const v = asJson(value);
    assert.equal(validate(name, v).valid, expected, `${what}: validate()`);
    assert.equal(ajv.compile(jsonSchema(name))(v), expected, `${what}: ajv`);
  }
});

test(`validate() and ajv on the exported schema agree (seed ${SEED})`, () => {
  console.log(`differential: seed ${SEED} (rerun with ELEVATE_DIFF_SEED=${SEED})`);
  let total = 0;
  schemaNames().forEach((name, index) => {
    const schema = jsonSchema(name);
    const { seen, failure } = compareOn(name, schema, ajv.compile(schema), { seed: SEED + index, numRuns: runsFor(schema) });
    assert.equal(failure, null, `seed ${SEED}: ${failure}`);
    const n = seen.valid + seen.invalid;
    console.log(`  ${name}: ${n} payloads (${seen.valid} valid, ${seen.invalid} invalid)`);
    // Both verdicts occur, or the comparison says little.
    assert.ok(seen.valid > 0 && seen.invalid > 0, `${name}: ${JSON.stringify(seen)}`);
    total += n;
  });
  console.log(`differential: ${total} payloads, every verdict equal`);
  assert.ok(total >= MINIMUM_TOTAL, `${total} payloads, fewer than ${MINIMUM_TOTAL}`);
});

/** Exporter bugs planted in a copy of each schema: the comparison must notice every one. */
const walk = (v, f) => {
  if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], f);
  if (v && typeof v === 'object') f(v);
  return v;
};
const PLANT_SEED = Number(process.env.ELEVATE_PLANT_SEED ?? 7);
const PLANTED = {
  "JavaScript's \\s in name classes": (o) => typeof o.pattern === 'string' && (o.pattern = o.pattern.replace('\\u{9}-\\u{D}\\u{20}', '\\s')),
  'phone class with ,-_ read as three characters': (o) =>
    typeof o.pattern === 'string' && (o.pattern = o.pattern.replace('\\u{2C}-\\u{5F}', '\\u{2C}\\u{2D}\\u{5F}')),
  'patterns not anchored': (o) => typeof o.pattern === 'string' && (o.pattern = o.pattern.replace(/^\^\(\?:([\s\S]*)\)\$$/, '$1')),
  'null refused on optional fields': (o) => o.anyOf?.length === 2 && o.anyOf[1].type === 'null' && (o.anyOf = [o.anyOf[0]]),
  'null accepted on required fields': (o) => {
    for (const r of o.required ?? []) if (o.properties?.[r] && !o.properties[r].anyOf) o.properties[r] = { anyOf: [o.properties[r], { type: 'null' }] };
  },
  'cross-field rules dropped': (o) => delete o.allOf,
  'at most one invoice contact dropped': (o) => delete o.maxContains,
  'int64 beyond 2^53': (o) => o.maximum === 2 ** 53 - 1 && delete o.maximum,
  'country codes not checked': (o) => o.enum?.includes('GB') && delete o.enum,
};

test('the comparison notices exporter bugs planted in the schema ajv gets (fixed seeds)', () => {
  for (const [i, [bug, plant]] of Object.entries(PLANTED).entries()) {
    let failure = null;
    for (const name of schemaNames()) {
      const schema = jsonSchema(name);
      const broken = new Ajv2020({ strict: false, allErrors: true, unicode: false, logger: false });
      addFormats(broken);
      const check = broken.compile(walk(structuredClone(schema), plant));
      ({ failure } = compareOn(name, schema, check, { seed: PLANT_SEED + i, numRuns: runsFor(schema), shrink: false }));
      if (failure) {
        console.log(`  planted "${bug}": noticed in ${name}`);
        break;
      }
    }
    assert.ok(failure, `planted bug not noticed: ${bug}`);
  }
});
