// Bulk CSV validation through the built package (pkg/node.mjs): the tricky inputs (quotes,
// CRLF, a BOM, bad UTF-8, chunked streams), the report's shape, header errors, and a
// differential test: a CSV and the equivalent NDJSON give the same issues, and csvRecords
// builds exactly the NDJSON's records.
//
// The differential part is seeded and reproducible: the seed is printed; rerun a failure with
//   ELEVATE_CSV_SEED=<seed> node --test tests/js/csv.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { CsvValidator, csvRecords, validateCsv, validateCsvStream, validateNdjson } from '../../pkg/node.mjs';

const HEADER = [
  'customerId', 'siteName', 'siteReference', 'startDate', 'siteAddress.address1', 'siteAddress.town',
  '/siteAddress/postcode', 'siteAddress.country', 'siteContacts.0.contactName', 'siteContacts.0.contactRole',
  'siteContacts.0.contactTelephoneNumber',
].join(',');
const ROW = '12,Head Office,HO-1,2024-01-01,1 High Street,London,SW1A 1AA,GB,Jane Doe,ACCOUNTS,020 7946 0000';
const csv = (...rows) => rows.join('\n');
const issues = (report) => report.invalidRecords.map((r) => [r.record, r.line, r.errors.map((e) => `${e.column ?? '-'} ${e.path} ${e.code}`)]);

test('a valid CSV, as a string, a Buffer and an ArrayBuffer', () => {
  const text = csv(HEADER, ROW, ROW.replace('HO-1', 'HO-2'));
  for (const input of [text, Buffer.from(text), new TextEncoder().encode(text).buffer]) {
    const r = validateCsv(input, 'Site');
    assert.deepEqual([r.records, r.valid, r.invalid, r.truncated, r.invalidRecords], [2, 2, 0, false, []]);
    assert.equal(r.columns.length, 11);
  }
});

test('issues carry the record, its line and the column of their path', () => {
  const bad = ROW.replace('GB', 'UK').replace('020 7946 0000', '+44 20 7946 0000');
  const r = validateCsv(csv(HEADER, ROW, '', bad, 'x,,,,,,,,,,'), 'Site');
  assert.deepEqual(issues(r), [
    [2, 4, ['siteAddress.country /siteAddress/country countryCode', 'siteContacts.0.contactTelephoneNumber /siteContacts/0/contactTelephoneNumber pattern']],
    [3, 5, [
      'customerId /customerId type',
      'siteName /siteName required',
      'siteReference /siteReference required',
      'startDate /startDate required',
      '- /siteAddress required',
      '- /siteContacts required',
    ]],
  ]);
  const [e] = r.invalidRecords[0].errors;
  assert.deepEqual(Object.keys(e), ['path', 'code', 'params', 'message', 'column']);
  assert.match(e.message, /the United Kingdom is GB/);
});

test('quoted cells, doubled quotes, newlines inside quotes, CRLF, CR and a BOM', () => {
  const text = '\uFEFFsiteName,siteReference,siteAddress.town\r\n"Head, Office","R ""1""",London\r\n"Two\r\nlines",R2,York\r\nLast,R3,"Bath"';
  const values = csvRecords(text, 'Site').map((r) => [r.record, r.line, r.value]);
  assert.deepEqual(values, [
    [1, 2, { siteName: 'Head, Office', siteReference: 'R "1"', siteAddress: { town: 'London' } }],
    [2, 3, { siteName: 'Two\r\nlines', siteReference: 'R2', siteAddress: { town: 'York' } }],
    [3, 5, { siteName: 'Last', siteReference: 'R3', siteAddress: { town: 'Bath' } }],
  ]);
  assert.equal(validateCsv(text, 'Site').records, 3);
  assert.equal(csvRecords('siteName\rA\rB', 'Site').length, 2, 'CR alone ends records too');
});

test('bad UTF-8 and wrong cell counts make a record unreadable, and reading goes on', () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${ROW}\n12,Head `), Buffer.from([0xff, 0xfe]), Buffer.from(`${ROW.slice(14)}\n12,short\n${ROW}`)]);
  const r = validateCsv(bytes, 'Site');
  assert.deepEqual([r.records, r.valid, r.invalid], [4, 2, 2]);
  assert.deepEqual(
    r.invalidRecords.map((x) => [x.record, x.line, x.errors.map((e) => [e.path, e.code, e.params, e.column])]),
    [
      [2, 3, [['', 'json', { message: 'cell 2 is not valid UTF-8', column: 2 }, null]]],
      [3, 4, [['', 'json', { message: 'the record has 2 cells; the header has 11', column: 3 }, null]]],
    ],
  );
  const values = csvRecords(bytes, 'Site');
  assert.equal(values[1].value, undefined);
  assert.equal(values[1].errors[0].code, 'json');
  // A string with a lone surrogate is read as U+FFFD, as everywhere in the package.
  assert.equal(validateCsv(`siteName\nA\uD800B`, 'Site').invalid, 1);
});

test('a header cell that names no field is an Error before any row', () => {
  assert.throws(() => validateCsv('siteName,siteNmae\n', 'Site'), /CSV header column 2 \("siteNmae"\): not a field of Site/);
  assert.throws(() => validateCsv('siteName, siteReference\n1,2', 'Site'), /cells are not trimmed/);
  assert.throws(() => validateCsv('siteAddress\n', 'Site'), /names the object Address/);
  assert.throws(() => validateCsv('siteContacts.01.contactName\n', 'Site'), /not an array index/);
  assert.throws(() => validateCsv('siteName,/siteName\n', 'Site'), /names the same field as column 1/);
  assert.throws(() => csvRecords('nope\n', 'Site'), /not a field of Site/);
  assert.throws(() => validateCsv('siteName\n', 'Nope'), /unknown schema "Nope"/);
  assert.throws(() => new CsvValidator('Site', { delimiter: ';;' }), /delimiter must be one ASCII character/);
  assert.throws(() => validateCsv(42, 'Site'), { name: 'TypeError', message: /the input must be a string, a Uint8Array/ });
  // Streaming: the chunk that completes a bad header throws, and so does every later one.
  const v = new CsvValidator('Site');
  v.push('siteName,no');
  assert.throws(() => v.push('pe\nA,B\n'), /not a field of Site/);
  assert.throws(() => v.push('x\n'), /not a field of Site/);
  v.free();
});

test('options: maxInvalidRecords, abortEarly, delimiter', () => {
  const bad = ROW.replace('GB', 'UK').replace('HO-1', '<x>');
  const text = csv(HEADER, bad, bad, bad, ROW);
  const r = validateCsv(text, 'Site', { maxInvalidRecords: 2 });
  assert.deepEqual([r.records, r.valid, r.invalid, r.invalidRecords.length, r.truncated], [4, 1, 3, 2, true]);
  assert.equal(validateCsv(text, 'Site', { abortEarly: true }).invalidRecords[0].errors.length, 1);
  assert.equal(validateCsv(text, 'Site').invalidRecords[0].errors.length, 2);
  const semi = csv(HEADER.replaceAll(',', ';'), ROW.replaceAll(',', ';'));
  assert.equal(validateCsv(semi, 'Site', { delimiter: ';' }).valid, 1);
  assert.deepEqual(csvRecords(semi, 'Site', { delimiter: ';' }).map((x) => x.value.siteName), ['Head Office']);
  assert.throws(() => validateCsv(text, 'Site', { maxInvalidRecords: -1 }), /non-negative integer/);
});

test('streams: Node Readable, web ReadableStream and iterables of any chunking', async () => {
  const text = `\uFEFF${csv(HEADER, ROW, `12,"Head\nOffice ""2""",HO-2,2024-01-01,1 High Street,Łódź,SW1A 1AA,UK,Jane Doe,ACCOUNTS,020 7946 0000`, ROW)}\r\n`;
  const whole = validateCsv(text, 'Site');
  assert.deepEqual([whole.records, whole.invalid], [3, 1]);
  const bytes = Buffer.from(text);
  for (const size of [1, 2, 3, 7, 1000]) {
    const chunks = [];
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    assert.deepEqual(await validateCsvStream(chunks, 'Site'), whole, `iterable, chunk size ${size}`);
    assert.deepEqual(await validateCsvStream(Readable.from(chunks), 'Site'), whole, `Readable, chunk size ${size}`);
    const web = new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close(); } });
    assert.deepEqual(await validateCsvStream(web, 'Site'), whole, `ReadableStream, chunk size ${size}`);
  }
  await assert.rejects(validateCsvStream(['nope\n'], 'Site'), /not a field of Site/);
  await assert.rejects(validateCsvStream(42, 'Site'), TypeError);
  const v = new CsvValidator('Site');
  v.push(text.slice(0, text.length - 5));
  assert.deepEqual(v.progress(), { records: 2, valid: 1, invalid: 1 });
  v.push(text.slice(text.length - 5));
  assert.deepEqual(v.finish(), whole);
  assert.throws(() => v.finish(), /CsvValidator.finish: the validator was finished/);
});

test('cells become values by the rules: integers, numbers, booleans, strings as they are', () => {
  const header = 'customerId,repaymentPlanAmount,repaymentPlanRemainingPeriods,siteContacts.0.contactNameToAppearOnInvoice,siteName';
  const rows = ['-0,1.,007,true,007', '1.0,.5,12,false, x ', 'x,1e3,-3,TRUE,true', `1${'0'.repeat(400)},-1e999,,yes,`];
  const values = csvRecords(csv(header, ...rows), 'Site').map((r) => r.value);
  assert.ok(Object.is(values[0].customerId, -0));
  assert.deepEqual(values, [
    { customerId: -0, repaymentPlanAmount: 1, repaymentPlanRemainingPeriods: 7, siteContacts: [{ contactNameToAppearOnInvoice: true }], siteName: '007' },
    { customerId: '1.0', repaymentPlanAmount: 0.5, repaymentPlanRemainingPeriods: 12, siteContacts: [{ contactNameToAppearOnInvoice: false }], siteName: ' x ' },
    { customerId: 'x', repaymentPlanAmount: 1000, repaymentPlanRemainingPeriods: -3, siteContacts: [{ contactNameToAppearOnInvoice: 'TRUE' }], siteName: 'true' },
    { customerId: Infinity, repaymentPlanAmount: -Infinity, siteContacts: [{ contactNameToAppearOnInvoice: 'yes' }] },
  ]);
  // The validator sees what JavaScript would send: Infinity is a type issue, as in validate().
  const last = validateCsv(csv(header, rows[3]), 'Site').invalidRecords[0].errors;
  assert.deepEqual(last.filter((e) => e.code === 'type').map((e) => [e.path, e.params.actual]), [
    ['/customerId', 'Infinity'],
    ['/repaymentPlanAmount', 'Infinity'],
    ['/siteContacts/0/contactNameToAppearOnInvoice', 'string'],
  ]);
});

// ---- Differential: CSV and the equivalent NDJSON ----

const SEED = process.env.ELEVATE_CSV_SEED !== undefined ? Number(process.env.ELEVATE_CSV_SEED) : Date.now() % 2 ** 31;

// Values a cell can carry the same way JSON does: no empty strings (an empty cell is absent),
// no numeric-looking strings in number fields, no `true`/`false` strings in boolean fields.
const text = (...extra) => fc.constantFrom('Head Office', 'Łódź, "Centre"', 'two\nlines', '<bad>', 'x'.repeat(101), ' lead', '12', 'true', ...extra);
const integer = fc.constantFrom(1, 12, 240, 0, -5, 241, 2 ** 31, 2 ** 53, 'abc', '12 ', '1.5');
const number = fc.constantFrom(1, 1.5, 0.5, 1e-7, 100000, 100001, -2, 'abc', '1,5');
const boolean = fc.constantFrom(true, false, 'yes', 'TRUE');
const optional = (shape) => fc.record(shape, { requiredKeys: [] });
const CONTACT = {
  contactName: text(),
  contactRole: fc.constantFrom('ACCOUNTS', 'BOSS'),
  contactTelephoneNumber: fc.constantFrom('020 7946 0000', '+44 20 7946 0000', '12'),
  contactNameToAppearOnInvoice: boolean,
  receiveInvoiceBy: fc.constantFrom('EMAIL', 'PIGEON'),
};
const ADDRESS = { address1: text(), town: text(), postcode: fc.constantFrom('SW1A 1AA', 'SW1A_1AA!', 'x'.repeat(21)), country: fc.constantFrom('GB', 'UK', 'gb') };
const CONTACTS = 3;
const SITE = fc
  .record(
    {
      customerId: integer,
      siteName: text(),
      siteReference: text('HO-1'),
      startDate: fc.constantFrom('2024-01-01', '2024-02-30', '01/02/2024'),
      siteAddress: optional(ADDRESS),
      siteContacts: fc.array(optional(CONTACT), { maxLength: CONTACTS }),
      repaymentPlanAmount: number,
      repaymentPlanRemainingPeriods: integer,
    },
    { requiredKeys: [] },
  )
  .map((site) => {
    // What a CSV cannot say: an empty object or array, a trailing empty item.
    if (site.siteAddress && Object.keys(site.siteAddress).length === 0) delete site.siteAddress;
    while (site.siteContacts?.length && Object.keys(site.siteContacts.at(-1)).length === 0) site.siteContacts.pop();
    if (site.siteContacts?.length === 0) delete site.siteContacts;
    return site;
  });

/** Every column, in the order the records' members come (so issues come in the same order). */
const COLUMNS = [
  ['customerId'], ['siteName'], ['siteReference'], ['startDate'],
  ...Object.keys(ADDRESS).map((k) => ['siteAddress', k]),
  ...Array.from({ length: CONTACTS }, (_, i) => Object.keys(CONTACT).map((k) => ['siteContacts', i, k])).flat(),
  ['repaymentPlanAmount'], ['repaymentPlanRemainingPeriods'],
];
// Half the columns by dotted path, half by JSON Pointer.
const headerCell = (path, i) => (i % 2 ? `/${path.join('/')}` : path.join('.'));
const cell = (v) => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const at = (record, path) => path.reduce((v, k) => (v === undefined ? undefined : v[k]), record);

test(`differential: a CSV and the equivalent NDJSON give the same issues (seed ${SEED})`, () => {
  let compared = 0;
  fc.assert(
    fc.property(fc.array(SITE, { minLength: 1, maxLength: 6 }), (sites) => {
      const header = COLUMNS.map(headerCell);
      const text = [header.join(','), ...sites.map((s) => COLUMNS.map((p) => cell(at(s, p))).join(','))].join('\r\n');
      const ndjson = sites.map((s) => JSON.stringify(s)).join('\n');
      const fromCsv = validateCsv(text, 'Site');
      const fromNdjson = validateNdjson(ndjson, 'Site');
      assert.deepEqual([fromCsv.records, fromCsv.valid, fromCsv.invalid], [fromNdjson.records, fromNdjson.valid, fromNdjson.invalid]);
      assert.deepEqual(fromCsv.invalidRecords.map((r) => r.record), fromNdjson.invalidLines.map((l) => l.line));
      fromCsv.invalidRecords.forEach((r, i) => {
        const bare = r.errors.map(({ column, ...issue }) => issue);
        assert.deepEqual(bare, fromNdjson.invalidLines[i].errors, `record ${r.record}`);
        for (const e of r.errors) {
          const named = header.findIndex((_, c) => `/${COLUMNS[c].join('/')}` === e.path);
          assert.equal(e.column, named === -1 ? null : header[named], `column of ${e.path}`);
        }
        compared += r.errors.length;
      });
      // And the bodies themselves are the NDJSON's records, member for member.
      assert.deepEqual(csvRecords(text, 'Site').map((r) => JSON.stringify(r.value)), sites.map((s) => JSON.stringify(s)));
    }),
    { seed: SEED, numRuns: 300 },
  );
  assert.ok(compared > 1000, `issues compared: ${compared}`);
});
