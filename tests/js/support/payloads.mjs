// Payloads for the differential test, derived from an exported JSON Schema itself: valid
// values (the schema's types, bounds, enums, formats and patterns, then its cross-field rules
// repaired in), and defects injected at random places (wrong types, lengths at and around the
// bounds, characters in and out of pattern classes, enum near-misses, numbers at range edges,
// bad dates, missing required fields, rules triggered). Every draw goes through fast-check's
// `g` (fc.gen()), so a run is reproducible from its seed and shrinks on failure.
//
// The generator reads only what the exporter writes (the subset of 2020-12 in
// src/export/json_schema.rs); it is a test tool, not a general JSON Schema sampler.

import fc from 'fast-check';

/** Marker the exporter puts in the description of regex-valued fields (TextFormat::Regex). */
const REGEX_FIELD = "regular expression in the server's (Java) dialect";

/**
 * Valid regexes in the server's dialect that ECMAScript also reads alike. Regex-valued fields
 * are only strings in the exported schema (JSON Schema cannot say "compiles as Java"), so the
 * generator never puts an invalid regex there: that difference is intentional, not tested.
 */
const JAVA_REGEXES = ['[0-9]{3,11}', '[a-zA-Z0-9\\-]{3,100}', '.*', '\\d+', '[A-Z]{2}[0-9]{4}', '(?:0|44)[0-9]{9,10}', 'x'];

/** Characters tried in and out of pattern classes: Java-vs-JS classics and Unicode corners. */
const CHARS = [
  ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2028', '\u0085', '\u0000', '\u007F', '+', '-', '_', '.', ',',
  '<', '>', '"', '[', ']', '{', '}', '~', '$', '^', '/', ':', ';', '?', '!', '@', '&', '#', '=', "'", '`', '’', '‘',
  '£', '€', '—', '–', '(', ')', '\\', '|', '*', '%', 'é', 'É', 'ß', '\u212A', 'ſ', '\u0663', '\u0301', 'Ω', '中',
  '😀', '𝐀', 'A', 'z', '0', '9',
];

/** Whitespace where Java's `\s` (ASCII), JavaScript's `\s` (Unicode) and `.` disagree. */
const SPACES = [' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u001F', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2007',
  '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF'];

/** Letters and digits outside ASCII, where `\w`, `\d` and `\p{L}` part ways. */
const WORDISH = ['\u0663', '\u0966', '\uFF11', '\u00B2', '\u00BD', 'é', 'ß', 'ſ', '\u212A', '\u0301', '\u00AA', '\u02B0', '\u01C5',
  'Ⅻ', '\u3007', '_', '\u203F'];

const DATES = ['2023-02-29', '2024-02-29', '2100-02-29', '2000-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10',
  '2024-01-00', '2024-1-01', '24-01-01', '2024/01/01', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01 ', '２０２４-01-01',
  '0000-01-01', '9999-12-31', '10000-01-01', ''];

const DATE_TIMES = ['2024-01-01T00:00:00Z', '2024-01-01t00:00:00Z', '2024-01-01T00:00:00z', '2024-01-01 00:00:00Z',
  '2024-12-31T23:59:60Z', '2024-06-30T23:59:60+00:00', '2024-01-01T24:00:00Z', '2024-01-01T23:60:00Z', '2024-01-01T00:00:00',
  '2024-01-01T00:00:00+18:00', '2024-01-01T00:00:00-18:00', '2024-01-01T00:00:00+18:01', '2024-01-01T00:00:00+1800',
  '2024-01-01T00:00:00+18', '2024-01-01T00:00:00+23:59', '2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.1234567890Z',
  '2024-01-01T00:00:00.Z', '2023-02-29T00:00:00Z', '2024-02-29T12:00:00-05:30', '2024-01-01T00:00:00Z\n', ''];

const POINTERS = ['', '/', '/a', '/a~0b/~1', 'a', '/a~', '/a~2', '#/a', '~0', '/sites/0/siteName', '/é/😀'];

const INTEGER_EDGES = [0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1),
  -(2 ** 53), 1e21, 1.5, -0.5, 1e-7];

const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** fast-check's regex tokenizer reads at most five hex digits in `\u{…}`; write those code
 * points as themselves (same meaning under the `u` flag). Only for generation. */
const forFastCheck = (pattern) =>
  pattern.replace(/\\u\{([0-9A-Fa-f]{6})\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));

export class PayloadGenerator {
  /** @param {any} doc an exported JSON Schema document */
  constructor(doc) {
    this.doc = doc;
    this.cache = new Map();
    this.enums = [];
    JSON.stringify(doc, (k, v) => {
      if (k === 'enum' && Array.isArray(v)) this.enums.push(...v.filter((x) => typeof x === 'string').slice(0, 40));
      return v;
    });
  }

  /** The schema with `$ref` merged in (the exporter puts only annotations beside a `$ref`). */
  view(schema) {
    if (!schema || schema.$ref === undefined) return schema ?? {};
    const target = this.view(this.doc.$defs[schema.$ref.replace('#/$defs/', '')]);
    const { $ref, ...rest } = schema;
    return { ...target, ...rest };
  }

  /** The non-null schema of an optional property (`anyOf: [S, {type: null}]`), keeping the
   * property's description (it marks regex-valued fields). */
  base(schema) {
    const s = this.view(schema);
    if (!s.anyOf) return s;
    return { ...this.view(s.anyOf.find((b) => b.type !== 'null') ?? {}), description: s.description };
  }

  // ---- valid values ------------------------------------------------------------------------

  valid(g, schema, depth = 0) {
    const s = this.view(schema);
    if (s.anyOf) {
      const nonNull = s.anyOf.filter((b) => b.type !== 'null');
      if (nonNull.length < s.anyOf.length && g(fc.integer, { min: 0, max: 9 }) === 0) return null;
      return this.valid(g, { ...nonNull[g(fc.integer, { min: 0, max: nonNull.length - 1 })], description: s.description }, depth);
    }
    if (s.const !== undefined) return clone(s.const);
    if (s.enum) return clone(s.enum[g(fc.integer, { min: 0, max: s.enum.length - 1 })]);
    switch (s.type) {
      case 'string':
        return this.validString(g, s);
      case 'integer':
        return this.integer(g, s);
      case 'number':
        return g(fc.double, { min: s.minimum ?? -1e12, max: s.maximum ?? 1e12, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return g(fc.boolean);
      case 'array':
        return this.validArray(g, s, depth);
      case 'object':
        return this.validObject(g, s, depth);
      default:
        // Any JSON value (JSON Patch `value`).
        return g(fc.jsonValue, { maxDepth: 2 });
    }
  }

  integer(g, s) {
    const min = s.minimum ?? -(2 ** 53 - 1);
    const max = s.maximum ?? 2 ** 53 - 1;
    const edges = [min, max, min + 1, max - 1, 0, 1].filter((n) => n >= min && n <= max);
    if (g(fc.boolean)) return edges[g(fc.integer, { min: 0, max: edges.length - 1 })];
    const lo = Math.max(min, -(2 ** 31));
    const hi = Math.min(max, 2 ** 31 - 1);
    return lo <= hi ? g(fc.integer, { min: lo, max: hi }) : min;
  }

  validString(g, s) {
    if ((s.description ?? '').includes(REGEX_FIELD)) return this.pick(g, JAVA_REGEXES);
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? 60;
    if (s.format === 'date') return this.date(g);
    if (s.format === 'date-time') return this.dateTime(g);
    if (s.format === 'json-pointer') return this.pick(g, POINTERS.filter((p) => p === '' || /^(\/([^~/]|~[01])*)*$/.test(p)));
    if (s.pattern) {
      // Draw until the lengths fit too (patterns and lengths both apply, decisions R6).
      let last = '';
      for (let i = 0; i < 8; i++) {
        last = g(() => this.matching(s.pattern)).toWellFormed();
        if (last.length >= min && last.length <= max) return last;
      }
      return last;
    }
    const text = g(fc.string, { unit: g(fc.boolean) ? 'grapheme' : 'binary', minLength: min, maxLength: Math.min(max, min + 20) });
    // Units are code points or graphemes, lengths UTF-16 units: cut at a code point boundary.
    let out = '';
    for (const c of text.toWellFormed()) if (out.length + c.length <= max) out += c;
    return out;
  }

  matching(pattern) {
    let arb = this.cache.get(pattern);
    if (!arb) {
      arb = fc.stringMatching(new RegExp(forFastCheck(pattern), 'u'), { size: 'small' });
      this.cache.set(pattern, arb);
    }
    return arb;
  }

  date(g) {
    const y = g(fc.integer, { min: 0, max: 9999 });
    const m = g(fc.integer, { min: 1, max: 12 });
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    const d = g(fc.integer, { min: days - 2, max: days }) - (g(fc.boolean) ? g(fc.integer, { min: 0, max: 25 }) : 0);
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  dateTime(g) {
    const two = (max) => String(g(fc.integer, { min: 0, max })).padStart(2, '0');
    const fraction = g(fc.boolean) ? '' : `.${'123456789'.slice(0, g(fc.integer, { min: 1, max: 9 }))}`;
    const zone = g(fc.boolean) ? 'Z' : `${g(fc.boolean) ? '+' : '-'}${g(fc.boolean) ? '18:00' : `${two(17)}:${two(59)}`}`;
    return `${this.date(g)}T${two(23)}:${two(59)}:${two(59)}${fraction}${zone}`;
  }

  validArray(g, s, depth) {
    const min = s.minItems ?? 0;
    const max = Math.min(s.maxItems ?? Infinity, min + (depth > 2 ? 0 : 2));
    const n = g(fc.integer, { min, max: Math.max(min, max) });
    const items = Array.from({ length: n }, () => this.valid(g, s.items, depth + 1));
    if (s.contains && s.maxContains !== undefined) {
      // At most maxContains items may match (the rule's flag set): clear the others.
      let kept = 0;
      for (const item of items) {
        if (this.holds(s.contains, item) && kept++ >= s.maxContains) {
          for (const name of s.contains.required ?? []) delete item[name];
        }
      }
    }
    return items;
  }

  validObject(g, s, depth) {
    const obj = {};
    const required = new Set(s.required ?? []);
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (required.has(name) || (depth < 4 && g(fc.boolean))) obj[name] = this.valid(g, prop, depth + 1);
    }
    return this.repair(g, s, obj, depth);
  }

  /** Makes the object-level rules of `s` hold on `obj`. */
  repair(g, s, obj, depth) {
    // Rules can chain (RENTAL needs a rate type, ADVANCE then needs periods): a few passes.
    for (let pass = 0; pass < 4; pass++) {
      for (const rule of s.allOf ?? []) {
        if (rule.if && this.holds(rule.if, obj)) this.ensure(g, s, rule.then, obj, depth);
        if (rule.anyOf && !rule.anyOf.some((b) => this.holds(b, obj))) this.ensure(g, s, this.pick(g, rule.anyOf), obj, depth);
      }
    }
    return obj;
  }

  /** Does `v` satisfy a rule fragment (`type`, `required`, `properties` with const/enum/not-null)? */
  holds(cond, v) {
    if (cond.type === 'object' && !isObject(v)) return false;
    if (!isObject(v)) return false;
    if ((cond.required ?? []).some((n) => v[n] === undefined)) return false;
    return Object.entries(cond.properties ?? {}).every(([n, p]) => {
      if (v[n] === undefined || p === true) return true;
      if (p.const !== undefined) return JSON.stringify(v[n]) === JSON.stringify(p.const);
      if (p.enum) return p.enum.includes(v[n]);
      if (p.not) return v[n] !== null;
      return true;
    });
  }

  /** Makes a rule fragment hold on `obj`, drawing missing members from the object's schema. */
  ensure(g, s, cond, obj, depth) {
    for (const name of cond.required ?? []) {
      const p = cond.properties?.[name];
      if (p && p !== true && p.const !== undefined) obj[name] = clone(p.const);
      else if (p && p !== true && p.enum) obj[name] = this.pick(g, p.enum);
      else if (obj[name] === undefined || obj[name] === null) obj[name] = this.valid(g, this.base(s.properties[name]), depth + 1);
    }
  }

  pick(g, list) {
    return list[g(fc.integer, { min: 0, max: list.length - 1 })];
  }

  // ---- defects -------------------------------------------------------------------------------

  /** `root` with `count` random defects (each at a random place, re-chosen after each). */
  mutate(g, rootSchema, root, count) {
    const box = { v: clone(root) };
    for (let i = 0; i < count; i++) {
      const sites = new Map();
      this.sites(rootSchema, box, 'v', '$', sites);
      // A field first, then one of its values: a field gets the same attention however many
      // items an array repeats it in; fields with patterns, enums, formats or bounds more.
      const fields = [...sites.values()];
      const weights = fields.map((f) => this.weight(this.base(f[0].schema)));
      let at = g(fc.integer, { min: 0, max: weights.reduce((a, b) => a + b) - 1 });
      const field = fields.find((_, i) => (at -= weights[i]) < 0) ?? fields[0];
      this.defect(g, this.pick(g, field));
    }
    return box.v;
  }

  /** How much attention a field's defects deserve: the more a schema says, the more can go wrong. */
  weight(s) {
    if (s.pattern || s.contains) return 4;
    if (s.enum) return 3;
    if (s.format || s.maxItems !== undefined || s.minimum !== undefined || s.minLength) return 2;
    return 1;
  }

  /** Every place a defect can go (each value with its schema), grouped by field. */
  sites(schema, holder, key, where, out) {
    const v = holder[key];
    if (!out.has(where)) out.set(where, []);
    out.get(where).push({ schema, holder, key });
    const s = this.base(schema);
    if (Array.isArray(v) && s.items) v.forEach((_, i) => this.sites(s.items, v, i, `${where}[]`, out));
    if (isObject(v) && s.properties) {
      for (const name of Object.keys(s.properties)) {
        if (v[name] !== undefined) this.sites(s.properties[name], v, name, `${where}.${name}`, out);
      }
    }
  }

  defect(g, { schema, holder, key }) {
    const v = holder[key];
    const s = this.base(schema);
    const kinds = ['type', 'specific', 'specific', 'specific', 'specific'];
    if (!Array.isArray(holder) && key !== 'v') kinds.push('delete', 'null');
    const kind = this.pick(g, kinds);
    if (kind === 'delete') return void delete holder[key];
    if (kind === 'null') return void (holder[key] = null);
    if (kind === 'type') {
      const others = [0, 7, 1.5, 'x', '', true, null, [], {}, [1], { a: 1 }].filter((o) => jsonType(o) !== jsonType(v));
      return void (holder[key] = clone(this.pick(g, others)));
    }
    holder[key] = this.specific(g, s, v);
  }

  /** A defect that fits the schema: near its bounds, enum, format, pattern or rules. */
  specific(g, s, v) {
    if (s.enum && typeof v === 'string') {
      // Near-misses, and neighbours of the same shape (GB → GC, UK: decisions R7).
      const last = v.codePointAt(v.length - 1) ?? 65;
      const neighbour = `${v.slice(0, -1)}${String.fromCodePoint(last + this.pick(g, [-1, 1]))}`;
      const near = [v.toLowerCase(), `${v} `, ` ${v}`, v.slice(0, -1), `${v}X`, '', this.pick(g, this.enums), neighbour,
        neighbour, this.pick(g, ['UK', 'EU', 'XK', 'XX', 'AA', 'ZZ'])];
      return this.pick(g, near);
    }
    if (s.enum || s.const !== undefined) return this.pick(g, [...INTEGER_EDGES, 'x', true]);
    if (typeof v === 'string') return this.stringDefect(g, s, v);
    if (typeof v === 'number' && s.type === 'integer') {
      const edges = [s.minimum - 1, s.minimum, s.maximum, s.maximum + 1, s.minimum + 0.5, ...INTEGER_EDGES].filter(Number.isFinite);
      return this.pick(g, edges);
    }
    if (typeof v === 'number') {
      const { minimum: lo = -1e9, maximum: hi = 1e9 } = s;
      return this.pick(g, [lo, hi, lo - 1e-6, hi + 1e-6, lo - 1, hi + 1, 1e308, -1e308, 5e-324, 0.1 + 0.2]);
    }
    if (Array.isArray(v)) return this.arrayDefect(g, s, v);
    if (isObject(v)) return this.objectDefect(g, s, v);
    return v;
  }

  stringDefect(g, s, v) {
    if (s.format === 'date') return this.pick(g, DATES);
    if (s.format === 'date-time') return this.pick(g, [...DATE_TIMES, v.replace('T', 't'), v.replace(/Z$/, 'z'), `${v.slice(0, 19)}.${'1'.repeat(10)}Z`]);
    if (s.format === 'json-pointer') return this.pick(g, POINTERS);
    // Around the length bound, and always a valid regex (see JAVA_REGEXES).
    if ((s.description ?? '').includes(REGEX_FIELD)) return 'x'.repeat((s.maxLength ?? 60) + g(fc.integer, { min: -1, max: 1 }));
    const cps = [...v];
    const ch = this.pick(g, [
      () => this.pick(g, CHARS),
      () => this.pick(g, SPACES),
      () => this.pick(g, WORDISH),
      () => this.pick(g, this.edges(s.pattern).ascii),
      () => this.pick(g, this.edges(s.pattern).other),
      () => g(fc.string, { unit: 'binary', minLength: 1, maxLength: 1 }),
    ])();
    const at = g(fc.integer, { min: 0, max: cps.length });
    const { minLength: min = 0, maxLength: max = 100 } = s;
    const insert = () => [...cps.slice(0, at), ch, ...cps.slice(at)].join('');
    const replace = () => [...cps.slice(0, at), ch, ...cps.slice(at + 1)].join('');
    // An ASCII character at the edge of one of the pattern's ranges (`+` next to `,-_`).
    const edge = () => [...cps.slice(0, at), this.pick(g, this.edges(s.pattern).ascii), ...cps.slice(at + 1)].join('');
    const options = [
      insert,
      insert,
      insert,
      replace,
      replace,
      edge,
      edge,
      () => this.ofLength(cps, Math.max(0, min - 1)),
      () => this.ofLength(cps, min),
      () => this.ofLength(cps, max),
      () => this.ofLength(cps, max + 1),
      () => this.ofLength(['𝐀'], Math.floor(max / 2) + g(fc.integer, { min: -1, max: 1 })), // astral: 2 UTF-16 units each
      () => `+${v}`,
      () => `${v}\n`,
      () => v.toLowerCase(),
      () => '',
    ];
    return this.pick(g, options)();
  }

  /** The characters on either side of each range edge of a pattern's classes, where a
   * printing slip would show: ASCII ones apart, so the few do not drown in `\p{L}`'s many. */
  edges(pattern) {
    const key = `edges:${pattern}`;
    if (!this.cache.has(key)) {
      const out = new Set();
      for (const [, hex] of (pattern ?? '').matchAll(/\\u\{([0-9A-Fa-f]+)\}/g)) {
        const cp = parseInt(hex, 16);
        for (const c of [cp - 1, cp, cp + 1]) if (c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff)) out.add(String.fromCodePoint(c));
      }
      const all = [...out];
      const ascii = all.filter((c) => c.codePointAt(0) < 0x80);
      const other = all.filter((c) => c.codePointAt(0) >= 0x80);
      this.cache.set(key, { ascii: ascii.length ? ascii : ['a', '~'], other: other.length ? other : ['é', '😀'] });
    }
    return this.cache.get(key);
  }

  /** About `n` UTF-16 units, repeating `cps` (whole code points only: never a lone surrogate). */
  ofLength(cps, n) {
    const source = cps.length ? cps : ['a'];
    let out = '';
    for (let i = 0; out.length < n; i++) {
      const c = source[i % source.length];
      out += out.length + c.length <= n ? c : 'a';
    }
    return out;
  }

  arrayDefect(g, s, v) {
    const options = [() => [], () => [...v, ...v], () => [...v, 'x'], () => [...v, null]];
    if (s.maxItems !== undefined && v.length) {
      const fill = (n) => () => Array.from({ length: n }, (_, i) => clone(v[i % v.length]));
      options.push(fill(s.maxItems), fill(s.maxItems + 1));
    }
    if (s.minItems) options.push(() => v.slice(0, s.minItems - 1));
    if (s.contains && v.length) {
      // Two items with the rule's flag (AtMostOneFlag triggered), each otherwise valid.
      const trigger = () => {
        const out = v.length > 1 ? clone(v) : [clone(v[0]), clone(v[0])];
        const items = this.view(s.items);
        for (const item of out.slice(0, 2)) if (isObject(item)) this.repair(g, items, Object.assign(item, this.satisfying(s.contains)), 9);
        return out;
      };
      options.push(trigger, trigger);
    }
    return this.pick(g, options)();
  }

  /** Members that make a `required` + `const` fragment hold. */
  satisfying(cond) {
    const out = {};
    for (const name of cond.required ?? []) out[name] = clone(cond.properties?.[name]?.const ?? true);
    return out;
  }

  objectDefect(g, s, v) {
    const out = clone(v);
    const options = [() => (out['x-unknown'] = this.pick(g, [1, 'x', null, {}]))];
    for (const name of s.required ?? []) options.push(() => delete out[name], () => (out[name] = null));
    for (const rule of s.allOf ?? []) {
      // Make the condition hold and leave what it asks for to chance, or drop every alternative.
      if (rule.if) options.push(() => this.ensure(g, s, rule.if, out, 9), () => {
        this.ensure(g, s, rule.if, out, 9);
        for (const name of rule.then.required ?? []) if (g(fc.boolean)) delete out[name];
      });
      if (rule.anyOf) options.push(() => rule.anyOf.forEach((b) => (b.required ?? []).forEach((n) => delete out[n])));
    }
    this.pick(g, options)();
    return out;
  }
}
