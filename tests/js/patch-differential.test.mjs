// validatePatch in JavaScript (src/js/core/patch.js) against the Rust engine compiled to wasm
// (src/validate/patch.rs through the pkg/ glue), its oracle: generated documents and patches
// must get the same result from both, issue for issue (path, code, params, message, order),
// the same `document` (or none), or the same thrown message.
//
// Patches use every operation on valid and broken paths (missing members, array indices `-`,
// `0`, the length, past it, leading zeros, `~0`/`~1` escapes, into scalars, the root, deep
// paths), `copy`/`move` into themselves, `test` with equal and different values, operations
// that are not objects or miss members, and values JSON cannot carry. Documents are fixtures,
// generated payloads of every schema, random JSON with integer-like keys, and JavaScript-only
// values. Options vary (none, abortEarly, unknownFields: 'report'). The engine takes JSON text:
// calls whose arguments JSON cannot carry faithfully (BigInt, NaN, cycles, throwing getters,
// nesting past serde_json's limit) are run on the JavaScript side only, checked for a sane
// outcome, and pinned by deterministic tests.
//
// Seeded: rerun with ELEVATE_PATCH_SEED=<seed>; ELEVATE_PATCH_SCALE multiplies the runs.
// Strings are well-formed: the wasm path turns lone surrogates into U+FFFD on the way in, the
// JavaScript path keeps them as JSON.stringify does (a difference of the boundary, not tested).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { enginePatch, faithful, glue } from './support/oracle.mjs';
import { FIXTURES } from './support/fixtures.mjs';
import { PayloadGenerator } from './support/payloads.mjs';
import { validatePatch } from '../../pkg/node.mjs';
import { schemaNames } from '../../pkg/node.mjs';

const SEED = process.env.ELEVATE_PATCH_SEED !== undefined ? Number(process.env.ELEVATE_PATCH_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.ELEVATE_PATCH_SCALE ?? 1);
const RUNS_PER_SCHEMA = 250;

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
/** Member names that exercise escapes, JavaScript's integer-key order and prototypes. */
const KEYS = ['new', 'a~b', 'a/b', '~', '/', '7', '3', '10', '0', '01', '-', '', '__proto__', 'toJSON', 'é', '😀', 'siteName'];
/** Array tokens around the bounds, in RFC 6901 form and not. */
const INDEX_TOKENS = (n) => ['-', '0', String(n), String(n + 1), String(Math.max(0, n - 1)), '01', '00', '+1', '-1', '1a', '', '99999999999', '4294967296'];
const BROKEN_POINTERS = ['siteName', '/a~2', '#/a', '/~', 'x/y', '/siteName~'];

/** The value as the wasm path reads it, with well-formed strings (see above). */
const wellFormed = (s) => s.toWellFormed();

/** RFC 6901 token. */
const esc = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** [pointer, value] of every location in a JSON value, the root included. */
function locations(v, at = '', out = [['', v]]) {
  if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const p = `${at}/${esc(k)}`;
      out.push([p, x]);
      locations(x, p, out);
    }
  }
  return out;
}

/** A JSON value of a few levels with awkward keys. */
function randomJson(g, depth = 0) {
  const kind = g(fc.integer, { min: 0, max: depth > 2 ? 3 : 6 });
  switch (kind) {
    case 0:
      return null;
    case 1:
      return g(fc.boolean);
    case 2:
      return g(fc.constantFrom, 0, 1, -1, 1.5, 2 ** 53, 1e21, -0, 42, 1e-7);
    case 3:
      return wellFormed(g(fc.string, { maxLength: 6 }));
    case 4:
    case 5: {
      const o = {};
      const n = g(fc.integer, { min: 0, max: 4 });
      for (let i = 0; i < n; i++) {
        const k = g(fc.constantFrom, ...KEYS);
        Object.defineProperty(o, k, { value: randomJson(g, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    default:
      return Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () => randomJson(g, depth + 1));
  }
}

/** Values only JavaScript has, read as JSON.stringify would (or reported where they sit). */
function jsOnly(g) {
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  return g(fc.constantFrom,
    10n, NaN, Infinity, -Infinity, undefined, () => 1, Symbol('s'), new Date(Date.UTC(2024, 1, 29)),
    new String('boxed'), new Number(5), new Boolean(false), { toJSON: () => 'via toJSON' }, [undefined, () => 1, Symbol('x')],
    { n: [1, 2n] }, { d: NaN }, cyclic, [1, , 3], -0, Object.create(null));
}

/** Something slightly different from `v` (for a `test` that fails). */
function nearly(g, v) {
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'string') return v + 'x';
  if (typeof v === 'boolean') return !v;
  if (v === null) return 0;
  if (Array.isArray(v)) return g(fc.boolean) ? v.slice(1) : [...v, null];
  const o = { ...v };
  const ks = Object.keys(o);
  if (ks.length && g(fc.boolean)) delete o[ks[0]];
  else o.extra = 1;
  return o;
}

/** A pointer for an operation on `doc`: existing, new, around array bounds, into scalars, broken. */
function pointer(g, doc) {
  const locs = locations(doc);
  const [p, v] = locs[g(fc.integer, { min: 0, max: locs.length - 1 })];
  switch (g(fc.integer, { min: 0, max: 9 })) {
    case 0:
    case 1:
      return p;
    case 2:
    case 3:
      if (Array.isArray(v)) return `${p}/${g(fc.constantFrom, ...INDEX_TOKENS(v.length))}`;
      if (typeof v === 'object' && v !== null) return `${p}/${esc(g(fc.constantFrom, ...KEYS))}`;
      return `${p}/${g(fc.constantFrom, 'x', '0', '-')}`; // into a scalar
    case 4:
      return `${p}/${esc(g(fc.constantFrom, ...KEYS))}/${g(fc.constantFrom, 'x', '0', '-')}`;
    case 5:
      return '';
    case 6:
      return g(fc.constantFrom, ...BROKEN_POINTERS);
    case 7:
      return `/${esc(g(fc.constantFrom, ...KEYS))}`;
    default:
      return p === '' ? '/new' : p;
  }
}

/** The value at `p` of a JSON value, or undefined. */
function at(doc, p) {
  if (p === '') return doc;
  let cur = doc;
  for (const t of p.slice(1).split('/')) {
    const k = t.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, k)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** One operation on `doc`, sometimes malformed. */
function operation(g, doc, gen, schema) {
  const shape = g(fc.integer, { min: 0, max: 19 });
  if (shape === 0) return g(fc.constantFrom, null, 5, 'add', [], [{ op: 'add' }], undefined, 10n);
  const op = shape === 1 ? g(fc.constantFrom, 'Add', 'nope', '', 5, undefined) : g(fc.constantFrom, ...OPS);
  const o = { op };
  const path = pointer(g, doc);
  if (shape !== 2) o.path = path;
  if (op === 'move' || op === 'copy' || shape === 3) {
    // Into itself now and then: `from` a prefix of `path`.
    const inside = g(fc.integer, { min: 0, max: 3 }) === 0 && path.startsWith('/');
    o.from = inside ? path.slice(0, path.lastIndexOf('/')) : pointer(g, doc);
  }
  if (op === 'add' || op === 'replace' || op === 'test' || shape === 4) {
    const existing = at(doc, o.path ?? '');
    switch (g(fc.integer, { min: 0, max: 7 })) {
      case 0:
      case 1:
        // The same value (a `test` that passes) or one near it.
        o.value = existing === undefined ? randomJson(g) : g(fc.boolean) ? structuredClone(existing) : nearly(g, existing);
        break;
      case 2:
        o.value = jsOnly(g);
        break;
      case 3:
        // A valid value of the schema, or a defective one (stage 3 issues).
        o.value = g(fc.boolean) ? gen.valid(g, schema) : randomJson(g);
        break;
      case 4:
        if (g(fc.boolean)) o.value = undefined; // read as absent
        break;
      default:
        o.value = randomJson(g);
    }
  }
  if (shape === 5) o.extra = g(fc.constantFrom, 10n, undefined, 'x', { deep: [NaN] });
  return o;
}

/** A current document for `name`. */
function current(g, name, schema, gen) {
  switch (g(fc.integer, { min: 0, max: 9 })) {
    case 0:
    case 1:
    case 2:
      return structuredClone(FIXTURES[name] ?? gen.valid(g, schema));
    case 3:
    case 4:
    case 5:
      return gen.valid(g, schema);
    case 6:
      return gen.mutate(g, schema, gen.valid(g, schema), 1);
    case 7: {
      const o = randomJson(g);
      return typeof o === 'object' && o !== null && !Array.isArray(o) ? o : { a: o, 7: [o], b: { 3: o } };
    }
    case 8: {
      const base = structuredClone(FIXTURES[name] ?? gen.valid(g, schema));
      base[g(fc.constantFrom, 'siteName', 'x', 'id', '5')] = jsOnly(g);
      return base;
    }
    default:
      return g(fc.constantFrom, undefined, null, 'text', 5, [], [1, { a: 2 }], 10n);
  }
}

/** What the operations are generated from: `doc` as JSON (or an empty object). */
function asJson(doc) {
  try {
    return JSON.parse(JSON.stringify(doc, (_, v) => (typeof v === 'bigint' ? null : v)) ?? 'null');
  } catch {
    return {};
  }
}

/** Both results, or both thrown messages. */
function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { threw: String(e?.message) };
  }
}

/**
 * The JavaScript path words a bad `options` as `validate` does on that path: the function's name
 * first and the type given last ("validatePatch: options must be … { abortEarly: true }, not a
 * number"); the rest of each message is the wasm path's own.
 */
function comparable(js, rust) {
  const PREFIX = 'elevate-billing: ';
  if (js.threw === undefined || rust.threw === undefined || !rust.threw.startsWith(`${PREFIX}options`)) return js;
  const inner = rust.threw.slice(PREFIX.length);
  return js.threw.startsWith(`${PREFIX}validatePatch: ${inner}`) ? rust : js;
}

const OPTIONS = [undefined, { abortEarly: true }, { unknownFields: 'report' }, { abortEarly: true, unknownFields: 'report' }];

/** Nested `depth` arrays deep. */
const nested = (depth) => {
  let v = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
};

/**
 * A call that must throw on both sides, or sit at a bound: bad options, an unknown schema, an
 * argument that throws or nests too deep, a patch that nests the document past the limit.
 * Returns [schema, current, ops, options] replacing the drawn ones.
 */
function hostile(g, name, doc, ops) {
  const boom = () => {
    throw new Error('boom');
  };
  switch (g(fc.integer, { min: 0, max: 9 })) {
    case 0:
      return [name, doc, ops, g(fc.constantFrom, 5, 'x', { abortEarly: 1 }, { unknownFields: 'all' }, () => 1, true)];
    case 1:
      return [g(fc.constantFrom, 'Nope', 'site', ''), doc, ops, undefined];
    case 2:
      return [name, Object.defineProperty({ a: 1 }, 'b', { get: boom, enumerable: true }), ops, undefined];
    case 3:
      return [name, doc, [{ op: 'add', path: '/a', value: 1 }, Object.defineProperty({ op: 'add', path: '/b' }, 'value', { get: boom, enumerable: true })], undefined];
    case 4:
      return [name, { a: nested(g(fc.constantFrom, 255, 256, 257)) }, ops, undefined];
    case 5:
      return [name, doc, [{ op: 'add', path: '/deep', value: nested(g(fc.constantFrom, 256, 257, 300)) }], undefined];
    case 6:
      // Each copy nests the document one level deeper (RFC 6902 allows copying the root).
      return [name, {}, Array.from({ length: g(fc.constantFrom, 254, 255, 256, 257) }, () => ({ op: 'copy', from: '', path: '/d' })), undefined];
    case 7:
      return [name, { a: nested(250) }, [{ op: 'add', path: g(fc.constantFrom, '/b', '/a/0/0/0/0/0/0', '/a/0/0/0/0/0/0/0'), value: [[[1]]] }], undefined];
    case 8:
      return [name, new Proxy({}, { ownKeys: boom }), ops, undefined];
    default:
      return [name, doc, { toJSON: boom }, undefined];
  }
}

test('validatePatch in JavaScript reports what the Rust engine reports, for every schema', () => {
  console.log(`patch differential seed ${SEED} (ELEVATE_PATCH_SEED to repeat)`);
  const started = Date.now();
  let compared = 0;
  let jsOnly = 0;
  const stages = { shape: 0, apply: 0, document: 0, threw: 0 };
  const failures = [];
  for (const name of schemaNames()) {
    const schema = glue.jsonSchema(name);
    const gen = new PayloadGenerator(schema);
    const details = fc.check(
      fc.property(fc.gen(), (g) => {
        const doc = current(g, name, schema, gen);
        const plain = asJson(doc);
        const n = g(fc.integer, { min: 0, max: 6 });
        const ops = [];
        for (let i = 0; i < n; i++) ops.push(operation(g, plain, gen, schema));
        const patch = g(fc.integer, { min: 0, max: 30 }) === 0 ? g(fc.constantFrom, ops[0], {}, 'ops', null) : ops;
        let call = [name, doc, patch, g(fc.constantFrom, ...OPTIONS)];
        if (g(fc.integer, { min: 0, max: 9 }) === 0) call = hostile(g, name, doc, patch);
        const options = call[3];
        const js = outcome(() => validatePatch(...call));
        if (js.threw === undefined) assert.equal(js.ok.valid, js.ok.errors.length === 0);
        else assert.ok(js.threw.startsWith('elevate-billing: '), js.threw);
        if (!faithful(call[1]) || !faithful(call[2])) {
          // What JSON cannot carry is the JavaScript side's alone (pinned in patch-query.test.mjs).
          jsOnly++;
          return;
        }
        const rust = outcome(() => enginePatch(...call));
        compared++;
        if (js.threw !== undefined) stages.threw++;
        else if (js.ok.document !== undefined) stages.document++;
        else if (js.ok.errors.some((e) => e.code === 'patchTarget' || e.code === 'patchTest')) stages.apply++;
        else stages.shape++;
        const show = (v) => { try { return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)); } catch { return String(v); } };
        assert.deepEqual(comparable(js, rust), rust, `${call[0]} options ${show(options)}\ncurrent ${show(call[1])}\nops ${show(call[2])}`);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS_PER_SCHEMA * SCALE), endOnFailure: true },
    );
    if (details.failed) {
      failures.push(`${details.errorInstance?.message ?? details.error}\n(fast-check seed ${details.seed}, path ${details.counterexamplePath})`);
    }
  }
  console.log(`compared ${compared} patches (and ${jsOnly} with values JSON cannot carry, JavaScript's alone) in ${Date.now() - started} ms: ${JSON.stringify(stages)}`);
  assert.equal(failures.length, 0, failures.join('\n\n'));
  assert.ok(compared >= 3000, `only ${compared} comparisons`);
  // Each stage is reached often enough to mean something.
  // (Throwing calls are mostly hostile arguments JSON cannot carry, compared less often.)
  for (const [stage, count] of Object.entries(stages)) assert.ok(count >= compared / (stage === 'threw' ? 100 : 50), `${stage}: ${count} of ${compared}`);
});
