#!/usr/bin/env node
// `npm run demo`: the customer-onboarding portal of www-example/ against a local mock of the
// Elevate API, on a fresh machine after scripts/setup.sh (the set-up steps of .ci/run):
//   1. builds the package (scripts/build.mjs) when pkg/ is missing or older than its sources;
//   2. starts the package's mock (elevate-billing/mock, pkg/mock/) on 127.0.0.1:MOCK_PORT (default
//      4010; a free port if that one is taken), seeded with customers and enough sites to page;
//   3. builds the page with Vite and serves it on 127.0.0.1:PORT (default 5173, or the next free
//      one), with /config.json telling the page the mock's URL and the token it accepts (a new
//      random one each run, never printed);
//   4. prints both URLs; Ctrl-C stops both.
//
// Why `vite build` + `vite preview` and not the dev server: the page served is the production
// bundle, exactly what a user deploys (the package's .wasm emitted as an asset by the
// bundler); nothing is pre-bundled or transformed on first visit, so the first load is fast
// and never reloads itself (the dev server's dependency optimiser can), which keeps the e2e
// test deterministic. Building takes a few seconds.
//
// Tests import `startDemo` and pass port 0 for both servers.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www-example');
const configFile = join(www, 'vite.config.mjs');

/** What the package is built from (scripts/build.mjs). */
const PACKAGE_SOURCES = ['src', 'pkg-template', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs'];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Why pkg/ must be (re)built, or null when it is up to date. */
export function packageStaleness() {
  const built = statSync(join(root, 'pkg', 'package.json'), { throwIfNoEntry: false });
  if (!built) return 'pkg/ is missing';
  const newest = Math.max(...PACKAGE_SOURCES.map((p) => newestMtime(join(root, p))));
  return newest > built.mtimeMs ? 'pkg/ is older than its sources' : null;
}

/** The package's mock (loaded once pkg/ is built). */
const mockModule = () => import(pathToFileURL(join(root, 'pkg', 'mock', 'index.mjs')).href);

/** The mock's records: its default seed plus sites enough for a few pages (given as sites of the customers). */
export async function demoSeed() {
  const seed = (await mockModule()).defaultSeed();
  const customers = seed.customers;
  const template = customers[0].sites[0];
  const towns = ['Leeds', 'York', 'Bath', 'Hull', 'Derby', 'Exeter', 'Chester', 'Durham', 'Lincoln', 'Oxford', 'Norwich', 'Carlisle', 'Truro', 'Ripon', 'Wells', 'Ely', 'Salford', 'Preston', 'Bangor'];
  let id = customers.reduce((n, c) => n + c.sites.length, 0);
  towns.forEach((town, i) => {
    id += 1;
    customers[i % 3].sites.push({ ...structuredClone(template), id, siteName: `${town} Branch`, siteReference: `S-${id}`, siteAddress: { ...template.siteAddress, town } });
  });
  return seed;
}

/** Listens on `port`, or on a free port if it is taken. */
async function startMock(port, token) {
  const { startMock: start } = await mockModule();
  const seed = await demoSeed();
  try {
    return await start({ token, seed, port });
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    return start({ token, seed, port: 0 });
  }
}

/**
 * Starts the mock API and the portal. Resolves to `{ url, mockUrl, mock, close }`; `mock` is
 * the mock server (request log, faults, reset).
 * @param {{ port?: number, mockPort?: number, outDir?: string, buildPackage?: boolean, log?: (line: string) => void }} [options]
 */
export async function startDemo({ port = 5173, mockPort = 4010, outDir = join(root, 'target', 'www-example'), buildPackage = true, log = () => {} } = {}) {
  const stale = buildPackage && packageStaleness();
  if (stale) {
    log(`${stale}: building the package (npm run build)…`);
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  log('Building the portal (vite build)…');
  await build({ configFile, logLevel: 'warn', build: { outDir } });

  const token = `demo-${randomBytes(18).toString('base64url')}`;
  const mock = await startMock(mockPort, token);
  const config = JSON.stringify({ baseUrl: mock.url, token, mock: true });
  /** Serves /config.json: where the page finds the mock, without editing any file. */
  const configPlugin = {
    name: 'demo-config',
    configurePreviewServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(config);
      });
    },
  };
  let server;
  try {
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      plugins: [configPlugin],
      preview: { host: '127.0.0.1', port, strictPort: false, open: false },
    });
  } catch (e) {
    await mock.close();
    throw e;
  }
  const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
  return {
    url,
    mockUrl: mock.url,
    mock,
    close: async () => {
      await server.close();
      await mock.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = (name, fallback) => {
    const v = process.env[name];
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) > 65535) throw new Error(`${name} must be a port number, not ${JSON.stringify(v)}`);
    return Number(v);
  };
  let demo;
  try {
    demo = await startDemo({ port: port('PORT', 5173), mockPort: port('MOCK_PORT', 4010), log: (line) => console.log(line) });
  } catch (e) {
    console.error(`npm run demo: ${e.message}`);
    process.exit(1);
  }
  console.log(`
  Onboarding portal   ${demo.url}
  Mock Elevate API    ${demo.mockUrl}   (the page reads it from ${demo.url}config.json)

  Ctrl-C stops both.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
