// Hostile input, as a careless or hostile integrator would give it, against the built package
// (issue 11): every export of both entries and every raw export of the engine gets arbitrary
// values in every parameter (typed arrays, detached and shared buffers, proxies whose traps
// throw, getters that throw or change between reads, toJSON tricks, huge and deep values), and
// must answer or throw an Error, never a WebAssembly trap or one of the glue's own complaints;
// after each call a known-valid call must still answer correctly (nothing poisons the module).
// Then the bounds: time and wasm memory on inputs of at most 1 MB, bulk reports, patches; and
// the smaller items of the issue, each with its case.
//
// Seeded: rerun with ELEVATE_HOSTILE_SEED=<seed>; ELEVATE_HOSTILE_SCALE multiplies the runs.
// Time is CPU time of this process (process.cpuUsage), generous, so a loaded machine does not
// make it flaky; memory is the engine's linear memory (`__memoryBytes`), which never shrinks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as eb from '../../pkg/node.mjs';
import * as forms from '../../pkg/forms.js';
import { FIXTURES } from './support/fixtures.mjs';

const SEED = process.env.ELEVATE_HOSTILE_SEED !== undefined ? Number(process.env.ELEVATE_HOSTILE_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.ELEVATE_HOSTILE_SCALE ?? 1);
const glue = eb.__engine();
const MiB = 1 << 20;
/** The engine's memory before any hostile call: what every test below must stay near. */
const START = eb.__memoryBytes();

const SITE = FIXTURES.Site;
const SITE_LINE = JSON.stringify(SITE);

// ---- hostile values ----------------------------------------------------------------------------

const boom = () => {
  throw new Error('boom');
};
/** Thrown by getters: an error whose own getters throw again. */
const nasty = () => {
  throw new Proxy(new Error('nasty'), { get: boom, getPrototypeOf: boom, ownKeys: boom, has: boom });
};
const allTraps = { get: boom, set: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom, apply: boom, construct: boom, defineProperty: boom, deleteProperty: boom };

function detached() {
  const b = new ArrayBuffer(16);
  structuredClone(b, { transfer: [b] });
  return b;
}

/**
 * A fresh list of hostile values (some are consumed: a buffer detaches, a getter counts). Each
 * is built only when drawn.
 */
const HOSTILE = [
  () => undefined,
  () => null,
  () => true,
  () => 0,
  () => -0,
  () => NaN,
  () => -Infinity,
  () => 1e308,
  () => -1,
  () => 2 ** 53 + 2,
  () => 10n,
  () => 'Site',
  () => '',
  () => 'GET /sites',
  () => '/siteName',
  () => 'x'.repeat(MiB),
  () => '\ud800{}\n\udfff',
  () => `${SITE_LINE}\n{}\n\uFEFF`,
  () => 'siteName,siteReference\nA,B\n',
  () => Symbol('s'),
  () => () => 1,
  () => boom,
  () => class {},
  () => ({}),
  () => [],
  () => [1, 'a', null, {}],
  () => ({ length: -1 }),
  () => ({ length: 1e8 }),
  () => ({ byteLength: 1e9, buffer: new ArrayBuffer(1), byteOffset: 0 }),
  () => new Uint8Array([123, 125, 10]),
  () => new Uint16Array([1, 2, 3]),
  () => new Float64Array(2),
  () => new DataView(new ArrayBuffer(4)),
  () => new ArrayBuffer(3),
  () => detached(),
  () => { const b = new ArrayBuffer(8); const v = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return v; },
  () => { const b = new ArrayBuffer(8); const v = new DataView(b); structuredClone(b, { transfer: [b] }); return v; },
  () => new Uint8Array(new SharedArrayBuffer(8)),
  () => new SharedArrayBuffer(8),
  () => new Uint8Array(new ArrayBuffer(8, { maxByteLength: 64 })),
  () => Object.defineProperty(new Uint8Array(4), 'byteLength', { get: () => 1e9 }),
  () => Object.defineProperty(new Uint8Array(4), 'length', { get: boom }),
  () => new Proxy(new Uint8Array([123, 125]), {}),
  () => new Proxy(new Uint8Array(4), allTraps),
  () => new Proxy({}, allTraps),
  () => new Proxy([], allTraps),
  () => new Proxy(function () {}, allTraps),
  () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; },
  () => { const p = Proxy.revocable([], {}); p.revoke(); return p.proxy; },
  () => ({ get abortEarly() { boom(); }, get maxIssues() { boom(); }, get token() { boom(); }, get signal() { boom(); }, get delimiter() { boom(); } }),
  () => ({ get siteName() { nasty(); }, get abortEarly() { nasty(); } }),
  () => { let n = 0; return { get siteName() { return n++ % 2 ? 'A' : 5; }, get abortEarly() { return n++ % 2 === 0; } }; },
  () => ({ toJSON: boom }),
  () => ({ toJSON: () => 10n }),
  () => { const c = { a: 1 }; c.self = c; return c; },
  () => { const c = [1]; c.push(c); return { toJSON: () => c }; },
  () => { let v = {}; for (let i = 0; i < 2000; i++) v = { a: v }; return v; },
  () => { let v = []; for (let i = 0; i < 300; i++) v = [v]; return v; },
  () => { const a = []; a.length = 2 ** 32 - 1; return a; },
  () => ({ siteContacts: new Array(300_000).fill(0) }),
  () => ({ ...SITE, siteName: new String('Boxed'), startDate: new Date(NaN) }),
  () => new Date(0),
  () => Object.create(null),
  () => new Error('an error'),
  () => ({ message: { toString: boom } }),
  () => ({ then: boom }),
  () => { const p = Promise.resolve('tok'); Object.defineProperty(p, 'constructor', { get: boom }); return p; },
  () => new URLSearchParams('page=1&pageSize=1'),
  () => [{ op: 'copy', from: '', path: '/d' }, { op: 'add', path: '/a', value: 10n }],
  () => ({ [Symbol.iterator]: boom }),
  () => ({ async *[Symbol.asyncIterator]() { yield new Proxy(new Uint8Array(1), allTraps); yield 5; } }),
  () => new ReadableStream({ pull: boom }),
  () => new AbortController().signal,
];

/** Messages that mean the module broke rather than refused. */
const BROKEN = /unreachable|memory access out of bounds|null pointer passed to rust|recursive use of an object|RuntimeError|already borrowed|unwrap_throw/i;

/** Asserts `e` is a refusal: an Error (not a WebAssembly trap) with a message that says so. */
function refusal(e, what) {
  assert.ok(e instanceof Error, `${what}: threw a non-Error: ${typeof e}`);
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: a WebAssembly trap: ${e.message}`);
  assert.doesNotMatch(String(e.message), BROKEN, what);
}

/** `p`, or a failure if it has not settled within `ms` (a hang). */
async function settles(p, ms, what) {
  let timer;
  const hang = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: did not settle within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The engine answers known-valid calls correctly (nothing is poisoned). */
function sane(what) {
  eb.resetPattern();
  assert.equal(eb.validate('Site', SITE).valid, true, what);
  assert.equal(forms.validate('Site', SITE).valid, true, what);
  assert.equal(glue.__validateJson('Site', SITE_LINE).valid, true, what);
  assert.deepEqual(eb.validateNdjson(`${SITE_LINE}\n`, 'Site'), { records: 1, valid: 1, invalid: 0, invalidLines: [], truncated: false }, what);
  assert.equal(eb.validateProductReference('[0-9]{3}', '123').valid, true, what);
  assert.equal(eb.validatePatch('Site', SITE, [{ op: 'replace', path: '/siteName', value: 'North' }]).valid, true, what);
  assert.equal(eb.validateQuery('GET /sites', { page: 1, pageSize: 10 }).valid, true, what);
  assert.equal(eb.getPattern('COUNTRY'), '[A-Z]{2}', what);
  assert.equal(eb.inList(['a', 'b']), 'in:a,b', what);
  const v = new eb.CsvValidator('Site');
  v.push('siteName\nx\n');
  assert.equal(v.finish().records, 1, what);
}

// ---- what is called --------------------------------------------------------------------------

/** A quick global fetch while the fuzz runs: no call may leave the machine. */
const quickFetch = async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

/** Every export of both entries and every raw export of the engine, as [name, call(args)]. */
function targets() {
  const out = [];
  const skip = new Set(['default', 'initSync', '__engine']);
  for (const [entry, mod] of [['elevate-billing', eb], ['elevate-billing/forms', forms], ['engine', glue]]) {
    for (const [name, f] of Object.entries(mod)) {
      if (skip.has(name)) continue;
      if (typeof f === 'function' && /^[A-Z]/.test(name)) {
        out.push([`${entry} new ${name}`, (a) => {
          const o = new f(...a);
          // Then each method once, with the same arguments, then free what needs freeing.
          const results = [];
          for (const m of ['push', 'progress', 'finish', 'describe', 'toJSON', 'toString']) {
            if (typeof o[m] === 'function') {
              try {
                results.push(o[m](...a));
              } catch (e) {
                refusal(e, `${entry} ${name}.${m}`);
              }
            }
          }
          if (typeof o.free === 'function') o.free();
          return results;
        }]);
      } else if (typeof f === 'function') {
        out.push([`${entry} ${name}`, (a) => f(...a)]);
      } else if (f && typeof f.then === 'function') {
        out.push([`${entry} ${name}.then`, (a) => f.then(...a)]);
      }
    }
  }
  // A client with safe options, whose methods get the hostile arguments.
  const client = new eb.ElevateClient({ token: 'tok-hostile', timeoutMs: 2000, retries: 0 });
  for (const method of ['list', 'exists', 'create', 'get', 'update', 'createMany']) {
    out.push([`client.sites.${method}`, (a) => client.sites[method]?.(...a)]);
  }
  out.push(['client.rentalProductCategories.delete', (a) => client.rentalProductCategories.delete(...a)]);
  out.push(['client iterate', async (a) => {
    for await (const x of client.sites.iterate(...a)) void x;
  }]);
  out.push(['client with hostile fetch', (a) => new eb.ElevateClient({ token: a[0] ?? 'tok', fetch: a[1], timeoutMs: 500, retries: 0 }).sites.get(1, a[2])]);
  out.push(['client with a hostile token provider', (a) => new eb.ElevateClient({ token: () => a[0], timeoutMs: 500, retries: 0 }).sites.get(1)]);
  return out;
}

test('every export, given arbitrary values in every parameter, answers or refuses with an Error, and the module keeps working', async () => {
  console.log(`hostile seed ${SEED} (ELEVATE_HOSTILE_SEED to repeat)`);
  const saved = globalThis.fetch;
  globalThis.fetch = quickFetch;
  const all = targets();
  const before = eb.__memoryBytes();
  let calls = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.array(fc.integer({ min: 0, max: HOSTILE.length - 1 }), { maxLength: 4 }),
        async (t, picks) => {
          const [name, call] = all[t];
          const args = picks.map((i) => HOSTILE[i]());
          const what = `${name}(${picks.join(', ')})`;
          calls++;
          try {
            const r = call(args);
            if (r && typeof r.then === 'function') {
              try {
                await settles(r, 5000, what);
              } catch (e) {
                refusal(e, what);
                assert.doesNotMatch(String(e.message), /did not settle/, what);
              }
            }
          } catch (e) {
            refusal(e, what);
          }
          sane(`after ${what}`);
        },
      ),
      { seed: SEED, numRuns: Math.ceil(1500 * SCALE), endOnFailure: true },
    );
  } finally {
    globalThis.fetch = saved;
    eb.resetPattern();
  }
  const grown = eb.__memoryBytes() - before;
  console.log(`${calls} hostile calls over ${all.length} entry points; wasm memory grew ${(grown / MiB).toFixed(1)} MiB`);
  assert.ok(grown <= 64 * MiB, `wasm memory grew ${grown} bytes`);
});

test('each hostile value once in each parameter of each export, exhaustively for one position at a time', async () => {
  const saved = globalThis.fetch;
  globalThis.fetch = quickFetch;
  try {
    for (const [name, call] of targets()) {
      for (let position = 0; position < 3; position++) {
        for (let i = 0; i < HOSTILE.length; i++) {
          const args = ['Site', `${SITE_LINE}\n`, undefined].slice(0, position);
          args.push(HOSTILE[i]());
          const what = `${name} arg ${position} = hostile #${i}`;
          const started = Date.now();
          try {
            const r = call(args);
            if (r && typeof r.then === 'function') await settles(r.catch((e) => refusal(e, what)), 5000, what);
          } catch (e) {
            refusal(e, what);
          }
          if (Date.now() - started > 1000) console.log(`slow: ${what}: ${Date.now() - started} ms`);
        }
      }
      sane(`after ${name}`);
    }
  } finally {
    globalThis.fetch = saved;
    eb.resetPattern();
  }
});

// ---- bounds: time and memory -------------------------------------------------------------------

/** Runs `f`, returns [its result or thrown error, CPU ms, wasm bytes grown]. */
function measured(f) {
  const cpu = process.cpuUsage();
  const mem = eb.__memoryBytes();
  let out;
  try {
    out = f();
  } catch (e) {
    out = e;
  }
  const used = process.cpuUsage(cpu);
  return [out, (used.user + used.system) / 1000, eb.__memoryBytes() - mem];
}

test('no call on at most 1 MB of input runs past 2 s of CPU or grows wasm memory past 64 MiB', () => {
  const MB = 1_000_000;
  const site = JSON.stringify(SITE);
  const zeros = (n) => ({ ...SITE, siteContacts: new Array(n).fill(0) });
  const bigBadLine = `{"siteContacts":[${'0,'.repeat((MB - 40) / 2)}0]}`;
  const cases = [
    ['validate: 300,000 bad items', () => eb.validate('Site', zeros(300_000))],
    ['forms validate: 300,000 bad items', () => forms.validate('Site', zeros(300_000))],
    ['engine validate: 300,000 bad items', () => glue.__validateJson('Site', JSON.stringify(zeros(300_000)))],
    ['validateField: 1 MB string', () => eb.validateField('Site', '/siteName', 'x'.repeat(MB))],
    ['validateNdjson: {} × 333,333 (1 MB)', () => eb.validateNdjson('{}\n'.repeat(333_333), 'Site')],
    ['validateNdjson: one line of 500,000 bad items', () => eb.validateNdjson(bigBadLine, 'Site', { maxInvalidLines: 1 })],
    ['validateNdjson: 1 MB of valid lines', () => eb.validateNdjson(`${site}\n`.repeat(Math.floor(MB / (site.length + 1))), 'Site')],
    ['validateCsv: 1 MB of bad rows', () => eb.validateCsv(`siteName,customerId\n${'<x>,y\n'.repeat(166_000)}`, 'Site')],
    ['csvRecords: 1 MB', () => eb.csvRecords(`siteName\n${'x\n'.repeat(499_000)}`, 'Site')],
    ['validatePatch: 30 doublings of 10 KB', () => eb.validatePatch('Site', { a: ['x'.repeat(10_000)] }, Array.from({ length: 30 }, () => ({ op: 'copy', from: '/a', path: '/a/-' })))],
    ['engine validatePatch: 30 doublings of 10 KB', () => glue.__validatePatchJson('Site', JSON.stringify({ a: ['x'.repeat(10_000)] }), JSON.stringify(Array.from({ length: 30 }, () => ({ op: 'copy', from: '/a', path: '/a/-' }))))],
    ['validatePatch: 12,000 copies of the root', () => eb.validatePatch('Site', {}, Array.from({ length: 12_000 }, () => ({ op: 'copy', from: '', path: '/d' })))],
    ['validateQuery: 1 MB string', () => eb.validateQuery('GET /sites', `siteName=${'x'.repeat(MB)}`)],
    ['validateQuery: in: list of 100,000', () => eb.validateQuery('GET /sites', { page: 1, pageSize: 1, customerId: `in:${'1,'.repeat(30_000)}1` })],
    ['formatMessage: 1 MB params', () => eb.formatMessage({ path: '/siteName', code: 'enum', params: { allowed: new Array(100_000).fill('abcdefghi') } })],
    ['describeField: 1 MB pointer', () => eb.describeField('Site', '/a'.repeat(MB / 2))],
    ['jsonSchema, openApiDocument', () => [eb.jsonSchema('Site'), eb.openApiDocument()]],
    ['setPattern: 1 MB source', () => eb.setPattern('NAME_CURLY', 'a'.repeat(MB))],
    ['inList: 1 MB of values', () => eb.inList(new Array(100_000).fill('abcdefghi'))],
  ];
  let peak = 0;
  for (const [what, f] of cases) {
    const [out, ms, grown] = measured(f);
    if (out instanceof Error) refusal(out, what);
    peak = Math.max(peak, grown);
    console.log(`${what}: ${ms.toFixed(0)} ms CPU, wasm +${(grown / MiB).toFixed(1)} MiB${out instanceof Error ? ` (refused: ${out.message.slice(0, 90)})` : ''}`);
    assert.ok(ms <= 2000, `${what}: ${ms} ms of CPU`);
    assert.ok(grown <= 64 * MiB, `${what}: wasm memory grew ${grown} bytes`);
  }
  eb.resetPattern();
  sane('after the bounded calls');
  const total = eb.__memoryBytes() - START;
  console.log(`wasm memory since the first hostile call: +${(total / MiB).toFixed(1)} MiB (largest growth of one call here: ${(peak / MiB).toFixed(1)} MiB)`);
  assert.ok(total <= 64 * MiB, `wasm memory grew ${total} bytes in all`);
});

test('results are capped by default and say so; the caps are options', () => {
  const r = eb.validate('Site', { siteContacts: new Array(300_000).fill(0) });
  assert.equal(r.errors.length, 100);
  assert.equal(r.truncated, true);
  assert.ok(JSON.stringify(r).length < 100_000, 'a 600 KB value gives a small report, not 48 MB');
  assert.equal(eb.validate('Site', { siteContacts: [0] }).truncated, undefined, 'no flag when nothing was cut');
  assert.equal(eb.validate('Site', { siteContacts: new Array(300).fill(0) }, { maxIssues: Infinity }).errors.length, 305);
  assert.equal(eb.validate('Site', { siteContacts: new Array(300).fill(0) }, { maxIssues: 7 }).errors.length, 7);
  for (const bad of [0, -1, 1.5, '3', null]) {
    assert.throws(() => eb.validate('Site', {}, { maxIssues: bad }), { name: 'TypeError', message: /maxIssues must be a positive integer or Infinity/ });
  }
  // Both validators keep the same first issues.
  const v = { siteContacts: new Array(1000).fill(0), siteName: 5, nope: { a: [1, 2] } };
  assert.deepEqual(eb.validate('Site', v), glue.__validateJson('Site', JSON.stringify(v)));
  assert.deepEqual(eb.validate('Site', v, { unknownFields: 'report', maxIssues: 3 }), glue.__validateJson('Site', JSON.stringify(v), { unknownFields: 'report', maxIssues: 3 }));
  // NDJSON: one line with millions of bad items, even with maxInvalidLines: 1; 1000 lines kept by default.
  const line = `{"siteContacts":[${'0,'.repeat(2_000_000)}0]}`;
  const one = eb.validateNdjson(`${line}\n${line}\n`, 'Site', { maxInvalidLines: 1 });
  assert.deepEqual([one.records, one.invalid, one.invalidLines.length, one.truncated, one.invalidLines[0].errors.length, one.invalidLines[0].truncated], [2, 2, 1, true, 100, true]);
  const many = eb.validateNdjson('{}\n'.repeat(5000), 'Site');
  assert.deepEqual([many.invalid, many.invalidLines.length, many.truncated], [5000, 1000, true]);
  const csv = eb.validateCsv(`siteName\n${'<x>\n'.repeat(1500)}`, 'Site');
  assert.deepEqual([csv.invalid, csv.invalidRecords.length, csv.truncated], [1500, 1000, true]);
});

test('a string NDJSON input is not copied whole into wasm memory, and wasm memory is given back for reuse', () => {
  const line = `${SITE_LINE}\n`;
  const text = line.repeat(Math.ceil((24 * MiB) / line.length)) + 'é'.repeat(10);
  eb.validateNdjson(line, 'Site'); // warm
  const [r, , grown] = measured(() => eb.validateNdjson(text, 'Site'));
  assert.equal(r.invalid, 1);
  assert.ok(grown <= 8 * MiB, `a 24 MiB string grew wasm memory by ${grown} bytes (once 3x its size)`);
  const bytes = Buffer.from(text);
  const [r2, , grown2] = measured(() => eb.validateNdjson(bytes, 'Site'));
  assert.deepEqual(r2, r);
  assert.ok(grown2 <= 8 * MiB, `24 MiB of bytes grew wasm memory by ${grown2} bytes`);
  // The same again grows nothing: freed memory is reused.
  const [, , again] = measured(() => eb.validateNdjson(text, 'Site'));
  assert.equal(again, 0);
});

test('regex work is bounded: product formats and setPattern patterns stop at the step budget', () => {
  // Formats and patterns that backtrack exponentially, or nearly, in a backtracking engine
  // (java.util.regex took 5.6 s on the first, 58 s on a 64 KiB input): each call ends within
  // 2 s of CPU with a verdict, or with reason 'budget' where the budget ran out.
  const cases = [
    ['(?:a*){20000}', 'a'.repeat(4096)],
    ['(?:a*){1000}b', 'a'.repeat(65536)],
    ['(a|aa)+$', `${'a'.repeat(5000)}!`],
    ['(?:(?:a+)+)+b', 'a'.repeat(1 << 16)],
  ];
  for (const [format, reference] of cases) {
    const [r, ms, grown] = measured(() => eb.validateProductReference(format, reference));
    assert.ok(!(r instanceof Error), `${format}: ${r}`);
    assert.ok(ms <= 2000, `${format} on ${reference.length} characters: ${ms} ms of CPU`);
    assert.ok(grown <= 64 * MiB, `${format}: wasm memory grew by ${grown} bytes`);
    for (const e of r.errors) {
      assert.equal(e.code, 'pattern', format);
      assert.ok(e.params.reason === undefined || e.params.reason === 'budget', `${format}: ${e.params.reason}`);
    }
  }
  // The budget is reported, not guessed: this one cannot be decided within it.
  assert.equal(eb.validateProductReference('(?:a*){1000}b', 'a'.repeat(65536)).errors[0].params.reason, 'budget');
  try {
    eb.setPattern('NAME_CURLY', '(?:a*){500}b');
    const [r, ms] = measured(() => eb.validateField('Site', '/siteName', 'a'.repeat(4096)));
    assert.ok(ms <= 2000, `validateField under a pathological setPattern: ${ms} ms of CPU`);
    assert.deepEqual(r.errors.map((e) => [e.code, e.params.reason]), [['maxLength', undefined], ['pattern', 'budget']]);
  } finally {
    eb.resetPattern();
  }
  // And the module still answers.
  assert.equal(eb.validate('Site', SITE).valid, true);
});

// ---- after an error, the next call works ------------------------------------------------------

test('after any error the next call works: bulk validators keep no borrow, a finished or freed one says so', () => {
  for (const [Class, good, last] of [
    [eb.NdjsonValidator, `${SITE_LINE}\n`, (r) => r.valid],
    [eb.CsvValidator, 'siteName\nx\n', (r) => r.records],
  ]) {
    const v = new Class('Site');
    for (const bad of [new Proxy(new Uint8Array(4), allTraps), detached(), 5, { length: 1e8 }, { byteLength: 1e9, buffer: new ArrayBuffer(1), byteOffset: 0 }]) {
      assert.throws(() => v.push(bad), TypeError);
    }
    v.push(good);
    assert.equal(last(v.finish()), 1);
    for (const method of ['push', 'finish']) {
      assert.throws(() => v[method]('x'), { message: new RegExp(`${Class.name}.${method}: the validator was finished`) });
    }
    const w = new Class('Site');
    w.free();
    w.free();
    assert.throws(() => w.push('x'), { message: /the validator was freed/ });
  }
  // Thousands of detached buffers, proxies and lying arrays: the engine never breaks (once it
  // trapped "memory access out of bounds" for good after about 3,400).
  for (let i = 0; i < 5000; i++) {
    const bad = [detached(), new Proxy(new Uint8Array(4), {}), Object.defineProperty(new Uint8Array(4), 'byteLength', { get: () => 1e9 })][i % 3];
    try {
      eb.validateNdjson(bad, 'Site');
    } catch (e) {
      refusal(e, 'validateNdjson');
    }
    try {
      glue.validateNdjson(bad, 'Site');
    } catch (e) {
      refusal(e, 'raw validateNdjson');
    }
  }
  sane('after 5000 bad buffers');
  // A lying typed array is read by its real length: 4 bytes, not 1e9.
  const lying = Object.defineProperty(new Uint8Array(Buffer.from('{}\n')), 'byteLength', { get: () => 1e9 });
  assert.equal(eb.validateNdjson(lying, 'Address').records, 1);
});

test('options whose getters throw, or a revoked proxy, are errors naming the option, never the defaults', async () => {
  const revoked = () => {
    const p = Proxy.revocable({}, {});
    p.revoke();
    return p.proxy;
  };
  const getter = (name) => ({ get [name]() { throw new Error('getter'); } });
  const cases = [
    ['validate', (o) => eb.validate('Site', SITE, o), 'abortEarly'],
    ['forms validate', (o) => forms.validate('Site', SITE, o), 'maxIssues'],
    ['validatePatch', (o) => eb.validatePatch('Site', SITE, [], o), 'unknownFields'],
    ['validateNdjson', (o) => eb.validateNdjson('', 'Site', o), 'maxInvalidLines'],
    ['validateCsv', (o) => eb.validateCsv('', 'Site', o), 'delimiter'],
    ['NdjsonValidator', (o) => new eb.NdjsonValidator('Site', o), 'maxIssues'],
    ['CsvValidator', (o) => new eb.CsvValidator('Site', o), 'maxInvalidRecords'],
    ['csvRecords', (o) => eb.csvRecords('', 'Site', o), 'delimiter'],
    ['ElevateClient', (o) => new eb.ElevateClient(o), 'token'],
    ['raw validate', (o) => glue.__validateJson('Site', SITE_LINE, o), 'abortEarly'],
  ];
  for (const [what, call, name] of cases) {
    for (const options of [getter(name), revoked(), new Proxy({}, allTraps)]) {
      assert.throws(() => call(options), (e) => e instanceof Error && /threw/.test(e.message) && !BROKEN.test(e.message), what);
    }
  }
  const client = new eb.ElevateClient({ token: 'tok-1234', fetch: quickFetch });
  for (const options of [getter('signal'), revoked(), new Proxy({}, allTraps)]) {
    await assert.rejects(client.sites.get(1, options), TypeError);
    await assert.rejects(client.sites.createMany([SITE], options), TypeError);
  }
});

// ---- the smaller items --------------------------------------------------------------------------

test('an NDJSON UTF-8 byte order mark is not bad JSON', () => {
  const address = JSON.stringify(FIXTURES.Address);
  for (const input of [`\uFEFF${address}\n${address}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${address}\n`)])]) {
    assert.deepEqual(eb.validateNdjson(input, 'Address'), { records: typeof input === 'string' ? 2 : 1, valid: typeof input === 'string' ? 2 : 1, invalid: 0, invalidLines: [], truncated: false });
  }
  // Only at the start: elsewhere it is a character JSON does not allow.
  assert.equal(eb.validateNdjson(`${address}\n\uFEFF${address}`, 'Address').invalidLines[0].errors[0].code, 'json');
});

test('formatMessage with malformed params gives a plain sentence; with unreadable ones an Error', () => {
  for (const params of [undefined, null, 5, 'x', [1], {}, { limit: 'a lot' }, { limit: null, actual: undefined }, { limit: 10n }, Object.create(null)]) {
    const m = eb.formatMessage({ path: '/siteName', code: 'maxLength', params });
    assert.match(m, /^Site name \S.*\.$/, String(m));
    assert.doesNotMatch(m, /\{|\}|undefined|  /, m);
  }
  assert.equal(eb.formatMessage({ path: '/x', code: 'nope', params: {} }), 'x is not valid (nope).');
  assert.throws(() => eb.formatMessage({ path: '/x', code: 'maxLength', params: new Proxy({}, allTraps) }), /formatMessage: issue.params: reading the value threw/);
  assert.throws(() => eb.formatMessage({ get code() { boom(); } }), /formatMessage: reading issue.code threw: boom/);
  assert.throws(() => eb.formatMessage({ path: '/x', code: 'required' }, { get x() { boom(); } }), /reading labels\["x"\] threw: boom/);
});

test('validateQuery takes an in: list as long as inList builds, not one more', () => {
  const values = (n) => Array.from({ length: n }, (_, i) => String(i));
  const query = (list) => eb.validateQuery('GET /sites', { page: 1, pageSize: 10, customerId: list });
  assert.equal(query(eb.inList(values(1000))).valid, true);
  assert.throws(() => eb.inList(values(1001)), { name: 'TypeError', message: /at most 1000/ });
  const r = query(`in:${values(1001).join(',')}`);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code, e.params]), [['/customerId', 'maxItems', { limit: 1000, actual: 1001 }]]);
  assert.equal(query(`in:${values(5000).join(',')}`).errors[0].params.actual, 5000);
  // inList reads a Proxy's items through try/catch: its trap is an Error, not an unwind.
  assert.throws(() => eb.inList(new Proxy(['a'], { get: boom })), { name: 'TypeError', message: /inList: reading the values threw: boom/ });
});

test('a token provider whose promise has a throwing constructor getter fails the call, and nothing is left pending', async () => {
  const bad = () => {
    const p = Promise.resolve('tok-1234');
    Object.defineProperty(p, 'constructor', { get: boom });
    return p;
  };
  let uncaught = null;
  const onUncaught = (e) => (uncaught = e);
  process.on('uncaughtException', onUncaught);
  try {
    const client = new eb.ElevateClient({ token: bad, fetch: quickFetch, retries: 0 });
    const e = await settles(client.sites.get(1).then(() => null, (x) => x), 5000, 'the call');
    assert.ok(e instanceof eb.ElevateTokenError, String(e));
    assert.match(e.message, /boom/);
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('uncaughtException', onUncaught);
  }
  assert.equal(uncaught, null);
});
