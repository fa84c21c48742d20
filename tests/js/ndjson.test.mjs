// Bulk NDJSON validation through the built package (pkg/node.mjs): strings, bytes, chunked
// streams (Node Readable, web ReadableStream, async iterables), and the report's shape.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate, validateNdjson, validateNdjsonStream, NdjsonValidator } from '../../pkg/node.mjs';

const ADDRESS = { address1: '1 High St', town: 'London', postcode: 'SW1A 1AA', country: 'GB' };
const line = (patch = {}) => JSON.stringify({ ...ADDRESS, ...patch });
const INPUT = [line(), '', line({ country: 'UK' }), '{not json', line({ town: 'Łódź' }), '[]', ''].join('\n');

function check(report) {
  assert.equal(report.records, 5);
  assert.equal(report.valid, 2);
  assert.equal(report.invalid, 3);
  assert.equal(report.truncated, false);
  assert.deepEqual(
    report.invalidLines.map((l) => [l.line, l.errors.map((e) => `${e.path} ${e.code}`)]),
    [
      [3, ['/country countryCode']],
      [4, [' json']],
      [6, [' type']],
    ],
  );
  assert.match(report.invalidLines[1].errors[0].message, /not valid JSON at column 2/);
}

test('a string and the same bytes give the same report', () => {
  check(validateNdjson(INPUT, 'Address'));
  check(validateNdjson(Buffer.from(INPUT), 'Address'));
  check(validateNdjson(new TextEncoder().encode(INPUT).buffer, 'Address'));
});

test('maxInvalidLines keeps the counts and says it truncated', () => {
  const r = validateNdjson(INPUT, 'Address', { maxInvalidLines: 1 });
  assert.equal(r.invalid, 3);
  assert.equal(r.invalidLines.length, 1);
  assert.equal(r.truncated, true);
  assert.throws(() => validateNdjson(INPUT, 'Address', { maxInvalidLines: -1 }), /maxInvalidLines/);
});

test('NdjsonValidator takes chunks split anywhere, even inside a character', () => {
  const bytes = Buffer.from(INPUT);
  for (const size of [1, 3, 17]) {
    const v = new NdjsonValidator('Address');
    for (let i = 0; i < bytes.length; i += size) v.push(bytes.subarray(i, i + size));
    check(v.finish());
    assert.throws(() => v.finish(), /NdjsonValidator.finish: the validator was finished/);
  }
});

test('validateNdjsonStream reads a file stream, a web stream and an async iterable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndjson-'));
  const file = join(dir, 'in.ndjson');
  writeFileSync(file, INPUT);
  check(await validateNdjsonStream(createReadStream(file, { highWaterMark: 7 }), 'Address'));
  check(await validateNdjsonStream(Readable.toWeb(createReadStream(file, { highWaterMark: 5 })), 'Address'));
  check(await validateNdjsonStream((async function* () { for (const l of INPUT.split(/(?<=\n)/)) yield l; })(), 'Address'));
  await assert.rejects(validateNdjsonStream(42, 'Address'), /ReadableStream/);
});

test('bad input types and schemas throw clear errors', () => {
  assert.throws(() => validateNdjson({}, 'Address'), /must be a string, a Uint8Array/);
  assert.throws(() => validateNdjson('', 'Nope'), /unknown schema "Nope"/);
  assert.deepEqual(validateNdjson('', 'Address'), { records: 0, valid: 0, invalid: 0, invalidLines: [], truncated: false });
});

test('an issue repeated on many lines comes back whole on each, with objects of its own', () => {
  // A repeated issue crosses as its number alone (src/validate/wire.rs): flat params (pattern,
  // countryCode) are copied, nested ones (enum's allowed, required's when) read again.
  const contact = { contactName: 'J', contactRole: 'BOSS', contactTelephoneNumber: '020 7946 0000', contactEmailAddress: 'a@b.co', contactNameToAppearOnInvoice: true, receiveInvoiceBy: 'FAX' };
  const site = (i, address) => ({ customerId: 1 + i, siteName: `S${i}`, siteReference: 'R', startDate: '2024-02-29', siteAddress: { ...ADDRESS, ...address }, siteContacts: [contact] });
  const values = [];
  for (let i = 0; i < 12; i++) values.push(site(i, [{ postcode: 'P1#' }, { country: 'UK' }, {}, { postcode: `P${i}#` }][i % 4]));
  const r = validateNdjson(values.map((v) => JSON.stringify(v)).join('\n'), 'Site', { maxInvalidLines: Infinity });
  assert.equal(r.invalidLines.length, 12);
  r.invalidLines.forEach((l, i) => assert.deepEqual(l.errors, validate('Site', values[i]).errors, `line ${l.line}`));
  const [a, b] = [r.invalidLines[0].errors, r.invalidLines[4].errors];
  assert.deepEqual(a, b);
  for (let k = 0; k < a.length; k++) {
    assert.notEqual(a[k], b[k]);
    assert.notEqual(a[k].params, b[k].params);
    if (a[k].params.allowed) assert.notEqual(a[k].params.allowed, b[k].params.allowed);
  }
  // -0 stays -0 on every line (the decoder's copies must not lose it).
  const minus = JSON.stringify(values[2]).replace(/"customerId":\d+/, '"customerId":-0');
  const m = validateNdjson([minus, minus, minus].join('\n'), 'Site', { maxInvalidLines: Infinity });
  assert.deepEqual(m.invalidLines.map((l) => Object.is(l.errors[0].params.actual, -0)), [true, true, true]);
});

test('a large input: 20,000 records, half invalid', () => {
  const lines = [];
  for (let i = 0; i < 20000; i++) lines.push(line(i % 2 ? { postcode: `P${i}#` } : { address1: `${i} High St` }));
  const r = validateNdjson(lines.join('\n'), 'Address', { maxInvalidLines: Infinity });
  assert.equal(r.records, 20000);
  assert.equal(r.valid, 10000);
  assert.equal(r.invalidLines[0].line, 2);
  assert.equal(r.invalidLines.at(-1).line, 20000);
  // By default a report keeps the issues of the first 1000 invalid lines, and counts them all.
  const capped = validateNdjson(lines.join('\n'), 'Address');
  assert.deepEqual([capped.invalid, capped.invalidLines.length, capped.truncated], [10000, 1000, true]);
});
