#!/usr/bin/env node
// Bundles the example with esbuild into SITE/dist/app.js beside a copy of index.html (React,
// react-hook-form and the package as npm would install them; `elevate-billing` is ../../pkg,
// what `npm run build` writes). SITE is this folder unless given.
// Usage: node examples/react-hook-form/build.mjs [SITE], then serve SITE with a config.json
// ({ "baseUrl": "http://127.0.0.1:4010", "token": "…" }, e.g. for `npx elevate-billing mock`).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildExample(site = here) {
  mkdirSync(join(site, 'dist'), { recursive: true });
  if (resolve(site) !== resolve(here)) copyFileSync(join(here, 'index.html'), join(site, 'index.html'));
  await esbuild.build({
    entryPoints: [join(here, 'src', 'main.tsx')],
    outfile: join(site, 'dist', 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    alias: { 'elevate-billing': join(here, '..', '..', 'pkg', 'index.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return site;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExample(process.argv[2] ?? here);
