// Vite config of the demo portal. `elevate-billing` is the package `npm run build` writes to
// ../pkg: the same files npm would install (a real app runs `npm install elevate-billing` and
// needs no alias). scripts/demo.mjs builds with this config and serves the result.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  resolve: { alias: { 'elevate-billing': here('../pkg') } },
  // `npx vite www-example` (dev server) reads the package from ../pkg, outside this folder.
  server: { fs: { allow: [here('..')] } },
  build: { outDir: here('../target/www-example'), emptyOutDir: true },
});
