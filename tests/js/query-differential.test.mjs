// validateQuery in JavaScript (src/js/core/query.js) against the Rust engine compiled to wasm
// (src/validate/query.rs through the pkg/ glue), its oracle: generated queries for every
// endpoint must get the same result from both, issue for issue (path, code, params, message,
// order), or the same thrown message.
//
// Each query is a list of pairs: the endpoint's own parameters (every filter kind and operator,
// good and bad values), paging values at and around their bounds, `sort` and `fields` with good
// and bad names and directions, unknown and repeated parameters. It is sent in the three input
// forms: a plain object (its values also as numbers, booleans, null, BigInt… as JavaScript
// callers pass them), a URLSearchParams, and a query string (percent-encoded, raw, with `+`,
// a leading `?`, empty pairs, malformed escapes).
//
// Seeded: rerun with ELEVATE_QUERY_SEED=<seed>; ELEVATE_QUERY_SCALE multiplies the runs.
// Strings are well-formed (the wasm path turns lone surrogates into U+FFFD on the way in). The
// engine takes a query string or JSON text (support/oracle.mjs `engineQuery`): an object with
// a BigInt, a symbol or a function, which JSON cannot carry, is the JavaScript side's alone.

/** True when JSON text can carry what the validator sees of the plain object `q`. */
const carried = (q) =>
  typeof q !== 'object' || q === null || q instanceof URLSearchParams ||
  Object.values(q).every((v) => typeof v !== 'bigint' && typeof v !== 'symbol' && typeof v !== 'function');

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { engineQuery } from './support/oracle.mjs';
import { validateQuery } from '../../pkg/node.mjs';
import { ENDPOINTS, FILTER_KINDS, RECORDS } from '../../src/js/core/gen/endpoints.js';

const SEED = process.env.ELEVATE_QUERY_SEED !== undefined ? Number(process.env.ELEVATE_QUERY_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.ELEVATE_QUERY_SCALE ?? 1);
const RUNS_PER_ENDPOINT = 60;

const NOISE = ['', ' ', 'x', 'é', '😀', '&', '=', '+', '%', '%zz', '%E9', '%C3%A9', '%2', '?', '#', ',', ':', '~', '/', 'a b', 'in:', 'like:'];
const STRING_VALUES = ['abc', '', 'in:', 'in:a,b', 'in:a,,b', 'in:,a', 'in:a,', 'like:', 'like:x', 'In:x', 'LIKE:', 'foo:bar', ':x', 'a:b:c', 'in:é'];
const ID_VALUES = ['12', '0', '-5', '-0', '007', '', 'in:1,2', 'in:1,,2', 'in:', 'in:1,x', 'in:-1', 'in:1,9007199254740992', 'lt:3',
  'In:1', '1.5', '1e3', '+1', '9007199254740991', '9007199254740992', '-9007199254740991', '-9007199254740992',
  '99999999999999999999999', '1'.repeat(400), ' 1', '1 ', 'x', '-', '--1', '١'];
const DATE_VALUES = ['2024-02-29', '2023-02-29', 'lt:2024-01-01', 'gt:', 'gtn:2024-01-01', 'like:2024-01-01', 'lt:2024-13-01', '',
  'lte:2024-01-01', '2024-01-01T00:00:00Z', 'LT:2024-01-01', 'gt:gt:2024-01-01', '2024-1-1', ':2024-01-01', 'in:2024-01-01'];
const DATE_TIME_VALUES = ['2024-01-01T00:00:00Z', 'lt:2024-01-01T00:00:00Z', 'gt:2024-02-29T12:00:00-05:30', 'gtn:2024-01-01T00:00:00Z',
  '2024-01-01t00:00:00Z', '2024-12-31T23:59:60Z', '2024-01-01T00:00:00+18:00', '2024-01-01T00:00:00+18:01',
  '2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.1234567890Z', '2023-02-29T00:00:00Z', '2024-01-01', 'lt:', '', 'gt: 2024-01-01T00:00:00Z'];
const PAGE_VALUES = ['1', '0', '-1', '1000', '1001', '2147483647', '2147483648', '-2147483648', '-0', '01', '+1', '1.5', '1e3', '', ' 1',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '99999999999999999999', '-', 'x'];
const UNKNOWN = ['nope', 'Page', 'page ', 'a/b', 'a~b', 'sort ', '__proto__', 'toString', '0', 'é'];

/** Values for `name` on `ep` ([record, paged, fields, filters]). */
function valuesFor(g, ep, name) {
  const [names, unsortable] = RECORDS[ep[0]];
  const field = () => g(fc.constantFrom, ...names);
  const list = (item) => Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, item).join(',');
  if (name === 'page' || name === 'pageSize') return g(fc.constantFrom, ...PAGE_VALUES);
  if (name === 'sort') {
    const item = () => {
      const n = g(fc.integer, { min: 0, max: 9 }) === 0 ? g(fc.constantFrom, 'nope', '', 'Id', ...unsortable.map((i) => names[i])) : field();
      return n + g(fc.constantFrom, '', '', ':desc', ':asc', ':DESC', ':desc:x', ':');
    };
    return g(fc.integer, { min: 0, max: 7 }) === 0 ? g(fc.constantFrom, '', ',', 'id,', ',id', 'id,,id') : list(item);
  }
  if (name === 'fields') {
    const item = () => (g(fc.integer, { min: 0, max: 7 }) === 0 ? g(fc.constantFrom, 'nope', '', 'ID') : field());
    return g(fc.integer, { min: 0, max: 7 }) === 0 ? g(fc.constantFrom, '', ',', 'id,') : list(item);
  }
  const filter = ep[3].find((f) => f[0] === name);
  if (filter === undefined) return g(fc.constantFrom, ...NOISE, ...STRING_VALUES);
  const kind = FILTER_KINDS[filter[1]];
  if (kind.values) return g(fc.constantFrom, ...kind.values, '', kind.values[0].toLowerCase(), `${kind.values[0]} `, 'in:x');
  const pool = { string: STRING_VALUES, id: ID_VALUES, date: DATE_VALUES, 'date-time': DATE_TIME_VALUES }[kind.syntax];
  return g(fc.integer, { min: 0, max: 9 }) === 0 ? g(fc.constantFrom, ...NOISE) : g(fc.constantFrom, ...pool);
}

/** The parameters `ep` takes, as documented: paging or fields, then its filters. */
function paramsOf(ep) {
  const [, paged, fields, filters] = ep;
  const paging = paged ? ['page', 'pageSize', 'sort', 'fields'] : fields ? ['fields'] : [];
  return [...paging, ...filters.map((f) => f[0])];
}

/** Name/value pairs for `ep`: mostly its own parameters, required ones usually given. */
function pairs(g, ep) {
  const names = paramsOf(ep);
  const out = [];
  if (ep[1] && g(fc.integer, { min: 0, max: 4 }) > 0) {
    out.push(['page', g(fc.integer, { min: 0, max: 3 }) ? '1' : valuesFor(g, ep, 'page')]);
    out.push(['pageSize', g(fc.integer, { min: 0, max: 3 }) ? '50' : valuesFor(g, ep, 'pageSize')]);
  }
  for (const f of ep[3]) if (f[2] && g(fc.boolean)) out.push([f[0], valuesFor(g, ep, f[0])]);
  const n = g(fc.integer, { min: 0, max: 5 });
  for (let i = 0; i < n; i++) {
    const name = names.length && g(fc.integer, { min: 0, max: 6 }) ? g(fc.constantFrom, ...names) : g(fc.constantFrom, ...UNKNOWN);
    out.push([name, valuesFor(g, ep, name)]);
  }
  return g(fc.boolean) ? out : g(fc.shuffledSubarray, out, { minLength: out.length, maxLength: out.length });
}

/** A query string for `ps`, encoded in one of several ways a caller (or a browser) writes. */
function queryString(g, ps) {
  const style = g(fc.integer, { min: 0, max: 3 });
  const enc = (s) =>
    style === 0 ? encodeURIComponent(s) : style === 1 ? new URLSearchParams([['', s]]).toString().slice(1) : style === 2 ? s : s.replace(/[&=%+#]/g, encodeURIComponent);
  let text = ps.map(([k, v]) => (v === '' && g(fc.integer, { min: 0, max: 4 }) === 0 ? enc(k) : `${enc(k)}=${enc(v)}`)).join(g(fc.constantFrom, '&', '&', '&&'));
  if (g(fc.integer, { min: 0, max: 5 }) === 0) text = '?' + text;
  if (g(fc.integer, { min: 0, max: 9 }) === 0) text += g(fc.constantFrom, '&', '&=', '=x', '&%', '&a=%FF%FE', '&%C3=%A9', '&%F0%9F%98=x', '+&+=+');
  return text;
}

/** A plain object of `ps` (the last repeat wins), its values sometimes as JavaScript types. */
function plainObject(g, ps) {
  const o = {};
  for (const [k, v] of ps) {
    const js = g(fc.integer, { min: 0, max: 5 }) === 0;
    const value = !js
      ? v
      : /^-?[0-9]+(\.[0-9]+)?$/.test(v) && g(fc.boolean)
        ? Number(v)
        : g(fc.constantFrom, 1, 0, -0, 1.5, 1e21, NaN, Infinity, true, false, null, undefined, 10n, Symbol('s'), () => 1, [1, 2], { a: 1 }, new Date(0), new String('boxed'));
    Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return o;
}

function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { threw: String(e?.message) };
  }
}

test('validateQuery in JavaScript reports what the Rust engine reports, for every endpoint and input form', () => {
  console.log(`query differential seed ${SEED} (ELEVATE_QUERY_SEED to repeat)`);
  const started = Date.now();
  let compared = 0;
  let invalid = 0;
  const codes = new Set();
  const failures = [];
  for (const [key, ep] of ENDPOINTS) {
    const details = fc.check(
      fc.property(fc.gen(), (g) => {
        const ps = pairs(g, ep);
        const inputs = [
          ['object', plainObject(g, ps)],
          ['URLSearchParams', new URLSearchParams(ps)],
          ['string', queryString(g, ps)],
        ];
        for (const [form, q] of inputs) {
          const js = outcome(() => validateQuery(key, q));
          if (!carried(q)) {
            assert.ok(js.ok !== undefined && !js.ok.valid && js.ok.errors.length > 0, `${key} ${form}: judged`);
            continue;
          }
          const rust = outcome(() => engineQuery(key, q));
          compared++;
          if (js.ok && !js.ok.valid) invalid++;
          for (const e of js.ok?.errors ?? []) codes.add(e.params.reason ? `${e.code}:${e.params.reason}` : e.code);
          const shown = form === 'object' ? JSON.stringify(q, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)) : String(q);
          assert.deepEqual(js, rust, `${key} ${form} ${shown}`);
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS_PER_ENDPOINT * SCALE), endOnFailure: true },
    );
    if (details.failed) {
      failures.push(`${details.errorInstance?.message ?? details.error}\n(fast-check seed ${details.seed}, path ${details.counterexamplePath})`);
    }
  }
  console.log(`compared ${compared} queries (${invalid} invalid) in ${Date.now() - started} ms; codes seen: ${[...codes].sort().join(' ')}`);
  assert.equal(failures.length, 0, failures.join('\n\n'));
  assert.ok(compared >= 5000, `only ${compared} comparisons`);
  // Every kind of issue the validator has was produced and compared.
  for (const code of ['required', 'type', 'unknownField', 'maxItems', 'enum', 'minimum', 'maximum', 'format', 'querySyntax:empty',
    'querySyntax:emptyItem', 'querySyntax:operator', 'querySyntax:unknownField', 'querySyntax:notSortable', 'querySyntax:direction',
    'querySyntax:value']) {
    assert.ok(codes.has(code), `no ${code} issue was compared`);
  }
});

test('the same errors and results for odd endpoints, inputs and sizes', () => {
  const cases = [
    ['GET /nope', {}],
    ['get /sites', ''],
    ['GET /sites ', null],
    ['', undefined],
    ['GET /sites', 5],
    ['GET /sites', true],
    ['GET /sites', []],
    ['GET /sites', () => 1],
    ['GET /sites', 10n],
    ['GET /sites', Symbol('q')],
    ['GET /sites', new String('page=1')],
    ['GET /sites', new Map([['page', '1']])],
    ['GET /sites', Object.create(null)],
    ['GET /sites', new Date(0)],
    ['GET /sites', { get page() { throw new Error('boom'); } }],
    ['GET /sites', new Proxy({}, { ownKeys() { throw new Error('boom'); } })],
    ['GET /sites', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
    ['HEAD /sites', 'siteName=' + 'x'.repeat(70_000)],
    ['HEAD /sites', 'siteName=' + 'x'.repeat(65_527)],
    ['HEAD /sites', 'siteName=' + 'x'.repeat(65_526)],
    ['HEAD /sites', 'siteName=' + 'é'.repeat(33_000)],
    ['HEAD /sites', 'a&'.repeat(22_000)],
    ['HEAD /sites', 'a&'.repeat(21_000)],
    ['HEAD /sites', new URLSearchParams({ siteName: 'x'.repeat(70_000) })],
    ['HEAD /sites', Object.fromEntries(Array.from({ length: 32_769 }, (_, i) => [`k${i}`, null]))],
    ['HEAD /sites', Object.fromEntries(Array.from({ length: 32_768 }, (_, i) => [`k${i}`, null]))],
    ['HEAD /sites', Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, 'v']))],
    ['HEAD /sites', { siteName: 'x'.repeat(65_000), siteReference: 'y'.repeat(600) }],
    ['GET /sites', '??page=1&pageSize=1'],
    ['GET /sites', '?'],
    ['GET /sites', '&&&'],
    ['GET /sites', 'page=1&pageSize=1&sort=siteAddress&sort=id'],
    ['GET /sites/{site_id}', { fields: 'id,siteName' }],
    ['GET /sites/{site_id}', { page: '1' }],
    ['POST /sites', { a: 1 }],
    ['PATCH /sites/{site_id}', ''],
    ['GET /usage-rates', { page: 1, pageSize: 1 }],
  ];
  for (const [endpoint, query] of cases) {
    const js = outcome(() => validateQuery(endpoint, query));
    if (!carriedForm(query)) continue;
    const rust = outcome(() => engineQuery(endpoint, query));
    assert.deepEqual(js, rust, `${endpoint} ${typeof query === 'string' ? query.slice(0, 80) : typeof query}`);
  }
  // What only JavaScript can be given: its own answers, pinned (the engine's when it read them).
  const only = (q) => outcome(() => validateQuery('GET /sites', q));
  for (const q of [5, true, [], () => 1, 10n, Symbol('q')]) {
    assert.deepEqual(only(q), { threw: 'elevate-billing: the query must be an object, a URLSearchParams or a query string' }, String(typeof q));
  }
  // Other objects are read by their own enumerable members, as a plain object is.
  assert.deepEqual(only(new String('ab')).ok.errors.map((e) => e.path), ['/0', '/1', '/page', '/pageSize']);
  assert.deepEqual(only(new Map([['page', '1']])).ok.errors.map((e) => e.path), ['/page', '/pageSize']);
  assert.match(only({ get page() { throw new Error('boom'); } }).threw, /reading the query parameter "page" threw/);
  assert.match(only(new Proxy({}, { ownKeys() { throw new Error('boom'); } })).threw, /reading the query threw|boom/);
  const r = validateQuery('HEAD /sites', { customerId: 10n, siteName: Symbol('s'), billingCycleId: () => 1 });
  assert.deepEqual(r.errors.map((e) => [e.path, e.code, e.params.actual]), [['/customerId', 'type', 'bigint'], ['/siteName', 'type', 'symbol'], ['/billingCycleId', 'type', 'function']]);
  // A name that is not a string: ours says what it wants.
  for (const endpoint of [5, null, undefined, { toString: () => 'GET /sites' }]) {
    assert.throws(() => validateQuery(endpoint, {}), { name: 'TypeError', message: /validateQuery: the endpoint must be a string such as 'GET \/sites', not/ });
  }
});

/** The inputs the engine takes: strings, URLSearchParams, absent, plain objects JSON carries. */
function carriedForm(q) {
  if (q === undefined || q === null || typeof q === 'string') return true;
  if (typeof q !== 'object') return false;
  try {
    if (q instanceof URLSearchParams) return true;
    if (Array.isArray(q)) return false;
    const proto = Object.getPrototypeOf(q);
    return (proto === null || proto === Object.prototype) && carried(q);
  } catch {
    return false;
  }
}
