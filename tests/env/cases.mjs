// @ts-check
// The environment matrix (issue 10 item 2, CSP item 4): one entry per environment, each a
// fixture under cases/ built with the real toolchain and run in its real runtime. `proves`
// says what a pass means; README.md explains how to add a case.

const CSP = 'content-security-policy';

/** @type {import('./lib/context.mjs').CaseDef[]} */
export const CASES = [
  { name: 'node-esm', fixture: 'esm', kind: 'process', run: ['node', 'main.mjs'], proves: 'Node ESM: `import * as eb from` works with no set-up' },
  { name: 'node-cjs', fixture: 'cjs', kind: 'process', run: ['node', 'main.js'], proves: 'Node CommonJS: `require()` works with no set-up' },
  { name: 'worker-threads', fixture: 'worker-threads', kind: 'process', run: ['node', 'main.mjs'], proves: 'Node worker_threads: the import works inside a worker' },
  { name: 'vite-build', fixture: 'vite', kind: 'page', build: [['vite', 'build']], serve: 'dist', proves: 'Vite production build, in Chromium' },
  {
    name: 'vite-dev',
    fixture: 'vite',
    kind: 'dev-server',
    server: ['vite', '--host', '127.0.0.1', '--port', '{port}', '--strictPort'],
    readyWhen: /Local:/,
    proves: "Vite's dev server (dependency pre-bundling), in Chromium",
  },
  { name: 'vite-worker', fixture: 'vite-worker', kind: 'page', build: [['vite', 'build']], serve: 'dist', proves: 'a module Web Worker in a Vite build, in Chromium' },
  { name: 'webpack', fixture: 'webpack', kind: 'page', build: [['webpack', '--mode', 'production']], pages: [{ path: '/index.html' }], proves: 'webpack 5 with no config file, in Chromium' },
  {
    name: 'esbuild-esm',
    fixture: 'esbuild',
    kind: 'page',
    build: [['esbuild', 'main.js', '--bundle', '--format=esm', '--outdir=esm']],
    pages: [{ path: '/index.html' }],
    proves: 'esbuild --bundle --format=esm, in Chromium',
  },
  {
    name: 'esbuild-iife',
    fixture: 'esbuild',
    kind: 'page',
    build: [['esbuild', 'main.js', '--bundle', '--outdir=iife']],
    pages: [{ path: '/iife.html' }],
    proves: "esbuild --bundle with its default format (IIFE), in Chromium",
  },
  { name: 'rollup', fixture: 'rollup', kind: 'page', build: [['rollup', '-c']], pages: [{ path: '/index.html' }], proves: 'Rollup 4 with node-resolve only, in Chromium' },
  {
    name: 'parcel',
    fixture: 'parcel',
    kind: 'page',
    build: [['parcel', 'build', 'index.html', '--no-autoinstall', '--no-cache']],
    serve: 'dist',
    proves: 'Parcel 2 with no config, in Chromium',
  },
  {
    name: 'bun-build',
    fixture: 'bun-build',
    kind: 'page',
    build: [['bun', 'build', './main.js', '--outdir', 'dist', '--target', 'browser']],
    pages: [{ path: '/index.html' }],
    proves: '`bun build --target browser`, in Chromium',
  },
  { name: 'next-turbopack', fixture: 'next', kind: 'next', proves: 'Next.js 16 with Turbopack (its default): server component, route handler, client component' },
  { name: 'next-webpack', fixture: 'next', kind: 'next', nextBuild: ['--webpack'], proves: 'Next.js 16 with --webpack: server component, route handler, client component' },
  { name: 'workerd', fixture: 'workerd', kind: 'workerd', proves: 'Cloudflare Workers (wrangler dev, workerd), no nodejs_compat' },
  { name: 'deno', fixture: 'esm', kind: 'process', run: ['deno', 'run', 'main.mjs'], proves: 'Deno with the package in node_modules, no permission flags' },
  { name: 'bun', fixture: 'esm', kind: 'process', run: ['bun', 'main.mjs'], proves: 'the Bun runtime' },
  { name: 'vitest', fixture: 'vitest', kind: 'process', run: ['vitest', 'run'], proves: 'a Vitest test (node environment) with no config' },
  { name: 'jest-node', fixture: 'jest-node', kind: 'process', run: ['jest'], proves: 'a Jest 30 test, node environment' },
  { name: 'jest-jsdom', fixture: 'jest-jsdom', kind: 'process', run: ['jest'], proves: 'a Jest 30 test, jsdom environment' },
  {
    name: 'typescript',
    fixture: 'typescript',
    kind: 'typescript',
    proves: 'tsc strict, skipLibCheck false: nodenext, node16, bundler, node10, each with and without the DOM lib',
  },
  {
    name: 'csp',
    fixture: 'csp',
    kind: 'page',
    build: [['vite', 'build']],
    serve: 'dist',
    pages: [
      { part: 'script-src-self', path: '/?strict', headers: { [CSP]: "script-src 'self'" } },
      { part: 'wasm-unsafe-eval', path: '/', headers: { [CSP]: "script-src 'self' 'wasm-unsafe-eval'" } },
    ],
    proves: "a Vite build under a strict CSP: works with 'wasm-unsafe-eval'; without it, every error names 'wasm-unsafe-eval'",
  },
];
