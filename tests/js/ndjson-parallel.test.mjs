// validateNdjsonParallel through the built package: whatever the chunking (boundaries inside
// long lines, lines longer than the long-line threshold, blank lines, CRLF, no final newline),
// the number of workers, the source (bytes, text, Node Readable, web stream, async iterable)
// and maxInvalidLines, the merged report equals validateNdjson's on the same input. Also: the
// small-input and zero-worker paths, errors, and workers that cannot start.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync, createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resetPattern, setPattern, validateNdjson, validateNdjsonParallel } from '../../pkg/node.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pkg');

const ADDRESS = { address1: '1 High St', town: 'London', postcode: 'SW1A 1AA', country: 'GB' };

/** Lines of every kind, lengths from a few bytes to several kilobytes. */
function input(n, seed = 1) {
  let s = seed;
  const rnd = (k) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % k);
  const out = [];
  for (let i = 0; i < n; i++) {
    switch (rnd(12)) {
      case 0:
        out.push('');
        break;
      case 1:
        out.push('{not json');
        break;
      case 2:
        out.push(JSON.stringify({ ...ADDRESS, address1: 'x'.repeat(150 + rnd(4000)) }) + '\r');
        break;
      case 3:
        out.push(JSON.stringify({ ...ADDRESS, town: 'Ł'.repeat(1 + rnd(60)), postcode: `P${i}#` }));
        break;
      case 4:
        out.push(JSON.stringify({ ...ADDRESS, country: 'UK', county: 'é'.repeat(rnd(3000)) }));
        break;
      case 5:
        out.push('   ');
        break;
      default:
        out.push(JSON.stringify({ ...ADDRESS, address1: `${i} High St` }));
    }
  }
  return out.join('\n');
}

const TEXT = input(600);

test('the merged report equals the one-thread report, for any chunking, workers and bound', async () => {
  for (const [chunkBytes, workers, maxInvalidLines] of [
    [64, 2, undefined],
    [300, 3, undefined],
    [1000, 2, 5],
    [1000, 1, 0],
    [4096, 2, 100000],
    [97, 2, 40],
  ]) {
    for (const text of [TEXT, `${TEXT}\n`, `\n\n${TEXT}\n\n`]) {
      const options = maxInvalidLines === undefined ? {} : { maxInvalidLines };
      const expected = validateNdjson(text, 'Address', options);
      const got = await validateNdjsonParallel(Buffer.from(text), 'Address', { ...options, workers, chunkBytes });
      assert.deepEqual(got, expected, `chunkBytes ${chunkBytes}, workers ${workers}, maxInvalidLines ${maxInvalidLines}`);
    }
  }
});

test('every source: text, ArrayBuffer, Node Readable, web stream, async iterable of strings', async () => {
  const expected = validateNdjson(TEXT, 'Address', { maxInvalidLines: 30 });
  const options = { workers: 2, chunkBytes: 500, maxInvalidLines: 30 };
  const dir = mkdtempSync(join(tmpdir(), 'ndjson-parallel-'));
  const file = join(dir, 'in.ndjson');
  writeFileSync(file, TEXT);
  const bytes = new TextEncoder().encode(TEXT);
  const copy = bytes.slice();
  const sources = [
    TEXT,
    bytes.buffer,
    bytes,
    createReadStream(file, { highWaterMark: 333 }),
    Readable.toWeb(createReadStream(file, { highWaterMark: 4096 })),
    (async function* () {
      for (const l of TEXT.split(/(?<=\n)/)) yield l;
    })(),
  ];
  for (const source of sources) assert.deepEqual(await validateNdjsonParallel(source, 'Address', options), expected);
  // Nothing the caller passed is changed (chunks are copies).
  assert.deepEqual(bytes, copy);
});

test('small inputs and workers: 0 stay on this thread, with the same report', async () => {
  const small = [JSON.stringify(ADDRESS), '{"country":"UK"}', ''].join('\n');
  assert.deepEqual(await validateNdjsonParallel(small, 'Address'), validateNdjson(small, 'Address'));
  assert.deepEqual(await validateNdjsonParallel('', 'Address'), { records: 0, valid: 0, invalid: 0, invalidLines: [], truncated: false });
  const expected = validateNdjson(TEXT, 'Address');
  assert.deepEqual(await validateNdjsonParallel(TEXT, 'Address', { workers: 0, chunkBytes: 100 }), expected);
  assert.deepEqual(await validateNdjsonParallel(createReadStream(fileOf(TEXT), { highWaterMark: 50 }), 'Address', { workers: 0, chunkBytes: 100 }), expected);
});

function fileOf(text) {
  const file = join(mkdtempSync(join(tmpdir(), 'ndjson-parallel-')), 'in.ndjson');
  writeFileSync(file, text);
  return file;
}

test('bad arguments reject with clear errors', async () => {
  await assert.rejects(validateNdjsonParallel(TEXT, 'Nope'), /unknown schema "Nope"/);
  await assert.rejects(validateNdjsonParallel(TEXT, 42), /schema must be a string/);
  await assert.rejects(validateNdjsonParallel(TEXT, 'Address', { workers: -1 }), /options.workers must be an integer of at least 0/);
  await assert.rejects(validateNdjsonParallel(TEXT, 'Address', { workers: 1.5 }), /options.workers/);
  await assert.rejects(validateNdjsonParallel(TEXT, 'Address', { chunkBytes: 0 }), /options.chunkBytes/);
  await assert.rejects(validateNdjsonParallel(TEXT, 'Address', { maxInvalidLines: -1 }), /maxInvalidLines/);
  await assert.rejects(validateNdjsonParallel(42, 'Address'), /needs a string, a Uint8Array/);
  await assert.rejects(validateNdjsonParallel([1, 2], 'Address'), /chunks must be strings/);
});

test('when no worker can start (the package bundled without ndjson-worker.cjs), the work is done here', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndjson-parallel-'));
  for (const f of readdirSync(pkg).filter((f) => /^node.*\.cjs$|^wasm-bytes\.cjs$/.test(f))) copyFileSync(join(pkg, f), join(dir, f));
  const bundled = createRequire(join(dir, 'x.cjs'))('./node.cjs');
  const got = await bundled.validateNdjsonParallel(TEXT, 'Address', { workers: 2, chunkBytes: 700, maxInvalidLines: 9 });
  assert.deepEqual(got, validateNdjson(TEXT, 'Address', { maxInvalidLines: 9 }));
});

test('the chunks do go to worker threads', async () => {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads');
  const post = Worker.prototype.postMessage;
  const workers = new Set();
  let chunks = 0;
  Worker.prototype.postMessage = function (m, ...rest) {
    workers.add(this);
    chunks += 1;
    return post.call(this, m, ...rest);
  };
  try {
    const got = await validateNdjsonParallel(TEXT, 'Address', { workers: 3, chunkBytes: 2000 });
    assert.deepEqual(got, validateNdjson(TEXT, 'Address'));
  } finally {
    Worker.prototype.postMessage = post;
  }
  assert.equal(workers.size, 3);
  assert.ok(chunks >= TEXT.length / 2000 / 2, `${chunks} chunks`);
});

test('a pattern replaced with setPattern holds in the workers too', async () => {
  const options = { workers: 2, chunkBytes: 1500 };
  const before = await validateNdjsonParallel(TEXT, 'Address', options);
  setPattern('POSTCODE', '[A-Z0-9]+');
  try {
    const expected = validateNdjson(TEXT, 'Address');
    assert.notDeepEqual(expected, before);
    assert.deepEqual(await validateNdjsonParallel(TEXT, 'Address', options), expected);
  } finally {
    resetPattern('POSTCODE');
  }
  assert.deepEqual(await validateNdjsonParallel(TEXT, 'Address', options), before);
});
