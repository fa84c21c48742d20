// examples/onboard-customer.mjs runs the integration guide's flow end to end against the mock
// server it starts (no ELEVATE_* variables). Run after `npm run build`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the onboarding example completes every step of the guide', () => {
  const env = { ...process.env };
  delete env.ELEVATE_BASE_URL;
  delete env.ELEVATE_TOKEN;
  delete env.ELEVATE_VALIDATE;
  const r = spawnSync(process.execPath, [join(root, 'examples', 'onboard-customer.mjs')], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  const steps = r.stdout.split('\n').filter((l) => /^\d\. /.test(l)).map((l) => l.slice(0, 2));
  assert.deepEqual(steps, ['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
  assert.match(r.stdout, /3\. created usage inventory \d+ with references 02079460001, 02079460002/);
  assert.match(r.stdout, /5\. added reference 02079460003 \(the inventory now has 3 references\)/);
  assert.match(r.stdout, /6\. updated reference \d+: label "Reception"/);
  assert.match(r.stdout, /Done: customer \d+ has 2 sites, ready to bill\./);
  assert.doesNotMatch(r.stdout + r.stderr, /demo-token/, 'the token is never printed');
});
