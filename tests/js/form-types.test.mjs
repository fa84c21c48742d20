// The form path's typings as a strict TypeScript consumer sees them (the generated types.d.ts:
// pointers per schema, the issue union from the Rust IssueKind; the hand-written
// validation.d.ts and forms.d.ts around them): right code type-checks, and every line marked
// `@ts-expect-error` must be an error (tsc reports an unused one), so typos in pointers, labels,
// codes and params cannot compile. The Standard Schema objects are checked against the spec's
// own interface (@standard-schema/spec) and react-hook-form's and TanStack Form's typings.
// Run after `npm run build`.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { typecheck as typecheckIn } from './support/typecheck.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'target', 'form-types');

/** @param {Record<string, string>} files */
const typecheck = (files) => typecheckIn(work, files, { noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: false, jsx: 'react-jsx' });

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  symlinkSync(join(root, 'pkg'), join(work, 'node_modules', 'elevate-billing'), 'dir');
  for (const dep of ['@standard-schema', '@hookform', 'react-hook-form', '@tanstack', 'react', '@types']) {
    symlinkSync(join(root, 'node_modules', dep), join(work, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'form-consumer', private: true, type: 'module' }));
});

const FORMS = `import {
  validate, validateField, describeField, formatMessage, isValid, formBody, standardSchema, schemas,
  type ValidationIssue, type ValidationResult, type FieldPointer, type FieldValue, type ContactRole, type Site,
  type Labels, type IssueCode, type FieldDescription,
} from 'elevate-billing/forms';
import { ElevateClient } from 'elevate-billing';

declare const input: unknown;
const client = new ElevateClient({ token: 't' });

// validate narrows: the valid branch carries the value as the schema's type.
const r = validate('Site', input, { emptyAsAbsent: true });
if (r.valid) {
  const site: Site = r.value;
  await client.sites.create(r.value);
  void site;
} else {
  const first: ValidationIssue = r.errors[0];
  void first;
  // @ts-expect-error: no value when invalid
  const nope: Site = r.value;
  void nope;
}
const generic: ValidationResult = r;
void generic;

// Issues: a union discriminated by code, with typed params.
for (const issue of r.errors) {
  if (issue.code === 'maxLength') {
    const limit: number = issue.params.limit;
    void limit;
  }
  if (issue.code === 'pattern') {
    const reason: 'plusSign' | 'noAt' | 'domainDot' | string | undefined = issue.params.reason;
    const index: number | undefined = issue.params.index;
    void reason; void index;
  }
  if (issue.code === 'required') {
    const when: string | undefined = issue.params.when?.field;
    void when;
  }
  // @ts-expect-error: params.limit exists only once code is narrowed
  void issue.params.limit;
  // @ts-expect-error: not an issue code
  if (issue.code === 'maxlength') void 0;
  // @ts-expect-error: maxLength has no params.allowed
  if (issue.code === 'maxLength') void issue.params.allowed;
}
const code: IssueCode = 'singleInvoiceContact';
void code;

// Pointers: literals must name a field; array items are \${number}.
validateField('Site', '/siteAddress/postcode', 'SW1A 1AA');
validateField('Site', '/siteContacts/3/contactRole', 'SALES', { emptyAsAbsent: true });
validateField('Customer', '/sites/0/siteContacts/1/contactEmailAddress', 'x');
validateField('JsonPatch', '/0/value/anything/below', 1);
// @ts-expect-error: misspelt field
validateField('Site', '/siteNmae', 'x');
// @ts-expect-error: an index must be a number
validateField('Site', '/siteContacts/first/contactRole', 'x');
// @ts-expect-error: a field of another schema
describeField('Address', '/siteName');
// @ts-expect-error: not a schema name
validate('Sites', input);
declare const computed: string;
validateField('Site', computed, 'x'); // only known when it runs: checked then
const p: FieldPointer<'Site'> = '/siteInvoiceDetails/invoiceAddress/postcode';
// @ts-expect-error: not a pointer of Site
const q: FieldPointer<'Site'> = '/siteInvoiceDetails/invoiceAdress';
void p; void q;

// The value at a pointer, and describeField's allowed values typed by the enum.
const role: FieldValue<'Site', '/siteContacts/0/contactRole'> = 'SALES';
// @ts-expect-error: not a ContactRole
const badRole: FieldValue<'Site', '/siteContacts/0/contactRole'> = 'sales';
void role; void badRole;
const allowed: ContactRole[] | undefined = describeField('Site', '/siteContacts/0/contactRole').allowed;
const zero: number[] | undefined = describeField('Customer', '/sites/0/customerId').allowed;
const label: string | undefined = describeField('Site', '/siteName').label;
const d: FieldDescription = describeField('Site', '/siteName');
void allowed; void zero; void label; void d;
// @ts-expect-error: allowed holds ContactRole values, not any string
const wrongAllowed: number[] | undefined = describeField('Site', '/siteContacts/0/contactRole').allowed;
void wrongAllowed;
const field = validateField('Site', '/siteContacts/0/contactRole', 'SALES');
if (field.valid) {
  const v: ContactRole | null | undefined = field.value;
  void v;
}

// Labels: by pointer or by field name.
const labels: Labels<'Site'> = { '/siteAddress/postcode': 'Site postcode', postcode: 'Postcode', '/siteContacts/0/contactName': 'First contact' };
formatMessage(r.errors[0] ?? { path: '', code: 'required', params: {} }, labels);
// @ts-expect-error: misspelt field name
const badLabels: Labels<'Site'> = { postcod: 'Postcode' };
// @ts-expect-error: not a pointer of Site
const badPointerLabels: Labels<'Site'> = { '/siteAdress/postcode': 'Postcode' };
void badLabels; void badPointerLabels;
standardSchema('Site', { labels: { siteName: 'Name' } });
// @ts-expect-error: misspelt label key
standardSchema('Site', { labels: { siteNmae: 'Name' } });

// isValid narrows the value itself; formBody takes what a form holds.
if (isValid('Address', input)) {
  const town: string = input.town;
  void town;
}
const body = formBody('Site', { customerId: '12', siteName: '', siteContacts: [{ contactRole: '' }], repaymentPlanAmount: NaN });
const checked = validate('Site', body);
if (checked.valid) await client.sites.create(checked.value);
// @ts-expect-error: not a field of Site
formBody('Site', { siteNmae: 'x' });

// Standard Schema: what the spec, react-hook-form and TanStack Form expect.
const siteSchema = schemas.Site;
const result = siteSchema['~standard'].validate(input);
if (result.issues) {
  const where: ReadonlyArray<string | number> = result.issues[0]?.path ?? [];
  const pointer: string | undefined = result.issues[0]?.pointer;
  void where; void pointer;
} else {
  const s: Site = result.value;
  void s;
}
`;

const LIBRARIES = `import type { StandardSchemaV1 } from '@standard-schema/spec';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FormApi } from '@tanstack/form-core';
import { standardSchema, schemas, type Site, type FormValues } from 'elevate-billing/forms';

// Assignable to the spec's own interface, with the schema's types as input and output.
const site: StandardSchemaV1<Site, Site> = schemas.Site;
const form: StandardSchemaV1<FormValues<Site>, Site> = standardSchema('Site', { formInput: true });
type Out = StandardSchemaV1.InferOutput<typeof schemas.Customer>;
const out: Out['sites'][number]['siteName'] = 'x';
void site; void form; void out;

// react-hook-form infers the form's values and the submitted data from the schema.
export function useSiteForm() {
  const f = useForm({ resolver: standardSchemaResolver(standardSchema('Site', { emptyAsAbsent: true })) });
  f.register('siteAddress.postcode');
  f.register('siteContacts.0.contactRole');
  // @ts-expect-error: not a field of Site
  f.register('siteAddress.postcod');
  const submit = f.handleSubmit((data) => {
    const created: Site = data;
    void created;
  });
  return submit;
}

// TanStack Form takes the schema as a validator.
const tanstack = new FormApi({ defaultValues: {} as Site, validators: { onChange: schemas.Site } });
void tanstack;
`;

test('strict consumers type-check the form path, and typos in pointers, labels, codes and params are errors', () => {
  const out = typecheck({ 'forms.mts': FORMS });
  assert.equal(out, '', `tsc failed:\n${out}`);
});

test('the Standard Schema objects are the spec\'s, and react-hook-form and TanStack Form infer from them', () => {
  const out = typecheck({ 'libraries.mts': LIBRARIES });
  assert.equal(out, '', `tsc failed:\n${out}`);
});
