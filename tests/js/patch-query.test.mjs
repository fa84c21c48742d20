// validatePatch and validateQuery in JavaScript (src/js/core/patch.js, query.js), deterministic
// cases beside their differential tests: the bounds of a patched document (at the limit and one
// past it, and a patch that doubles the document), nothing the caller passed changed or shared
// with the result, member order where JavaScript objects and the Rust document disagree, and the
// modules loading and running where there is no WebAssembly at all. Where the Rust engine can
// answer the same call cheaply, its answer is the expected one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './support/fixtures.mjs';
import { enginePatch, faithful } from './support/oracle.mjs';
import { validatePatch } from '../../pkg/node.mjs';
import { validateQuery } from '../../pkg/node.mjs';
import { LIMITS } from '../../src/js/core/gen/tables.js';

/** Both sides' result or thrown message (the engine's only where JSON text carries the arguments). */
function both(...args) {
  const run = (f) => {
    try {
      return { ok: f(...args) };
    } catch (e) {
      return { threw: String(e.message) };
    }
  };
  const js = run(validatePatch);
  if (faithful(args[1]) && faithful(args[2])) assert.deepEqual(js, run(enginePatch), JSON.stringify(args[2]).slice(0, 200));
  return js;
}

const copies = (n, from, path) => Array.from({ length: n }, () => ({ op: 'copy', from, path }));

test('a patched document may nest as deep as the limit, not one level deeper', () => {
  // {} is one level; each copy of the root into /d adds one.
  const max = LIMITS.maxPatchedDepth;
  assert.equal(both('Site', {}, copies(max - 1, '', '/d')).ok.valid, false);
  assert.deepEqual(both('Site', {}, copies(max, '', '/d')), {
    threw: `elevate-billing: the patched document's nesting depth exceeds the limit of ${max}`,
  });
  // An added value counts with the containers its path goes through. (It can be at most
  // max - 2 deep: the patch array and the operation hold it, within the reader's own bound.)
  let deep = [];
  for (let i = 1; i < max - 2; i++) deep = [deep];
  const current = { a: { b: {} } };
  assert.equal(both('Site', current, [{ op: 'add', path: '/a/b', value: deep }]).ok.valid, false);
  assert.match(both('Site', current, [{ op: 'add', path: '/a/b/c', value: deep }]).threw, /nesting depth exceeds the limit of 256/);
  assert.match(both('Site', current, [{ op: 'add', path: '/a', value: [deep] }]).threw, /ops: cannot validate "\/0\/value(\/0)+": it is nested more than 256 levels deep/);
});

test('a patched document may hold as many values as the limit, not one more', () => {
  // {a: [n zeros]} then a copy of a: 1 + 2 (n + 1) values.
  const n = (LIMITS.maxPatchedValues - 3) >> 1;
  const at = (extra) => both('Site', extra ? { a: new Array(n).fill(0), c: 0 } : { a: new Array(n + 1).fill(0) }, [{ op: 'copy', from: '/a', path: '/b' }]);
  assert.equal(1 + 2 * (n + 1) + 1, LIMITS.maxPatchedValues, 'the case sits at the limit');
  assert.equal(at(true).ok.valid, false); // 4,000,000 values: judged (Site fields are missing)
  assert.match(at(false).threw, /the patched document's number of values exceeds the limit of 4000000/);
});

test('copy cannot double a document without end: the same error as Rust, the string never copied', () => {
  // Each copy of /a into itself doubles it; the bound stops the patch before 2^30 values.
  const doubling = copies(30, '/a', '/a/-');
  const values = "elevate-billing: the patched document's number of values exceeds the limit of 4000000";
  assert.deepEqual(both('Site', { a: ['x'] }, doubling), { threw: values });
  // With a long string the text doubles too: both sides stop at the same bound of bytes, before
  // the copy that would pass it (wasm once ran 2 minutes and took 4.3 GB here, then trapped).
  const bytes = `elevate-billing: the patched document's text (bytes) exceeds the limit of ${LIMITS.maxPatchedBytes}`;
  const started = Date.now();
  assert.deepEqual(both('Site', { a: ['x'.repeat(10_000)] }, doubling), { threw: bytes });
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  assert.throws(() => validatePatch('Site', { a: ['x'.repeat(1 << 20)] }, doubling), { message: bytes });
  // At the bound: a document of exactly maxPatchedBytes after the copy is accepted, one byte more is not.
  const half = Math.floor((LIMITS.maxPatchedBytes - 1) / 2); // the member name "a" is one byte
  assert.equal(1 + 2 * half, LIMITS.maxPatchedBytes - 1);
  const copy = [{ op: 'copy', from: '/a/0', path: '/a/-' }];
  assert.equal(both('Site', { a: ['y'.repeat(half)] }, copy).ok.valid, false);
  assert.deepEqual(both('Site', { a: ['y'.repeat(half + 1)] }, copy), { threw: bytes });
  const quarter = Math.ceil(LIMITS.maxPatchedBytes / 4);
  assert.deepEqual(both('Site', { a: ['é'.repeat(quarter)] }, copy), { threw: bytes }, 'UTF-8 bytes, not characters');
  assert.equal(both('Site', { a: ['é'.repeat(quarter - 1)] }, copy).ok.valid, false);
  // Deeper and deeper copies of the root end at the depth bound.
  assert.match(both('Site', { a: 1 }, copies(300, '', '/d')).threw, /nesting depth exceeds the limit/);
});

/** Every object and array in `v`, frozen. */
function deepFreeze(v) {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

test('nothing passed is changed, and the document shares nothing with the arguments', () => {
  const current = deepFreeze(structuredClone(FIXTURES.Site));
  const value = deepFreeze({ contactName: 'Ann', contactRole: 'SALES' });
  const ops = deepFreeze([
    { op: 'add', path: '/siteContacts/-', value },
    { op: 'copy', from: '/siteAddress', path: '/invoiceAddress' },
    { op: 'move', from: '/invoiceAddress', path: '/siteAddress' },
    { op: 'replace', path: '/siteName', value: 'North' },
    { op: 'remove', path: '/siteReference' },
    { op: 'test', path: '/siteContacts/1', value },
  ]);
  const before = JSON.stringify([current, ops]);
  for (const options of [undefined, { abortEarly: true }, { unknownFields: 'report' }]) {
    const r = validatePatch('Site', current, ops, deepFreeze(options));
    assert.deepEqual(r, enginePatch('Site', current, ops, options));
    assert.equal(JSON.stringify([current, ops]), before);
    const doc = /** @type {any} */ (r.document);
    assert.notEqual(doc.siteContacts[1], value);
    assert.notEqual(doc.siteAddress, current.siteAddress);
    doc.siteContacts[1].contactName = 'changed';
    doc.siteAddress.town = 'changed';
    assert.equal(JSON.stringify([current, ops]), before);
  }
  // Each member is read once, as JSON.stringify reads it.
  let reads = 0;
  const counted = {
    get siteName() {
      reads++;
      return 'Head Office';
    },
    toJSON() {
      reads++;
      return { ...FIXTURES.Site, siteName: this.siteName };
    },
  };
  validatePatch('Site', counted, []);
  assert.equal(reads, 2);
  // Queries too: an object and a URLSearchParams stay as they were.
  const q = deepFreeze({ page: '1', pageSize: '10', sort: 'siteName:desc' });
  const p = new URLSearchParams('page=1&pageSize=10&page=2');
  validateQuery('GET /sites', q);
  validateQuery('GET /sites', p);
  assert.deepEqual(q, { page: '1', pageSize: '10', sort: 'siteName:desc' });
  assert.equal(p.toString(), 'page=1&pageSize=10&page=2');
});

test('member order is the Rust document\'s: remove moves the last member, integer-like keys keep their place', () => {
  const site = { ...FIXTURES.Site, startDate: 'x' };
  // The last member (startDate moved last here) takes the removed one's place.
  const { siteName, ...rest } = site;
  const current = { siteName, ...rest, extra: 1 };
  const r = both('Site', current, [{ op: 'remove', path: '/siteName' }], { unknownFields: 'report' });
  assert.equal(Object.keys(/** @type {object} */ (r.ok.document))[0], 'extra');
  assert.deepEqual(r.ok.errors.map((e) => e.path), ['/extra', '/startDate', '/siteName']);
  // "7" and "3" were added after every other member: reported last, in that order.
  const added = both('Site', FIXTURES.Site, [{ op: 'add', path: '/7', value: 1 }, { op: 'add', path: '/3', value: 1 }], { unknownFields: 'report' });
  assert.deepEqual(added.ok.errors.map((e) => e.path), ['/7', '/3']);
  // `__proto__` is a member like any other; nothing global changes.
  const proto = both('Site', FIXTURES.Site, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]);
  const doc = /** @type {any} */ (proto.ok.document);
  assert.ok(Object.hasOwn(doc, '__proto__'));
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
  assert.equal(/** @type {any} */ ({}).polluted, undefined);
});

test('test compares numbers by value and quotes what it found up to the limit in UTF-8 bytes', () => {
  const current = { n: -0, s: 'é'.repeat(LIMITS.maxQuotedBytes / 2), t: 'é'.repeat(LIMITS.maxQuotedBytes / 2) + 'x', o: { a: [1] } };
  assert.equal(both('Site', current, [{ op: 'test', path: '/n', value: 0 }]).ok.errors[0]?.code, 'required');
  const quoted = both('Site', current, [{ op: 'test', path: '/s', value: 'y' }]).ok.errors[0];
  assert.deepEqual(quoted.params, { pointer: '/s', actual: current.s });
  const long = both('Site', current, [{ op: 'test', path: '/t', value: 'y' }]).ok.errors[0];
  assert.deepEqual(long.params, { pointer: '/t' });
  both('Site', current, [{ op: 'test', path: '/o', value: { a: [1.0] } }, { op: 'test', path: '/o', value: { a: [] } }]);
});

test('the patch and query validators load and run where there is no WebAssembly', () => {
  const core = (f) => new URL(`../../src/js/core/${f}`, import.meta.url).href;
  const script = `
    delete globalThis.WebAssembly;
    const { validatePatch } = await import(${JSON.stringify(core('patch.js'))});
    const { validateQuery } = await import(${JSON.stringify(core('query.js'))});
    const r = validatePatch('Address', { address1: '1 High St', town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
      [{ op: 'replace', path: '/country', value: 'gb' }]);
    const q = validateQuery('GET /sites', '?page=0&pageSize=10&sort=nope');
    console.log(JSON.stringify([typeof WebAssembly, r.errors.map((e) => e.code), q.errors.map((e) => e.path)]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), ['undefined', ['pattern'], ['/page', '/sort']]);
});

test('patch.js and query.js type-check with their JSDoc types (tsc --strict, @ts-check files)', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsc = new URL('../../node_modules/.bin/tsc', import.meta.url);
  const args = ['--noEmit', '--allowJs', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--lib', 'es2022,dom', 'src/js/core/patch.js', 'src/js/core/query.js'];
  let out = '';
  try {
    execFileSync(fileURLToPath(tsc), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.equal(out, '', `tsc failed:\n${out}`);
});
