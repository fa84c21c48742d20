// Child process of the memory scenario: wasm memory and RSS before and after N validate
// calls, valid and invalid mixed. Prints JSON. (Run with --expose-gc for a stable RSS.)
import * as eb from '../pkg/node.mjs';
import { invalidSite, site } from './fixtures.mjs';

const glue = eb.__engine();
const calls = Number(process.argv[2] ?? 1_000_000);
const inputs = [site(), invalidSite(), site(1), { siteName: 42 }];
const gc = () => globalThis.gc?.();

for (let i = 0; i < 10_000; i++) eb.validate('Site', inputs[i & 3]); // warm up: caches, plans
gc();
const wasmBefore = glue.__memoryBytes();
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < calls; i++) eb.validate('Site', inputs[i & 3]);
gc();
const wasmAfter = glue.__memoryBytes();
const rssAfter = process.memoryUsage().rss;
console.log(JSON.stringify({ calls, wasmBefore, wasmAfter, rssBefore, rssAfter }));
