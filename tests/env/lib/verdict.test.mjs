import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, exitCode, staleEntries, summary } from './verdict.mjs';
import { resultIn, firstError } from './proc.mjs';

test('a listed failure is XFAIL, a listed pass is XPASS, and only FAIL and XPASS fail the run', () => {
  assert.equal(classify(true, undefined), 'PASS');
  assert.equal(classify(false, undefined), 'FAIL');
  assert.equal(classify(false, 'ENOENT'), 'XFAIL');
  assert.equal(classify(true, 'ENOENT'), 'XPASS');
  assert.equal(exitCode(['PASS', 'XFAIL']), 0);
  assert.equal(exitCode(['PASS', 'XFAIL', 'FAIL']), 1);
  assert.equal(exitCode(['PASS', 'XPASS']), 1);
});

test('stale entries are the ones of a case that ran but name none of its results', () => {
  const expected = { 'next-turbopack/route-handler': 'x', 'next-turbopack/gone': 'x', 'deno': 'x' };
  assert.deepEqual(staleEntries(expected, ['next-turbopack/route-handler'], ['next-turbopack']), ['next-turbopack/gone']);
});

test('the result line is found in prefixed and indented output, the last one wins, junk is skipped', () => {
  const out = 'noise\n    ENV-RESULT {"ok":false,"details":{}}\nstdout | x > ENV-RESULT {"ok":true,"details":{"failures":[]}}\nENV-RESULT {cut';
  assert.deepEqual(resultIn(out), { ok: true, details: { failures: [] } });
  assert.equal(resultIn('ENV-RESULT {"nope":1}'), null);
  assert.equal(resultIn(''), null);
});

test('a failure is summarised by its error, else by the check failures', () => {
  assert.equal(summary({ error: 'boom', failures: ['a'] }), 'boom');
  assert.equal(summary({ failures: ['a', 'b', 'c'] }), 'a (+2 more)');
  assert.equal(summary({ failures: ['a'] }), 'a');
});

test('the line naming a cause wins over one that only says something failed', () => {
  assert.equal(firstError('building\n\u001b[31m✘ [ERROR]\u001b[0m Could not resolve "x"\ndone'), '✘ [ERROR] Could not resolve "x"');
  const next = 'Error: Failed to collect configuration for /\n    at x\n  [cause]: Error: ENOENT: no such file or directory, open \'/a.wasm\'';
  assert.equal(firstError(next), "[cause]: Error: ENOENT: no such file or directory, open '/a.wasm'");
  assert.equal(firstError('all fine\nlast words'), 'last words');
});
