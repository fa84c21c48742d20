// Form input through the built package: `formBody` (a form's values → the request body, by the
// model) and `emptyAsAbsent` (`''` and `NaN` count as not given).
//
// formBody follows the rules CSV cells follow (src/schema/input.rs), so `csvRecords` is its
// oracle: the same texts at the same places, given once as a form's values and once as a CSV
// row, must make the same body. The shapes come from the differential test's payload generator
// (valid values of every schema name), the texts from a list of edge cases (numbers in every
// form, signs, spaces, exponents, overflow, booleans in other cases, empties).
//
// Seeded: rerun a failure with ELEVATE_FORM_SEED=<seed> node --test tests/js/form-input.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as eb from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';

const SEED = process.env.ELEVATE_FORM_SEED !== undefined ? Number(process.env.ELEVATE_FORM_SEED) : Date.now() % 2 ** 31;

const TEXTS = [
  '', '', '', '0', '12', '-0', '-12', '007', '1.5', '-1.5', '.5', '5.', '-.5', '1e3', '1E-2', '2.5e+3', '1e', '1e+', 'e3',
  '+1', ' 1', '1 ', '1_000', '1,5', '-', '.', '0x10', 'NaN', 'Infinity', '99999999999999999999', '1e400', '-1e400',
  'true', 'false', 'TRUE', 'False', ' true', 'yes', 'abc', 'é', 'a "q"', 'a,b', 'two\nlines', ' ', '2024-01-01',
];

/** Every scalar of `v` (not null) by JSON Pointer, in document order. */
function leaves(v, at = '', out = []) {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${at}/${i}`, out));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) leaves(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  } else if (v !== null && at !== '') out.push(at);
  return out;
}

/** The form values with `text` at each pointer, shaped as `shape` (arrays stay arrays). */
function formValues(shape, cells) {
  const out = Array.isArray(shape) ? [] : {};
  for (const [pointer, text] of cells) {
    const segs = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node = out;
    let model = shape;
    segs.forEach((seg, i) => {
      model = model[seg];
      if (i === segs.length - 1) node[seg] = text;
      else node = node[seg] ??= Array.isArray(model) ? [] : {};
    });
  }
  return out;
}

const quote = (cell) => `"${cell.replace(/"/g, '""')}"`;

test('formBody builds what csvRecords builds from the same texts, for every schema name', () => {
  console.log(`form input seed ${SEED} (ELEVATE_FORM_SEED to repeat)`);
  let compared = 0;
  for (const name of eb.schemaNames()) {
    const doc = eb.jsonSchema(name);
    if (name === 'JsonPatch') continue; // an array of operations: no CSV row makes one
    const gen = new PayloadGenerator(doc);
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const shape = g(fc.boolean) ? JSON.parse(JSON.stringify(FIXTURES[name])) : gen.valid(g, doc);
        const cells = leaves(shape).map((p) => [p, g(fc.boolean) ? String(p.split('/').reduce((o, s) => (s ? o[s] : o), shape)) : TEXTS[g(fc.nat, TEXTS.length - 1)]]);
        if (cells.length === 0) return;
        const csv = `${cells.map(([p]) => quote(p)).join(',')}\n${cells.map(([, t]) => quote(t)).join(',')}`;
        const records = eb.csvRecords(csv, name);
        const body = eb.formBody(name, formValues(shape, cells));
        const shown = `${name} ${JSON.stringify(Object.fromEntries(cells))}`;
        if (records.length === 0) assert.deepEqual(body, {}, `all-empty row: ${shown}`);
        else assert.deepStrictEqual(body, records[0].value, shown);
        compared += 1;
      }),
      { seed: SEED, numRuns: 40 },
    );
  }
  console.log(`compared ${compared} bodies`);
  assert.ok(compared > 1000, `only ${compared}`);
});

test('formBody: empties dropped, texts read by the field type only, nothing trimmed or guessed', () => {
  const body = eb.formBody('Site', {
    id: '',
    customerId: '12',
    siteName: ' Head Office ',
    siteReference: '',
    repaymentPlanAmount: '1e3',
    repaymentPlanRemainingPeriods: '1.5',
    siteIdReceivingInvoice: NaN,
    endDate: null,
    startDate: undefined,
    siteAddress: { address1: '', town: '', postcode: '' },
    siteInvoiceDetails: { invoiceTemplateId: 7, paymentTermsInDays: '30' },
    siteContacts: [{}, { contactName: 'Jane', contactNameToAppearOnInvoice: 'true', receiveInvoiceBy: 'EMAIL' }, { contactName: '' }, {}],
    nickname: '',
    note: 'kept',
  });
  assert.deepStrictEqual(body, {
    customerId: 12,
    siteName: ' Head Office ',
    repaymentPlanAmount: 1000,
    repaymentPlanRemainingPeriods: '1.5',
    siteInvoiceDetails: { invoiceTemplateId: 7, paymentTermsInDays: 30 },
    siteContacts: [{}, { contactName: 'Jane', contactNameToAppearOnInvoice: true, receiveInvoiceBy: 'EMAIL' }],
    note: 'kept',
  });
  // A checkbox's false and a number input's number are values, kept as they are.
  assert.deepStrictEqual(eb.formBody('ContactDetails', { contactNameToAppearOnInvoice: false, contactRole: 'SALES' }), { contactNameToAppearOnInvoice: false, contactRole: 'SALES' });
  assert.deepStrictEqual(eb.formBody('Site', {}), {});
  assert.deepStrictEqual(eb.formBody('JsonPatch', [{ op: 'add', path: '/siteName', value: '' }, {}]), [{ op: 'add', path: '/siteName' }]);
  // What is not a number stays text, so the validator says so.
  const r = eb.validate('Site', eb.formBody('Site', { customerId: '12a' }));
  assert.equal(r.errors[0].path, '/customerId');
  assert.equal(r.errors[0].code, 'type');
});

test('formBody changes nothing it was given and reports unreadable values', () => {
  const values = { customerId: '12', siteContacts: [{ contactName: '' }], siteAddress: { town: 'York' } };
  const before = structuredClone(values);
  const body = eb.formBody('Site', Object.freeze(values));
  assert.deepEqual(values, before);
  assert.notEqual(body.siteAddress, values.siteAddress);
  assert.throws(() => eb.formBody('Nope', {}), /unknown schema "Nope"/);
  assert.throws(() => eb.formBody(1, {}), TypeError);
  const trap = { siteAddress: { get town() { throw new Error('boom'); } } };
  assert.throws(() => eb.formBody('Site', trap), /reading "\/siteAddress\/town" threw: boom/);
  for (const odd of [undefined, null, 'text', 5, [], () => 1]) assert.doesNotThrow(() => eb.formBody('Site', odd));
});

test('emptyAsAbsent: an untouched form gets one required issue per required field and no other', () => {
  const empty = {
    customerId: NaN, siteName: '', siteReference: '', startDate: '', endDate: '', siteIdReceivingInvoice: NaN,
    siteAddress: { address1: '', address2: '', town: '', postcode: '', country: '' },
    siteContacts: [{ contactName: '', contactRole: '', contactTelephoneNumber: '', contactEmailAddress: '' }],
  };
  const plain = eb.validate('Site', empty);
  assert.ok(plain.errors.some((e) => e.code === 'minLength' || e.code === 'type'), 'without the option, empty inputs are wrong values');
  const r = eb.validate('Site', empty, { emptyAsAbsent: true });
  assert.deepEqual(r.errors.map((e) => `${e.path} ${e.code}`), [
    '/customerId required', '/siteName required', '/siteReference required', '/startDate required',
    '/siteAddress/address1 required', '/siteAddress/town required', '/siteAddress/postcode required', '/siteAddress/country required',
    '/siteContacts/0/contactName required', '/siteContacts/0/contactRole required',
  ]);
  assert.equal(r.errors[0].message, 'Customer ID is required.');
  assert.equal(eb.isValid('Site', { ...FIXTURES.Site, endDate: '', repaymentPlanAmount: NaN }, { emptyAsAbsent: true }), true);
  assert.equal(eb.isValid('Site', { ...FIXTURES.Site, endDate: '' }), false);
  assert.deepEqual(eb.validateField('Site', '/siteName', '', { emptyAsAbsent: true }).errors.map((e) => e.code), ['required']);
  assert.equal(eb.validateField('Site', '/endDate', '', { emptyAsAbsent: true }).valid, true);
  assert.equal(eb.validateField('Site', '/endDate', '').valid, false);
  assert.throws(() => eb.validate('Site', {}, { emptyAsAbsent: 'yes' }), { name: 'TypeError', message: /emptyAsAbsent must be true or false/ });
});
