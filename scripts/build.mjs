#!/usr/bin/env node
// Builds the npm package into pkg/ (see README "Package layout"):
//   1. the crate for wasm32 (release profile), once;
//   2. wasm-bindgen glue for the web (ESM) and for Node (CommonJS); the .wasm they load is
//      byte-identical, so it ships once;
//   3. the generated TypeScript types (from the Rust model and endpoint table, `elevate-codegen dts`)
//      and the JavaScript validity predicates of `validate`'s fast path (`elevate-codegen js-fast-path`);
//   4. the entries, bundled with esbuild around src/js/api.js: index.js (browsers, bundlers,
//      workers), node.cjs (Node require) and node.mjs (Node import, sharing node.cjs's
//      instance so ESM and CJS callers see one module);
//   5. .d.ts / .d.mts / .d.cts typings, package.json, README and LICENSE from pkg-template/;
//      the Node-only mock (mock/) and command line (cli/) from src/js, as they are.
// Usage: node scripts/build.mjs [--debug]   (--debug skips the release optimisations)

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const tmp = join(root, 'target', 'pkg-build');
const debug = process.argv.includes('--debug');
const NAME = 'elevate_billing';

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', ...opts });
}

// 1. The crate.
const profile = debug ? 'debug' : 'release';
run('cargo', ['build', '--locked', '--lib', '--target', 'wasm32-unknown-unknown', ...(debug ? [] : ['--release'])]);
const wasmIn = join(root, 'target', 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);

// 2. Glue.
rmSync(pkg, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
const strip = ['--remove-name-section', '--remove-producers-section'];
run('wasm-bindgen', ['--target', 'web', '--out-dir', join(tmp, 'web'), '--out-name', NAME, ...strip, wasmIn]);
run('wasm-bindgen', ['--target', 'nodejs', '--out-dir', join(tmp, 'node'), '--out-name', NAME, ...strip, wasmIn]);
const wasmWeb = readFileSync(join(tmp, 'web', `${NAME}_bg.wasm`));
const wasmNode = readFileSync(join(tmp, 'node', `${NAME}_bg.wasm`));
if (!wasmWeb.equals(wasmNode)) throw new Error('the web and nodejs targets produced different .wasm files');
writeFileSync(join(pkg, `${NAME}_bg.wasm`), wasmWeb);
if (!debug && existsSync(join(root, 'node_modules', '.bin', 'wasm-opt'))) {
  // npm `binaryen`, never Debian's (toolchain.md). Flags chosen in bench/README.md.
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), ['-O3', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', join(pkg, `${NAME}_bg.wasm`), '-o', join(pkg, `${NAME}_bg.wasm`)]);
}
// Node glue sits next to the .wasm it reads with `${__dirname}/elevate_billing_bg.wasm`. It
// `require`s our JS snippets (src/js/encode.js…), which are ES modules: ship CommonJS copies,
// since require(esm) needs Node >= 20.19 and the package supports every Node 20.
let nodeGlueText = readFileSync(join(tmp, 'node', `${NAME}.js`), 'utf8');
const snippetRequires = [...nodeGlueText.matchAll(/require\((?:String\.raw`|")(\.\/snippets\/[^`"]+)\.js(?:`|")\)/g)];
for (const [call, path] of snippetRequires) {
  const out = join(pkg, `${path}.cjs`);
  mkdirSync(dirname(out), { recursive: true });
  const source = readFileSync(join(tmp, 'node', `${path}.js`), 'utf8');
  writeFileSync(out, (await esbuild.transform(source, { format: 'cjs', target: 'node20' })).code);
  nodeGlueText = nodeGlueText.replace(call, `require(${JSON.stringify(`${path}.cjs`)})`);
}
if (/require\([^)]*snippets[^)]*\.js/.test(nodeGlueText)) throw new Error('a snippet require was not converted to CommonJS');
writeFileSync(join(pkg, `${NAME}_node.cjs`), nodeGlueText);

// 3. Generated types. Glue typings refer to them by name (SchemaName, ValidationResult…).
const types = run('cargo', ['run', '--locked', '--quiet', '--bin', 'elevate-codegen', '--', 'dts'], { capture: true }).toString();
writeFileSync(join(pkg, 'types.d.ts'), types);
writeFileSync(join(pkg, 'types.d.cts'), types);
const typeNames = [...types.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
function glueTypings(file, from) {
  const doc = String.raw`(?:/\*\*(?:(?!\*/)[\s\S])*\*/\s*)?`;
  const text = readFileSync(file, 'utf8')
    // Only the function declarations are public; init/InitOutput belong to the glue.
    .replace(/\nexport type InitInput[\s\S]*$/, '\n')
    // Plumbing (`__…`) is not re-exported, so not typed.
    .replace(new RegExp(`${doc}export class __\\w+ \\{[\\s\\S]*?\\n\\}\\n`, 'g'), '')
    .replace(new RegExp(`${doc}export function __\\w+\\([^;]*;\\n`, 'g'), '')
    // `[Symbol.dispose]` needs lib esnext in the consumer's tsconfig; `free()` stays typed.
    .replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '');
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const used = typeNames.filter((n) => new RegExp(`\\b${n}\\b`).test(code));
  return `import type { ${used.join(', ')} } from '${from}';\n${text}`;
}
writeFileSync(join(pkg, 'glue.d.ts'), glueTypings(join(tmp, 'web', `${NAME}.d.ts`), './types.js'));
writeFileSync(join(pkg, 'glue.d.cts'), glueTypings(join(tmp, 'node', `${NAME}.d.ts`), './types.cjs'));
// Bundled into every entry, not shipped as a file of its own.
const fastPath = join(tmp, 'fast-path.js');
writeFileSync(fastPath, run('cargo', ['run', '--locked', '--quiet', '--bin', 'elevate-codegen', '--', 'js-fast-path'], { capture: true }));

// 4. Entries. The export list is the API object's keys, read from the real thing.
const requireHere = createRequire(import.meta.url);
const nodeGlue = requireHere(join(pkg, `${NAME}_node.cjs`));
const { createApi } = await import(pathToFileURL(join(root, 'src', 'js', 'api.js')).href);
const names = Object.keys(createApi(nodeGlue, { sync: true }));
// Exports of the glue are typed by its .d.ts; the JS runtime's own exports (client, streams)
// are declared in the generated types.d.ts.
const glueDeclared = new Set([...readFileSync(join(tmp, 'web', `${NAME}.d.ts`), 'utf8').matchAll(/^export (?:function|class) (\w+)/gm)].map((m) => m[1]));
const functionNames = names.filter((n) => glueDeclared.has(n));
const undeclared = names.filter((n) => n !== 'ready' && n !== 'init' && !glueDeclared.has(n) && !new RegExp(`^export declare (?:function|class|const|abstract class) ${n}\\b`, 'm').test(types));
if (undeclared.length) throw new Error(`exports without typings: ${undeclared.join(', ')} (declare them in src/export/typescript.rs)`);
const apiJs = JSON.stringify(join(root, 'src', 'js', 'api.js'));
const fastJs = JSON.stringify(fastPath);
mkdirSync(tmp, { recursive: true });
writeFileSync(
  join(tmp, 'entry-web.js'),
  `import initGlue, * as glue from ${JSON.stringify(join(tmp, 'web', `${NAME}.js`))};
import { createApi } from ${apiJs};
import * as fast from ${fastJs};
const api = createApi(glue, { load: (input) => initGlue(input === undefined ? undefined : { module_or_path: input }) }, fast);
export const { ${names.join(', ')} } = api;
`,
);
writeFileSync(
  join(tmp, 'entry-node.js'),
  `import { createApi } from ${apiJs};
import * as fast from ${fastJs};
const glue = require('./${NAME}_node.cjs');
const api = createApi(glue, { sync: true }, fast);
export const { ${names.join(', ')} } = api;
`,
);
const banner = { js: '// elevate-billing: generated by scripts/build.mjs from src/js and the wasm-bindgen glue.' };
await esbuild.build({
  entryPoints: [join(tmp, 'entry-web.js')],
  outfile: join(pkg, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  banner,
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: [join(tmp, 'entry-node.js')],
  outfile: join(pkg, 'node.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [`./${NAME}_node.cjs`],
  banner,
  logLevel: 'warning',
});
writeFileSync(
  join(pkg, 'node.mjs'),
  `${banner.js}\n// Node ESM entry: the same instance as node.cjs, so import and require share one module.\n// Loaded with require, not \`import\`: importing CommonJS makes Node lex the whole file for\n// export names, which measured ~6 ms of a ~37 ms cold start.\nimport { createRequire } from 'node:module';\nconst api = createRequire(import.meta.url)('./node.cjs');\nexport const { ${names.join(', ')} } = api;\n`,
);

// 5. Typings for each entry, and the package files.
const BROWSER_INIT_INPUT = 'string | URL | Request | Response | BufferSource | WebAssembly.Module';
const entryTypes = (typesFrom, glueFrom, initInput = BROWSER_INIT_INPUT) => `// Typings of the elevate-billing entry; generated by scripts/build.mjs.
export * from '${typesFrom}';
export { ${functionNames.join(', ')} } from '${glueFrom}';

/** Resolves once the WebAssembly module is usable (already resolved in Node). */
export declare const ready: Promise<void>;

/** Where the .wasm can come from: a URL, a fetch Response, its bytes, or a compiled module. */
export type InitInput = ${initInput};

/**
 * Loads the WebAssembly module, once. Without \`input\` the .wasm next to the package entry is
 * loaded; pass a URL, Response, bytes or module for a CDN or a strict Content-Security-Policy.
 * Later calls resolve at once. In Node the module is ready on import and this does nothing.
 */
export declare function init(input?: InitInput): Promise<void>;
`;
writeFileSync(join(pkg, 'index.d.ts'), entryTypes('./types.js', './glue.js'));
// Node needs no input (the module is instantiated on import); keep the types DOM-free there.
writeFileSync(join(pkg, 'node.d.mts'), entryTypes('./types.js', './glue.js', 'unknown'));
writeFileSync(join(pkg, 'node.d.cts'), entryTypes('./types.cjs', './glue.cjs', 'unknown'));

const cargoVersion = /^version = "([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const manifest = JSON.parse(readFileSync(join(root, 'pkg-template', 'package.json'), 'utf8'));
manifest.version = cargoVersion;
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(root, 'pkg-template', 'README.md'), join(pkg, 'README.md'));
// Node-only extras, plain ES modules that use the package by its name: the mock
// (elevate-billing/mock) and the command line (bin elevate-billing).
for (const dir of ['mock', 'cli']) cpSync(join(root, 'src', 'js', dir), join(pkg, dir), { recursive: true });
chmodSync(join(pkg, 'cli', 'main.mjs'), 0o755);
copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));
for (const f of manifest.files) {
  if (!existsSync(join(pkg, f))) throw new Error(`package.json lists ${f}, which the build did not produce`);
}
console.log(`built pkg/ (${profile}): ${names.length} exports, .wasm ${wasmWeb.length} bytes before wasm-opt`);
