// Child process of the memory section (issue 11: every entry point): wasm linear memory, RSS
// and the JS heap (after GC) before and after many calls of one function, valid and invalid
// inputs mixed. Prints one JSON line.
//   node --expose-gc bench/memory.mjs <function> [calls]     node bench/memory.mjs --list
// A fresh process per function, so one function's caches and garbage never count for another.
// The engine's memory is read from its instance, caught as it is created (WebAssembly.Instance /
// instantiate wrapped below), so a function that never starts the engine reports none.

import { invalidSite, ndjson, site } from './fixtures.mjs';

/** @type {WebAssembly.Memory | null} */
let memory = null;
{
  const Instance = WebAssembly.Instance;
  const catchMemory = (/** @type {WebAssembly.Instance} */ inst) => {
    const m = Object.values(inst.exports).find((x) => x instanceof WebAssembly.Memory);
    if (m) memory = /** @type {WebAssembly.Memory} */ (m);
    return inst;
  };
  // @ts-ignore: a constructor that records what it builds
  WebAssembly.Instance = new Proxy(Instance, { construct: (T, args) => catchMemory(Reflect.construct(T, args)) });
  const instantiate = WebAssembly.instantiate;
  // @ts-ignore
  WebAssembly.instantiate = async (...args) => {
    // @ts-ignore
    const r = await instantiate(...args);
    catchMemory(r instanceof Instance ? r : r.instance);
    return r;
  };
}
const eb = await import('../pkg/node.mjs');

const CSV_HEADER =
  'customerId,siteName,siteReference,startDate,siteAddress.address1,siteAddress.town,siteAddress.postcode,siteAddress.country,siteContacts.0.contactName,siteContacts.0.contactRole,/siteContacts/0/contactTelephoneNumber';
const csv = [CSV_HEADER, ...Array.from({ length: 100 }, (_, i) => `${12 + i},Head Office ${i},HO-${i},2024-01-01,${i} High Street,London,${i % 2 ? 'SW1A #1AA' : 'SW1A 1AA'},GB,Jane Doe,ACCOUNTS,020 7946 0000`)].join('\n');
const lines = ndjson(100);
const current = site();
const sites = [site(), invalidSite(), site(1), { siteName: 42 }];

/**
 * Each function with the calls of one round (`i` is the call's index) and its default count.
 * @type {Record<string, { calls: number, input: string, run: (i: number) => unknown }>}
 */
export const FUNCTIONS = {
  validate: { calls: 200_000, input: 'a valid Site, a Site with 3 defects, another valid one, a wrong type', run: (i) => eb.validate('Site', sites[i & 3]) },
  validateField: {
    calls: 200_000,
    input: "siteName 'Head Office' / 'Head <Office>', postcode 'SW1A 1AA' / 'SW1A #1AA'",
    run: (i) => eb.validateField('Site', i & 2 ? '/siteAddress/postcode' : '/siteName', ['Head Office', 'Head <Office>', 'SW1A 1AA', 'SW1A #1AA'][i & 3]),
  },
  describeField: { calls: 200_000, input: 'contactRole and postcode of Site', run: (i) => eb.describeField('Site', i & 1 ? '/siteContacts/0/contactRole' : '/siteAddress/postcode') },
  validatePatch: {
    calls: 10_000,
    input: 'replace /siteName (valid, then with a bad character) on a valid Site',
    run: (i) => eb.validatePatch('Site', current, [{ op: 'replace', path: '/siteName', value: i & 1 ? 'Head <Office>' : 'New Name' }]),
  },
  validateQuery: {
    calls: 20_000,
    input: "GET /sites with page, pageSize (50, then -1), like: and sort",
    run: (i) => eb.validateQuery('GET /sites', { page: 1, pageSize: i & 1 ? -1 : 50, siteName: 'like:Head%', sort: 'siteName:desc' }),
  },
  validateProductReference: {
    calls: 20_000,
    input: 'four formats in turn, matching and not',
    run: (i) => eb.validateProductReference(['[0-9]{3,11}', 'ABC-\\d{4}', '[A-Z]{2}\\d+', '(?i)ref_\\w+'][i & 3], i & 4 ? '02079460000' : 'ABC-1234'),
  },
  validateNdjson: { calls: 2_000, input: '100 Site lines, half invalid, per call', run: () => eb.validateNdjson(lines, 'Site') },
  validateCsv: { calls: 2_000, input: '100 Site rows, half invalid, per call', run: () => eb.validateCsv(csv, 'Site') },
  'setPattern/resetPattern': {
    calls: 4_000,
    input: "setPattern('NAME_CURLY', …) then resetPattern('NAME_CURLY')",
    run: () => {
      eb.setPattern('NAME_CURLY', "[\\w\\p{L}\\s'-]+");
      eb.resetPattern('NAME_CURLY');
    },
  },
  jsonSchema: { calls: 2_000, input: "jsonSchema('Site') and jsonSchema('Customer')", run: (i) => eb.jsonSchema(i & 1 ? 'Customer' : 'Site') },
};

const gc = () => {
  globalThis.gc?.();
  globalThis.gc?.();
};

if (process.argv[2] === '--list') {
  console.log(JSON.stringify(Object.fromEntries(Object.entries(FUNCTIONS).map(([k, f]) => [k, { calls: f.calls, input: f.input }]))));
} else if (process.argv[2]) {
  const name = process.argv[2];
  const fn = FUNCTIONS[name];
  if (!fn) throw new Error(`unknown function ${name}; --list lists them`);
  const calls = Number(process.argv[3] ?? fn.calls);
  // Warm up (caches, plans, the engine if the function needs it), then measure.
  for (let i = 0; i < Math.max(100, calls / 20); i++) fn.run(i);
  gc();
  const before = { wasm: memory?.buffer.byteLength ?? null, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
  const t = performance.now();
  for (let i = 0; i < calls; i++) fn.run(i);
  const ms = performance.now() - t;
  gc();
  const after = { wasm: memory?.buffer.byteLength ?? null, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
  console.log(JSON.stringify({ name, calls, ms, before, after }));
}
