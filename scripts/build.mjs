#!/usr/bin/env node
// Builds the npm package into pkg/ (see README "Package layout"):
//   1. the crate for wasm32 (release profile) and its wasm-bindgen glue (web target);
//   2. what the Rust model generates: the typings (types.d.ts, resources.d.ts) and the JavaScript
//      validators (src/js/core/gen/, beside their hand-written runtime);
//   3. the engine's WebAssembly, embedded in JavaScript (wasm-bytes.js, base64) so that no
//      bundler has to copy an asset, and as a file for Cloudflare workerd (wasm-module.js);
//   4. the ES modules, bundled by esbuild from src/js: core.js (the form path, no WebAssembly),
//      engine.js (everything that runs in the engine), index.js and forms.js (the entries);
//      for Node, node.cjs (require; node.mjs and node-forms.mjs are its `import`, the same
//      instance) over CommonJS parts: the form path on import, the rest on first use;
//   5. typings for each entry (hand-written: index, forms, validation, client; generated: types,
//      resources), package.json, README and LICENSE from pkg-template/.
// Usage: node scripts/build.mjs [--debug]   (--debug skips the release optimisations)

import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const tmp = join(root, 'target', 'pkg-build');
const src = join(root, 'src', 'js');
const template = join(root, 'pkg-template');
const debug = process.argv.includes('--debug');
const NAME = 'elevate_billing';
const WASM = `${NAME}_bg.wasm`;
const banner = { js: '// elevate-billing: built by scripts/build.mjs from src/js and the Rust model.' };

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', ...opts });
}
const codegen = (...args) => run('cargo', ['run', '--locked', '--quiet', '--bin', 'elevate-codegen', '--', ...args], { capture: true });

// 1. The crate and its glue.
const profile = debug ? 'debug' : 'release';
run('cargo', ['build', '--locked', '--lib', '--target', 'wasm32-unknown-unknown', ...(debug ? [] : ['--release'])]);
rmSync(pkg, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
mkdirSync(tmp, { recursive: true });
// ELEVATE_WASM_NAMES=1 keeps function names in the module, for CPU profiles (bench/README.md §2).
const names = process.env.ELEVATE_WASM_NAMES === '1';
const strip = names ? [] : ['--remove-name-section', '--remove-producers-section'];
const wasmIn = join(root, 'target', 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
run('wasm-bindgen', ['--target', 'web', '--out-dir', join(tmp, 'web'), '--out-name', NAME, ...strip, wasmIn]);
copyFileSync(join(tmp, 'web', WASM), join(pkg, WASM));
if (!debug && existsSync(join(root, 'node_modules', '.bin', 'wasm-opt'))) {
  // npm `binaryen`, never Debian's (toolchain.md). Flags chosen in bench/README.md.
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [...(names ? ['-g'] : []), '-O3', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', join(pkg, WASM), '-o', join(pkg, WASM)]);
}
const wasmBytes = readFileSync(join(pkg, WASM));

// 2. Generated from the model.
writeFileSync(join(pkg, 'types.d.ts'), codegen('dts'));
writeFileSync(join(pkg, 'resources.d.ts'), codegen('dts-client'));
codegen('js', join(src, 'core', 'gen'));

// The glue, as a function that evaluates it: it creates TextDecoders and reads
// `import.meta.url` at module scope, which must not happen on import (jsdom has no
// TextDecoder; the engine may never be used). Wrapped, not edited.
const glueCjs = await esbuild.build({
  entryPoints: [join(tmp, 'web', `${NAME}.js`)],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2020',
  define: { 'import.meta.url': 'undefined' },
  logLevel: 'error',
});
writeFileSync(
  join(tmp, 'glue.js'),
  `// The wasm-bindgen glue of the engine, evaluated when the engine starts (src/js/engine/load.js),
// with the platform's TextEncoder/TextDecoder or, where there are none (jsdom), ours.
import { Utf8Decoder, Utf8Encoder } from ${JSON.stringify(join(src, 'engine', 'utf8.js'))};
export function createGlue() {
  const module = { exports: {} };
  const g = globalThis;
  (function (module, exports, TextEncoder, TextDecoder) {
${glueCjs.outputFiles[0].text}
  })(module, module.exports, g.TextEncoder ?? Utf8Encoder, g.TextDecoder ?? Utf8Decoder);
  return module.exports;
}
`,
);

// 3. The WebAssembly, embedded.
writeFileSync(
  join(tmp, 'wasm-bytes.js'),
  `// The engine's WebAssembly module (${wasmBytes.length} bytes), embedded so that every bundler and
// runtime gets it with the JavaScript. Decoded on first use.
const BASE64 = '${wasmBytes.toString('base64')}';
export const wasm = {
  bytes() {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(BASE64);
    // Node's Buffer, read from globalThis so no bundler polyfills it for browsers.
    const NodeBuffer = globalThis['Buffer'];
    if (typeof NodeBuffer === 'function') return new Uint8Array(NodeBuffer.from(BASE64, 'base64'));
    const text = atob(BASE64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  },
};
`,
);
copyFileSync(join(tmp, 'wasm-bytes.js'), join(pkg, 'wasm-bytes.js'));
// Node (node.cjs) requires the module's 1.5 MB of base64 only when the engine starts, so that
// importing the package for its form functions reads none of it.
await esbuild.build({ entryPoints: [join(tmp, 'wasm-bytes.js')], outfile: join(pkg, 'wasm-bytes.cjs'), format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
writeFileSync(
  join(tmp, 'wasm-lazy.cjs.js'),
  `// node.cjs's \`#wasm\`: the embedded module, required on first use.
export const wasm = { bytes: () => require('./wasm-bytes.cjs').wasm.bytes() };
`,
);
copyFileSync(join(template, 'wasm-module.js'), join(pkg, 'wasm-module.js'));

// 4. The modules. In the ES build each of core.js, engine.js, index.js and forms.js is its own
// file, so bundlers share one core between the entries and drop the engine when unused.
// `#wasm` is the embedded module (wasm-bytes.js), or on workerd the `.wasm` imported as a module
// (wasm-module.js): relative imports only, so a browser can load the files unbundled.
// `#parallel` is validateNdjsonParallel: worker threads in the Node build, a stub elsewhere.
const layout = (external, { engine = './engine.js', wasm = './wasm-bytes.js', parallel = 'browser' } = {}) => ({
  name: 'layout',
  setup(b) {
    const own = (path) => (args) => (external && args.kind !== 'entry-point' ? { path, external: true } : undefined);
    b.onResolve({ filter: /\/core\/index\.js$/ }, own('./core.js'));
    b.onResolve({ filter: /\/engine\/index\.js$/ }, own(engine));
    b.onResolve({ filter: /^\.\/glue\.js$/ }, () => ({ path: join(tmp, 'glue.js') }));
    b.onResolve({ filter: /^#wasm$/ }, () => (external ? { path: wasm, external: true } : { path: join(tmp, 'wasm-lazy.cjs.js') }));
    b.onResolve({ filter: /^#parallel$/ }, () => ({ path: join(src, 'parallel', `${parallel}.js`) }));
  },
});
const esm = { bundle: true, format: 'esm', platform: 'neutral', target: 'es2020', banner, logLevel: 'warning' };
await esbuild.build({ ...esm, entryPoints: [join(src, 'core', 'index.js')], outfile: join(pkg, 'core.js') });
await esbuild.build({ ...esm, entryPoints: [join(src, 'engine', 'index.js')], outfile: join(pkg, 'engine.js'), plugins: [layout(true)] });
/** @type {Record<string, string[]>} the names each ES entry exports, for Node's `import` twins */
const entryExports = {};
for (const entry of ['index', 'forms']) {
  const options = { ...esm, entryPoints: [join(src, `${entry}.js`)], outfile: join(pkg, `${entry}.js`) };
  await esbuild.build({ ...options, plugins: [layout(true)] });
  // Bundled whole (not written), so `export *` of the other files is resolved into names.
  const whole = await esbuild.build({ ...options, plugins: [layout(false)], external: ['./wasm-bytes.cjs'], write: false, metafile: true });
  entryExports[entry] = Object.values(whole.metafile.outputs)[0].exports;
}
// Cloudflare workerd (the `workerd` export condition): the same modules, the module imported.
const workerd = { engine: './engine.workerd.js', wasm: './wasm-module.js' };
await esbuild.build({ ...esm, entryPoints: [join(src, 'engine', 'index.js')], outfile: join(pkg, 'engine.workerd.js'), plugins: [layout(true, workerd)] });
await esbuild.build({ ...esm, entryPoints: [join(src, 'index.js')], outfile: join(pkg, 'index.workerd.js'), plugins: [layout(true, workerd)] });
await buildNode();
{
  // node.cjs's two export lists, from the same record: what forms.js exports comes from the
  // form path, the rest of index.js's from the engine half.
  const forms = entryExports.forms;
  const engineNames = entryExports.index.filter((n) => !forms.includes(n));
  let text = readFileSync(join(template, 'node.cjs'), 'utf8');
  for (const [marker, names] of [
    ['/* NAMES of forms.js */ []', forms],
    ['/* NAMES of index.js, not of forms.js */ []', engineNames],
  ]) {
    if (!text.includes(marker)) throw new Error(`pkg-template/node.cjs: no ${marker}`);
    text = text.replace(marker, JSON.stringify(names));
  }
  writeFileSync(join(pkg, 'node.cjs'), text);
}
// Node's `import` of each entry exports what the ES entry exports, read from node.cjs: the
// names come from esbuild's record of the entry, so the lists cannot drift apart.
for (const [file, entry] of [['node.mjs', 'index'], ['node-forms.mjs', 'forms']]) {
  const marker = `{ /* EXPORTS of ${entry}.js */ }`;
  const text = readFileSync(join(template, file), 'utf8');
  if (!text.includes(marker)) throw new Error(`pkg-template/${file}: no ${marker}`);
  writeFileSync(join(pkg, file), text.replace(marker, `{\n  ${entryExports[entry].join(',\n  ')},\n}`));
}
// The worker threads of validateNdjsonParallel load this beside node.cjs: the glue alone.
await esbuild.build({
  ...esm,
  entryPoints: [join(src, 'parallel', 'worker.js')],
  outfile: join(pkg, 'ndjson-worker.cjs'),
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [layout(false)],
});

/**
 * Node's CommonJS parts (node.cjs, from pkg-template, requires them). node-core.cjs is what
 * `validate` needs and loads on import; every other part is required on first use: the engine
 * half (node-engine.cjs, from node.cjs) and, through stubs that forward each export, the
 * modules marked `lazy` (describeField, validatePatch, validateQuery, the whole-argument
 * reader, the wasm-bindgen glue, the worker threads of validateNdjsonParallel). A module that
 * an earlier part holds is taken from it (its `__modules`), never bundled twice, so each module
 * has one instance: the pattern slots, the engine. Import + first `validate` thus reads and
 * compiles the form path only (bench/README.md section 5).
 */
async function buildNode() {
  const parts = [
    { file: 'node-core.cjs', entry: join(src, 'core', 'index.js') },
    // Reading arguments whole (formatMessage's params, validatePatch, the client's bodies).
    { file: 'node-snapshot.cjs', entry: join(src, 'core', 'snapshot.js'), lazy: true },
    { file: 'node-describe.cjs', entry: join(src, 'core', 'describe.js'), lazy: true },
    { file: 'node-patch.cjs', entry: join(src, 'core', 'patch.js'), lazy: true },
    // The endpoint tables, for validateQuery and the client, in neither's file.
    { file: 'node-endpoints.cjs', entry: join(src, 'core', 'gen', 'endpoints.js') },
    { file: 'node-query.cjs', entry: join(src, 'core', 'query.js'), lazy: true },
    { file: 'node-engine.cjs', entry: join(src, 'engine', 'index.js') },
    { file: 'node-glue.cjs', entry: join(tmp, 'glue.js'), lazy: true },
    { file: 'node-parallel.cjs', entry: join(src, 'parallel', 'node.js'), lazy: true },
  ];
  const key = (/** @type {string} */ path) => relative(root, path).split(sep).join('/');
  /** @type {Map<string, string>} module path → the part that holds it */
  const owner = new Map();
  /** @type {Map<string, string[]>} module → the names it exports */
  const exportsOf = new Map();
  const exportNames = async (/** @type {string} */ path) => {
    if (!exportsOf.has(path)) {
      const text = readFileSync(path, 'utf8');
      if (/^export \*/m.test(text)) throw new Error(`${key(path)}: export * hides the names a part needs`);
      // Later parts read node-core.cjs's exports once (node-shared below).
      if (/^export (let|var) /m.test(text)) throw new Error(`${key(path)}: a binding that changes cannot be shared between parts`);
      const r = await esbuild.build({ entryPoints: [path], bundle: false, write: false, format: 'esm', metafile: true, logLevel: 'error' });
      exportsOf.set(path, Object.values(r.metafile.outputs)[0].exports);
    }
    return /** @type {string[]} */ (exportsOf.get(path));
  };
  /** @type {Map<string, string[]>} lazy entry → its exports (all functions) */
  const lazyExports = new Map();
  for (const p of parts.filter((p) => p.lazy)) lazyExports.set(p.entry, await exportNames(p.entry));
  const cjs = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', banner, logLevel: 'warning', absWorkingDir: root, external: ['./wasm-bytes.cjs', ...parts.map((p) => `./${p.file}`)] };
  for (const part of parts) {
    /** @type {import('esbuild').Plugin} */
    const parted = {
      name: 'node-parts',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.namespace === 'node-entry' && args.path === part.entry) return { path: part.entry };
          if (args.kind === 'entry-point') return { path: key(part.entry), namespace: 'node-entry' };
          const path =
            args.path === '#parallel' ? join(src, 'parallel', 'node.js')
            : args.path === './glue.js' ? join(tmp, 'glue.js')
            : args.path.startsWith('.') ? join(args.resolveDir, args.path)
            : isAbsolute(args.path) ? args.path
            : null;
          if (path === null || path === part.entry) return undefined;
          // Virtual modules, named by their path in the repository.
          if (lazyExports.has(path)) return { path: key(path), namespace: 'node-lazy' };
          if (owner.has(path) && owner.get(path) !== part.file) return { path: key(path), namespace: 'node-shared' };
          return undefined;
        });
        // The entry, with the exports of each module of this part for the parts after it: plain
        // objects of values (cheaper to make than namespace objects of getters).
        b.onLoad({ filter: /.*/, namespace: 'node-entry' }, async () => {
          const modules = await Promise.all((part.modules ?? []).map(async (m) => [m, await exportNames(m)]));
          const imports = modules.map(([m, names], i) => `import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from ${JSON.stringify(m)};\n`);
          const table = modules.map(([m, names], i) => `  ${JSON.stringify(key(m))}: { ${names.map((n) => `${n}: m${i}_${n}`).join(', ')} },\n`);
          return { contents: `export * from ${JSON.stringify(part.entry)};\n${imports.join('')}export const __modules = {\n${table.join('')}};\n`, resolveDir: root };
        });
        b.onLoad({ filter: /.*/, namespace: 'node-lazy' }, (args) => {
          const path = join(root, args.path);
          const file = /** @type {{ file: string }} */ (parts.find((p) => p.entry === path)).file;
          const names = /** @type {string[]} */ (lazyExports.get(path));
          return {
            contents: `let m = null;\nconst load = () => (m ??= require(${JSON.stringify(`./${file}`)}));\n` + names.map((n) => `export function ${n}(...args) {\n  return load().${n}(...args);\n}\n`).join(''),
            resolveDir: root,
          };
        });
        // A module of an earlier part. node-core.cjs is loaded before every other part, so its
        // modules' exports are read once, as constants (none exports a binding that changes); those
        // of another part are required when one of them is first read (the client's one constant
        // from node-endpoints.cjs need not load the endpoint tables with the engine half).
        b.onLoad({ filter: /.*/, namespace: 'node-shared' }, async (args) => {
          const from = /** @type {string} */ (owner.get(join(root, args.path)));
          const names = await exportNames(join(root, args.path));
          const module = `require(${JSON.stringify(`./${from}`)}).__modules[${JSON.stringify(args.path)}]`;
          const contents =
            from === parts[0].file
              ? `export const { ${names.join(', ')} } = ${module};\n`
              : `let m = null;\nconst get = () => (m ??= ${module});\n` +
                names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => get()[${JSON.stringify(n)}] });\n`).join('');
          return { contents, resolveDir: root };
        });
      },
    };
    const options = { ...cjs, entryPoints: [part.entry], outfile: join(pkg, part.file), plugins: [parted, layout(false, { parallel: 'node' })] };
    // First the modules this part holds, then the part, which exports them by path.
    const probe = await esbuild.build({ ...options, write: false, metafile: true });
    part.modules = Object.keys(probe.metafile.inputs).filter((i) => !i.includes(':')).map((i) => join(root, i)).filter((i) => !owner.has(i));
    for (const m of part.modules) owner.set(m, part.file);
    await esbuild.build(options);
  }
  // A stub forwards calls, so everything a lazy part exports must be a function.
  const load = createRequire(join(pkg, 'node.cjs'));
  for (const p of parts.filter((p) => p.lazy)) {
    for (const name of /** @type {string[]} */ (lazyExports.get(p.entry))) {
      if (typeof load(`./${p.file}`)[name] !== 'function') throw new Error(`${p.file}: ${name} is not a function, so it cannot be loaded on first call`);
    }
  }
}

// 5. Typings: the ES ones, and CommonJS copies (`.d.cts`) that name `.cjs` siblings.
for (const name of ['index', 'forms', 'validation', 'client']) copyFileSync(join(src, `${name}.d.ts`), join(pkg, `${name}.d.ts`));
for (const name of ['index', 'forms', 'validation', 'client', 'types', 'resources']) {
  const text = readFileSync(join(pkg, `${name}.d.ts`), 'utf8').replace(/from '\.\/(\w+)\.js'/g, "from './$1.cjs'");
  writeFileSync(join(pkg, `${name}.d.cts`), text);
}
writeFileSync(join(pkg, 'node.d.mts'), "export * from './index.js';\n");

const cargoVersion = /^version = "([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const manifest = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
manifest.version = cargoVersion;
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(template, 'README.md'), join(pkg, 'README.md'));
// Node-only extras, plain ES modules that use the package by its name: the mock
// (elevate-billing/mock) and the command line (bin elevate-billing).
for (const dir of ['mock', 'cli']) cpSync(join(src, dir), join(pkg, dir), { recursive: true });
chmodSync(join(pkg, 'cli', 'main.mjs'), 0o755);
copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));
for (const f of manifest.files) {
  if (!existsSync(join(pkg, f))) throw new Error(`package.json lists ${f}, which the build did not produce`);
}
console.log(`built pkg/ (${profile}): .wasm ${wasmBytes.length} bytes`);
