// Standard Schema v1 through the built package, with the real libraries that take it:
// react-hook-form (through @hookform/resolvers' standardSchemaResolver), TanStack Form
// (@tanstack/form-core, which @tanstack/react-form wraps) and Hono (@hono/standard-validator).
// No adapter: the schema object is passed as the library's docs pass a zod or valibot one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FieldApi, FormApi } from '@tanstack/form-core';
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import * as eb from '../../pkg/node.mjs';
import * as forms from '../../pkg/forms.js';
import { FIXTURES } from './support/fixtures.mjs';

const SITE = FIXTURES.Site;

test('every schema name has a Standard Schema v1 object', () => {
  assert.deepEqual(Object.keys(eb.schemas), eb.schemaNames());
  for (const name of eb.schemaNames()) {
    const s = eb.schemas[name];
    assert.equal(s, eb.schemas[name], 'made once');
    const std = s['~standard'];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, 'elevate-billing');
    assert.equal(typeof std.validate, 'function');
    assert.ok('types' in std);
    assert.deepEqual(std.validate(FIXTURES[name]), { value: FIXTURES[name] }, name);
  }
  assert.deepEqual(forms.schemas.Site['~standard'].validate(SITE), { value: SITE }, 'the forms entry has it too');
  assert.throws(() => eb.standardSchema('Nope'), /unknown schema "Nope"/);
  assert.throws(() => eb.standardSchema('Site', { formInput: 'yes' }), { name: 'TypeError' });
  assert.throws(() => eb.standardSchema('Site', { emptyAsAbsent: 1 }), { name: 'TypeError' });
  assert.throws(() => eb.standardSchema('Site', { labels: 'x' }), { name: 'TypeError' });
  assert.throws(() => eb.standardSchema('Site', { get formInput() { throw new Error('no'); } }), { name: 'TypeError', message: /options\.formInput threw: no/ });
});

test('issues: message, path as keys (array indices as numbers), and our code, params and pointer', () => {
  const second = { ...SITE.siteContacts[0], contactNameToAppearOnInvoice: false, contactEmailAddress: 'jane@example' };
  const bad = { ...SITE, siteName: '<x>', siteContacts: [SITE.siteContacts[0], second] };
  const { issues } = eb.standardSchema('Site')['~standard'].validate(bad);
  assert.deepEqual(issues.map((i) => i.path), [['siteName'], ['siteContacts', 1, 'contactEmailAddress']]);
  assert.deepEqual(issues.map((i) => i.pointer), ['/siteName', '/siteContacts/1/contactEmailAddress']);
  assert.equal(issues[1].code, 'pattern');
  assert.equal(issues[1].params.reason, 'domainDot');
  assert.equal(issues[1].message, eb.validate('Site', bad).errors[1].message);
  const labelled = eb.standardSchema('Site', { labels: { '/siteContacts/1/contactEmailAddress': 'Second contact e-mail' } })['~standard'].validate(bad);
  assert.match(labelled.issues[1].message, /^Second contact e-mail needs a full domain/);
  // Root arrays: the operation index is a number too.
  const ops = eb.schemas.JsonPatch['~standard'].validate([{ op: 'nope', path: '/a' }]);
  assert.deepEqual(ops.issues[0].path, [0, 'op']);
});

test('emptyAsAbsent and formInput: what a form holds, and the body as the output', () => {
  const typed = { ...SITE, endDate: '', repaymentPlanAmount: NaN };
  assert.ok(eb.schemas.Site['~standard'].validate(typed).issues);
  const out = eb.standardSchema('Site', { emptyAsAbsent: true })['~standard'].validate(typed);
  assert.deepEqual(out, { value: SITE });
  const texts = { ...SITE, customerId: String(SITE.customerId), endDate: '', siteContacts: [...SITE.siteContacts, { contactName: '', contactRole: '' }] };
  const body = eb.standardSchema('Site', { formInput: true })['~standard'].validate(texts);
  assert.deepEqual(body, { value: SITE });
  const wrong = eb.standardSchema('Site', { formInput: true })['~standard'].validate({ ...texts, customerId: 'twelve' });
  assert.deepEqual(wrong.issues.map((i) => [i.path, i.code]), [[['customerId'], 'type']]);
});

/** What react-hook-form passes a resolver. */
const RHF = { fields: {}, shouldUseNativeValidation: false, criteriaMode: 'firstError', names: undefined };

test('react-hook-form: standardSchemaResolver(standardSchema(...)) puts each message at its field', async () => {
  const resolver = standardSchemaResolver(eb.standardSchema('Site', { emptyAsAbsent: true }));
  const empty = { customerId: NaN, siteName: '', siteReference: 'R1', startDate: '2024-01-01', siteAddress: { address1: '1 High St', town: 'York', postcode: '', country: 'gb' }, siteContacts: [{ contactName: 'Jane', contactRole: 'SALES' }, { contactName: '', contactRole: 'SALES' }] };
  const r = await resolver(empty, undefined, RHF);
  assert.deepEqual(r.values, {});
  assert.equal(r.errors.customerId.message, 'Customer ID is required.');
  assert.equal(r.errors.siteName.message, 'Site name is required.');
  assert.equal(r.errors.siteAddress.postcode.message, 'Postcode is required.');
  assert.equal(r.errors.siteAddress.country.message, 'Country must be two capital letters: GB.');
  assert.equal(r.errors.siteContacts[1].contactName.message, 'Contact name is required.');
  assert.equal(r.errors.siteContacts[0], undefined);
  const ok = await resolver({ ...SITE, endDate: '' }, undefined, RHF);
  assert.deepEqual(ok, { values: SITE, errors: {} });
  // With criteriaMode 'all', every message of a field.
  const all = await standardSchemaResolver(eb.schemas.Site)({ ...SITE, siteName: '' }, undefined, { ...RHF, criteriaMode: 'all' });
  assert.deepEqual(Object.values(all.errors.siteName.types), ['Site name must not be empty.']);
});

test('TanStack Form: a form-level Standard Schema validator sets each field\'s errors, with our codes', async () => {
  let submitted;
  const form = new FormApi({
    defaultValues: { ...SITE, siteName: '', siteContacts: [{ ...SITE.siteContacts[0], contactTelephoneNumber: '+44 20 7946 0000' }] },
    validators: { onSubmit: eb.standardSchema('Site', { emptyAsAbsent: true }) },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  const name = new FieldApi({ form, name: 'siteName' });
  const phone = new FieldApi({ form, name: 'siteContacts[0].contactTelephoneNumber' });
  name.mount();
  phone.mount();
  await form.handleSubmit();
  assert.equal(submitted, undefined);
  assert.equal(form.state.isValid, false);
  assert.equal(name.state.meta.errors[0].message, 'Site name is required.');
  assert.equal(phone.state.meta.errors[0].code, 'pattern');
  assert.equal(phone.state.meta.errors[0].params.suggestion, '0044 20 7946 0000');
  name.setValue(SITE.siteName);
  phone.setValue('0044 20 7946 0000');
  await form.handleSubmit();
  assert.equal(submitted.siteName, SITE.siteName);
  assert.equal(name.state.meta.errors.length, 0);
});

test('Hono: sValidator(\'json\', schemas.Site) answers 400 with the issues and passes valid bodies on', async () => {
  const app = new Hono();
  app.post('/sites', sValidator('json', eb.schemas.Site), (c) => c.json({ created: c.req.valid('json').siteName }, 201));
  const post = (body) => app.request('/sites', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const good = await post(SITE);
  assert.equal(good.status, 201);
  assert.deepEqual(await good.json(), { created: SITE.siteName });
  const bad = await post({ ...SITE, siteAddress: { ...SITE.siteAddress, country: 'UK' } });
  assert.equal(bad.status, 400);
  const { success, error } = await bad.json();
  assert.equal(success, false);
  assert.deepEqual(error.map((i) => [i.path, i.code, i.pointer]), [[['siteAddress', 'country'], 'countryCode', '/siteAddress/country']]);
  assert.match(error[0].message, /United Kingdom is GB/);
});
