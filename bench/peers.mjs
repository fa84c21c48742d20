// Every validator the bench compares, on the same two schemas (Site, Customer):
// elevate-billing's `validate`, ajv (allErrors: the ratio base; first error; standalone code),
// zod 4, valibot and TypeBox's compiled Check. The ajv variants compile the package's own
// `jsonSchema(name)`, as a team adopting it would; the others are hand-written schemas beside
// this file. Each contender has `check(schema, value) → boolean` (what is timed) and
// `issues(schema, value) → number | null` (how many issues it reports, for the table's notes).

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import * as eb from '../pkg/node.mjs';
import { workDir } from './lib.mjs';
import { schemas as typeboxSchemas } from './typebox-schemas.mjs';
import { schemas as valibotSchemas } from './valibot-schemas.mjs';
import { schemas as zodSchemas } from './zod-schemas.mjs';
import * as v from 'valibot';

export const SCHEMAS = /** @type {const} */ (['Site', 'Customer']);

/**
 * ajv's options for the package's schemas. `unicode: false` makes minLength/maxLength count
 * UTF-16 code units, as the server does (decisions R5); ajv marks the option deprecated but
 * honours it, so only that warning is muted.
 * @param {{ allErrors: boolean, source?: boolean }} opts
 */
export function ajvOptions({ allErrors, source = false }) {
  const warn = (/** @type {unknown} */ msg) => String(msg).includes('option unicode') || console.warn(msg);
  return {
    allErrors,
    strict: false,
    unicode: false,
    logger: { log: console.log, warn, error: console.error },
    // Standalone code refers to ajv-formats' functions by require (CommonJS output).
    ...(source ? { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } : {}),
  };
}

/** ajv compiled from the package's `jsonSchema(name)`. @param {string} name @param {boolean} allErrors */
export function ajvCompile(name, allErrors) {
  const ajv = new Ajv2020(ajvOptions({ allErrors }));
  addFormats(ajv);
  return ajv.compile(eb.jsonSchema(name));
}

/**
 * ajv standalone: the validation code generated at build time (allErrors, like the ratio
 * base), as a CommonJS module requiring only ajv-formats' format functions and ajv's runtime.
 * Written to target/bench/standalone/<name>.cjs (the form app bundles the Site one).
 * @param {string} name
 */
export function ajvStandaloneFile(name) {
  const ajv = new Ajv2020(ajvOptions({ allErrors: true, source: true }));
  addFormats(ajv);
  const code = standaloneCode(ajv, ajv.compile(eb.jsonSchema(name)));
  const dir = join(workDir, 'standalone');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, code);
  return file;
}

/** The ISO 3166-1 codes of the exported schema (the hand-written schemas list them too). */
export function countries() {
  let found = null;
  JSON.stringify(eb.jsonSchema('Address'), (k, value) => {
    if (!found && value && typeof value === 'object' && value.properties?.country) {
      const p = value.properties.country;
      found = p.enum ?? p.allOf?.find((x) => x.enum)?.enum ?? p.anyOf?.find((x) => x.enum)?.enum;
    }
    return value;
  });
  if (!found) throw new Error('no enum for country in the exported schema');
  return found;
}

/**
 * @typedef {{ name: string, note: string, check: (schema: string, value: unknown) => boolean,
 *   issues: (schema: string, value: unknown) => number | null }} Contender
 * @returns {Contender[]} in table order; the second is the ratio base
 */
export function contenders() {
  const codes = countries();
  const byName = (make) => Object.fromEntries(SCHEMAS.map((s) => [s, make(s)]));
  const all = byName((s) => ajvCompile(s, true));
  const first = byName((s) => ajvCompile(s, false));
  const require = createRequire(import.meta.url);
  const standalone = byName((s) => require(ajvStandaloneFile(s)));
  const zod = zodSchemas(codes);
  const valibot = valibotSchemas(codes);
  const typebox = typeboxSchemas(codes);
  return [
    {
      name: 'elevate-billing',
      note: '`validate` from the package (Node: the `elevate-billing/forms` functions): every issue with path, code, params and message',
      check: (s, x) => eb.validate(s, x).valid,
      issues: (s, x) => eb.validate(s, x).errors.length,
    },
    {
      name: 'ajv allErrors',
      note: 'ajv 8 (JSON Schema 2020-12) + ajv-formats compiled from `jsonSchema(name)`, `allErrors: true`: every failing keyword, with ajv\'s default messages',
      check: (s, x) => all[s](x),
      issues: (s, x) => (all[s](x) ? 0 : all[s].errors.length),
    },
    {
      name: 'ajv first error',
      note: 'the same, `allErrors: false`: stops at the first failing keyword',
      check: (s, x) => first[s](x),
      issues: (s, x) => (first[s](x) ? 0 : first[s].errors.length),
    },
    {
      name: 'ajv standalone',
      note: 'the allErrors validator as code generated ahead of time (`ajv/dist/standalone`), loaded as a module',
      check: (s, x) => standalone[s](x),
      issues: (s, x) => (standalone[s](x) ? 0 : standalone[s].errors.length),
    },
    {
      name: 'zod 4',
      note: '`safeParse` of the schemas in bench/zod-schemas.mjs: every issue',
      check: (s, x) => zod[s].safeParse(x).success,
      issues: (s, x) => zod[s].safeParse(x).error?.issues.length ?? 0,
    },
    {
      name: 'valibot',
      note: '`safeParse` of bench/valibot-schemas.mjs: every issue',
      check: (s, x) => v.safeParse(valibot[s], x).success,
      issues: (s, x) => v.safeParse(valibot[s], x).issues?.length ?? 0,
    },
    {
      name: 'TypeBox Check',
      note: "TypeBox's TypeCompiler `Check` of bench/typebox-schemas.mjs: true or false, stops at the first failure (its issue count above is what `Errors` lists, which is not timed)",
      check: (s, x) => typebox[s].Check(x),
      issues: (s, x) => [...typebox[s].Errors(x)].length,
    },
  ];
}
