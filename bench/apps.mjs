// Section 2: the bytes of a form app. One page (bench/apps/index.html + form.js: a Site form
// validated on submit, issues shown) built with Vite in production mode, once per validator
// (bench/apps/validators/*.js), the same way for each. elevate-billing comes from its packed
// tarball installed into target/bench (as a user gets it, with the environment matrix's own
// helpers); the peers from the repository's dev dependencies. Every emitted asset is measured
// raw, gzip -9 and brotli 11. Builds are reused while their inputs are byte-identical.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as eb from '../pkg/node.mjs';
import * as esbuild from 'esbuild';
import { ensurePackage, pack } from '../tests/env/lib/tools.mjs';
import { benchDir, kb, progress, root, sizes, workDir } from './lib.mjs';
import { ajvStandaloneFile, countries } from './peers.mjs';

/**
 * @typedef {{ key: string, label: string, validator: string, extras: string[], ours?: boolean }} App
 * @type {App[]}
 */
export const APPS = [
  { key: 'elevate-forms', label: 'elevate-billing/forms', validator: 'elevate-forms.js', extras: [], ours: true },
  { key: 'elevate-main', label: 'elevate-billing (main entry, form functions only)', validator: 'elevate-main.js', extras: [], ours: true },
  { key: 'ajv', label: 'ajv + ajv-formats, schema compiled at run time', validator: 'ajv.js', extras: ['site.schema.json'] },
  { key: 'ajv-standalone', label: 'ajv standalone (code generated ahead of time)', validator: 'ajv-standalone.js', extras: ['validate-site.cjs'] },
  { key: 'zod', label: 'zod 4', validator: 'zod.js', extras: ['countries.json', 'zod-schemas.mjs'] },
  { key: 'valibot', label: 'valibot', validator: 'valibot.js', extras: ['countries.json', 'valibot-schemas.mjs'] },
];

export const appsDir = join(workDir, 'apps');

/** The packed tarball installed into target/bench/node_modules (reinstalled when it changes). */
export async function installPackage() {
  mkdirSync(workDir, { recursive: true });
  const manifest = join(workDir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'elevate-billing-bench', private: true }, null, 2));
  const { tarball } = await pack(join(root, 'pkg'));
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  await ensurePackage({ dir: workDir, tarball, env });
  rmSync(join(tarball, '..'), { recursive: true, force: true });
}

/** @param {string} name @returns {string | Buffer} the content of an extra file of an app */
function extra(name) {
  switch (name) {
    case 'site.schema.json':
      return JSON.stringify(eb.jsonSchema('Site'));
    case 'validate-site.cjs':
      return readFileSync(ajvStandaloneFile('Site'));
    case 'countries.json':
      return JSON.stringify(countries());
    default:
      return readFileSync(join(benchDir, name));
  }
}

/** @param {string} dir @returns {string[]} every file under dir */
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Builds every app (or reuses an identical earlier build) and measures its assets.
 * @returns {Promise<{ markdown: string, apps: Record<string, { dir: string, total: ReturnType<typeof sizes>, engine: boolean }>, ms: number }>}
 */
export async function runApps() {
  const started = Date.now();
  await installPackage();
  const { build, version: viteVersion } = await import('vite');
  const tarballKey = readFileSync(join(workDir, 'installed.json'), 'utf8');
  /** @type {Record<string, any>} */
  const apps = {};
  for (const app of APPS) {
    const dir = join(appsDir, app.key);
    /** @type {[string, string | Buffer][]} */
    const files = [
      ['index.html', readFileSync(join(benchDir, 'apps', 'index.html'))],
      ['form.js', readFileSync(join(benchDir, 'apps', 'form.js'))],
      ['validator.js', readFileSync(join(benchDir, 'apps', 'validators', app.validator))],
      ...app.extras.map((e) => /** @type {[string, string | Buffer]} */ ([e, extra(e)])),
    ];
    const h = createHash('sha256').update(viteVersion).update(tarballKey);
    for (const [name, content] of files) h.update(name).update(content);
    const key = h.digest('hex');
    const stamp = join(dir, 'built.json');
    let cached = false;
    try {
      cached = JSON.parse(readFileSync(stamp, 'utf8')).key === key && existsSync(join(dir, 'dist', 'index.html'));
    } catch {
      cached = false; // Never built.
    }
    if (!cached) {
      progress(`vite build of the ${app.key} app`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [name, content] of files) writeFileSync(join(dir, name), content);
      await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false } });
      writeFileSync(stamp, JSON.stringify({ key }));
    }
    const assets = walk(join(dir, 'dist')).map((f) => {
      const bytes = readFileSync(f);
      const text = bytes.toString('latin1');
      return {
        file: relative(join(dir, 'dist'), f),
        kind: f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.html') ? 'html' : 'other',
        // The engine: its module embedded as base64 ("\0asm" begins "AGFzbQ") or emitted as
        // .wasm, or its JavaScript (the only code that names the engine's `__regexReason`).
        engine: f.endsWith('.wasm') || text.includes('AGFzbQ') || text.includes('__regexReason'),
        ...sizes(bytes),
      };
    });
    const sum = (/** @type {(a: any) => boolean} */ pick) =>
      assets.filter(pick).reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip, brotli: t.brotli + a.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    apps[app.key] = {
      dir: join(dir, 'dist'),
      assets,
      code: sum((a) => a.kind === 'js' || a.kind === 'wasm'),
      total: sum(() => true),
      engine: assets.some((a) => a.engine),
    };
  }

  const cells = (/** @type {{ raw: number, gzip: number, brotli: number }} */ s) => `${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)}`;
  const lines = [
    '| app (Vite production build) | JS + wasm raw | gzip -9 | brotli 11 | all assets gzip -9 | files | engine in the bundle |',
    '|---|---:|---:|---:|---:|---|---|',
    ...APPS.map((app) => {
      const a = apps[app.key];
      const list = a.assets.map((x) => `${x.file.replace(/^assets\//, '')} ${kb(x.gzip)}`).join(', ');
      return `| ${app.label} | ${cells(a.code)} | ${kb(a.total.gzip)} | ${list} | ${app.ours ? (a.engine ? '**yes**' : 'no') : '—'} |`;
    }),
    '',
    `KB = 1000 bytes. "JS + wasm" sums every emitted \`.js\` and \`.wasm\`; "all assets" adds the HTML page; each file's gzip -9 size follows its name. Vite ${viteVersion}, no config file, \`vite build\` defaults.`,
  ];
  lines.push('', formPathBreakdown(apps['elevate-forms']), '', packageFiles());
  return { markdown: lines.join('\n'), apps, ms: Date.now() - started };
}

/**
 * Where the form app's bytes go: what it imports (`validate` from `elevate-billing/forms`)
 * bundled again from the sources (src/js/forms.js, with the files the build generated from the
 * model) by esbuild, minified, with a metafile: each source file's share of the output.
 * @param {{ code: { gzip: number } }} app the measured form app
 */
function formPathBreakdown(app) {
  const r = esbuild.buildSync({
    stdin: { contents: "export { validate } from './src/js/forms.js';", resolveDir: root, sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'forms.min.js',
    logLevel: 'error',
  });
  const out = Object.values(r.metafile.outputs)[0];
  const total = sizes(r.outputFiles[0].contents);
  const parts = Object.entries(out.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return [
    "| the form app's `validate` from `elevate-billing/forms`, by source file (esbuild, minified) | KB | share |",
    '|---|---:|---:|',
    ...parts.filter((p) => p.bytes > 0).map((p) => `| \`${p.file}\` | ${kb(p.bytes)} | ${((100 * p.bytes) / total.raw).toFixed(0)}% |`),
    `| all (the whole bundle: gzip -9 ${kb(total.gzip)}, brotli ${kb(total.brotli)}; the Vite app's JS: gzip ${kb(app.code.gzip)}) | ${kb(total.raw)} | 100% |`,
  ].join('\n');
}

/** The package's own files a bundle may take from. */
function packageFiles() {
  const files = ['core.js', 'engine.js', 'wasm-bytes.js', 'elevate_billing_bg.wasm', 'node-core.cjs', 'node-engine.cjs'];
  const what = {
    'core.js': 'the form path (generated validators, messages, descriptions, runtime)',
    'engine.js': 'the engine: glue, client, bulk, patterns, exports',
    'wasm-bytes.js': 'the engine\'s module, base64',
    'elevate_billing_bg.wasm': 'the same module as a file (workerd)',
    'node-core.cjs': "Node: the form path, what import + `validate` reads (node.cjs requires it)",
    'node-engine.cjs': 'Node: the engine half without the glue, read on first use (by `import` of `elevate-billing`: at import)',
  };
  return [
    '| package file | what | raw | gzip -9 | brotli 11 |',
    '|---|---|---:|---:|---:|',
    ...files.map((f) => {
      const s = sizes(readFileSync(join(root, 'pkg', f)));
      return `| \`${f}\` | ${what[/** @type {keyof typeof what} */ (f)]} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`;
    }),
  ].join('\n');
}
