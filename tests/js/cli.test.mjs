// The command line (`npx elevate-billing …`, pkg/cli/main.mjs) as a user runs it: spawned
// processes on real files, against the package's mock on loopback. Exit codes, the issue
// lines and reports, imports with their results file, resuming after a stop (graceful and
// hard), Retry-After honoured, and no token in any output.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from '../../pkg/mock/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'pkg', 'cli', 'main.mjs');
const dir = mkdtempSync(join(tmpdir(), 'elevate-cli-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Runs the CLI; resolves to { status, signal, stdout, stderr } (never rejects). */
function run(args, { env = {}, onStdout } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, child }));
    run.last = child;
  });
}

const HEADER = 'customerId,siteName,siteReference,startDate,siteAddress.address1,siteAddress.town,siteAddress.postcode,siteAddress.country,siteContacts.0.contactName,siteContacts.0.contactRole,siteContacts.0.contactTelephoneNumber';
const row = (n, patch = {}) => {
  const cells = { customerId: 1, siteName: `Branch ${n}`, siteReference: `BR-${n}`, startDate: '2024-06-01', a1: '2 Low Road', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB', name: 'Ann Lee', role: 'ACCOUNTS', phone: '020 7946 0001', ...patch };
  return Object.values(cells).map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : c)).join(',');
};
const sitesCsv = (n, bad = {}) => [HEADER, ...Array.from({ length: n }, (_, i) => row(i + 1, bad[i + 1]))].join('\r\n');

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());

const posts = () => mock.requests.filter((r) => r.method === 'POST');
const created = (prefix = 'BR-') => mock.records('sites').filter((s) => s.siteReference.startsWith(prefix));

test('--help for the command line and each command; usage errors exit 2', async () => {
  const top = await run(['--help']);
  assert.equal(top.status, 0);
  for (const c of ['validate FILE...', 'import FILE', 'mock [--port 4010]']) assert.ok(top.stdout.includes(c), c);
  for (const [command, words] of [['validate', ['--schema NAME', '--report FILE', 'Exit status: 0']], ['import', ['--resume FILE', '--concurrency N', '429, or 503', 'never printed']], ['mock', ['--seed FILE', '/__mock/fault']]]) {
    const r = await run([command, '--help']);
    assert.equal(r.status, 0, command);
    for (const w of words) assert.ok(r.stdout.includes(w), `${command} --help: ${w}`);
  }
  for (const args of [[], ['nope'], ['validate', '--nope'], ['validate', 'x.csv'], ['import', 'x.csv']]) {
    const r = await run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.ok(r.stderr.length > 0, 'says why on stderr');
  }
});

test('validate: a CSV with bad rows: each issue with file:line and column, exit 1; all valid: exit 0', async () => {
  const bad = file('bad.csv', sitesCsv(4, { 2: { country: 'UK' }, 4: { phone: '+44 20 7946 0001', customerId: 'x' } }));
  const r = await run(['validate', bad, '--schema', 'Site']);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1).map((l) => l.replace(bad, 'bad.csv').replace(/^(.*?): (.*?): .* \((\w+)\)$/, '$1: $2 ($3)')), [
    'bad.csv:3: siteAddress.country (countryCode)',
    'bad.csv:5: customerId (type)',
    'bad.csv:5: siteContacts.0.contactTelephoneNumber (pattern)',
  ]);
  assert.match(lines.at(-1), /bad\.csv: 4 records, 2 valid, 2 invalid$/);
  assert.equal(r.stderr, '', 'no progress line when stderr is not a terminal');
  const good = file('good.csv', sitesCsv(3));
  const ok = await run(['validate', good, '--schema', 'Site']);
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /3 records, 3 valid, 0 invalid/);
  // NDJSON and JSON arrays too, several files at once, with a total; --quiet prints the summaries only.
  const site = { customerId: 1, siteName: 'A', siteReference: 'A-1', startDate: '2024-01-01', siteAddress: { address1: 'x', town: 'y', postcode: 'LS1 1AA', country: 'GB' }, siteContacts: [{ contactName: 'n', contactRole: 'ACCOUNTS' }] };
  const nd = file('sites.ndjson', `${JSON.stringify(site)}\n\n${JSON.stringify({ ...site, startDate: '2024-02-30' })}\n{oops\n`);
  const arr = file('sites.json', JSON.stringify([site, { ...site, siteName: '<x>' }]));
  const many = await run(['validate', nd, arr, good, '--schema', 'Site']);
  assert.equal(many.status, 1);
  assert.ok(many.stdout.includes(`${nd}:3: /startDate: `), many.stdout);
  assert.ok(many.stdout.includes(`${nd}:4: record: `), many.stdout);
  assert.ok(many.stdout.includes(`${arr} #2: /siteName: `), many.stdout);
  assert.match(many.stdout, /total: 8 records, 5 valid, 3 invalid/);
  const quiet = await run(['validate', nd, '--schema', 'Site', '--quiet']);
  assert.deepEqual(quiet.stdout.trim().split('\n'), [`${nd}: 3 records, 1 valid, 2 invalid`]);
  // --format for an extension that says nothing.
  const txt = file('sites.txt', sitesCsv(1));
  assert.equal((await run(['validate', txt, '--schema', 'Site'])).status, 2);
  assert.equal((await run(['validate', txt, '--schema', 'Site', '--format', 'csv'])).status, 0);
  const semi = file('semi.csv', sitesCsv(2).replaceAll(',', ';'));
  assert.equal((await run(['validate', semi, '--schema', 'Site', '--delimiter', ';'])).status, 0);
});

test('validate: a big NDJSON file goes to worker threads (--workers), with the same output', async () => {
  const site = { customerId: 1, siteName: 'A', siteReference: 'A-1', startDate: '2024-01-01', siteAddress: { address1: 'x', town: 'y', postcode: 'LS1 1AA', country: 'GB' }, siteContacts: [{ contactName: 'n', contactRole: 'ACCOUNTS' }] };
  const lines = [];
  // Past the 8 MiB from which the CLI uses worker threads: 24,000 lines of ~470 bytes.
  for (let i = 0; i < 24000; i++) {
    const s = { ...site, siteName: `Site ${i} ${'x'.repeat(80)}`, siteReference: `R-${i}-${'y'.repeat(80)}` };
    s.siteAddress = { ...site.siteAddress, address1: 'z'.repeat(90) };
    if (i % 1000 === 7) s.startDate = '2024-02-30';
    lines.push(i % 5000 === 9 ? '{oops' : JSON.stringify(s));
  }
  const big = file('big.ndjson', `${lines.join('\n')}\n`);
  const parallel = await run(['validate', big, '--schema', 'Site', '--workers', '2', '--report', join(dir, 'big-2.ndjson')]);
  const single = await run(['validate', big, '--schema', 'Site', '--workers', '0', '--report', join(dir, 'big-0.ndjson')]);
  assert.equal(parallel.status, 1, parallel.stderr);
  assert.equal(parallel.stdout.replace('big-2', 'big-0'), single.stdout);
  assert.match(parallel.stdout, /big\.ndjson: 24000 records, 23971 valid, 29 invalid/);
  assert.ok(parallel.stdout.includes(`${big}:23008: /startDate: `), parallel.stdout.slice(-500));
  assert.equal(readFileSync(join(dir, 'big-2.ndjson'), 'utf8'), readFileSync(join(dir, 'big-0.ndjson'), 'utf8'));
  assert.equal((await run(['validate', big, '--schema', 'Site', '--workers', 'many'])).status, 2);
});

test('validate: --report writes every issue as NDJSON, JSON or CSV', async () => {
  const bad = file('report.csv', sitesCsv(3, { 1: { country: 'UK' }, 3: { siteName: 'Quote "q", comma' } }));
  for (const ext of ['ndjson', 'json', 'csv']) {
    const out = join(dir, `issues.${ext}`);
    const r = await run(['validate', bad, '--schema', 'Site', '--report', out]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`report: 2 issues written to ${out.replace(/[.]/g, '\\.')}`));
    const text = readFileSync(out, 'utf8');
    const rows = ext === 'ndjson' ? text.trim().split('\n').map((l) => JSON.parse(l)) : ext === 'json' ? JSON.parse(text) : null;
    if (rows) {
      assert.deepEqual(rows.map((x) => [x.record, x.line, x.column, x.path, x.code]), [
        [1, 2, 'siteAddress.country', '/siteAddress/country', 'countryCode'],
        [3, 4, 'siteName', '/siteName', 'pattern'],
      ]);
      assert.deepEqual(rows[0].params, { actual: 'UK', suggestion: 'GB' });
    } else {
      const [head, first, second] = text.split('\r\n');
      assert.equal(head, 'file,record,line,column,path,code,message');
      assert.ok(first.startsWith(`${bad},1,2,siteAddress.country,/siteAddress/country,countryCode,`), first);
      assert.ok(second.includes(',3,4,siteName,/siteName,pattern,'), second);
    }
  }
  assert.equal((await run(['validate', bad, '--schema', 'Site', '--report', join(dir, 'x.txt')])).status, 2);
});

test('validate: unknown schema, unknown column, unreadable or malformed files are usage errors (exit 2)', async () => {
  const good = file('ok.csv', sitesCsv(1));
  for (const [args, message] of [
    [['validate', good, '--schema', 'Nope'], /unknown schema "Nope"; the schemas are Customer, Site/],
    [['validate', good], /--schema is required/],
    [['validate', file('col.csv', 'siteName,siteNmae\nA,B\n'), '--schema', 'Site'], /CSV header column 2 \("siteNmae"\): not a field of Site/],
    [['validate', join(dir, 'missing.csv'), '--schema', 'Site'], /cannot read .*missing\.csv: no such file/],
    [['validate', dir, '--schema', 'Site', '--format', 'csv'], /it is a directory/],
    [['validate', file('notjson.json', '{oops'), '--schema', 'Site'], /is not JSON/],
    [['validate', file('object.json', '{}'), '--schema', 'Site'], /is not a JSON array/],
  ]) {
    const r = await run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('validate: a progress line with records, rate and ETA on a terminal', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a pseudo-terminal' }, () => {
  const big = file('big.csv', sitesCsv(3000));
  const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI} validate ${big} --schema Site`, '/dev/null'], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /\r[^\r\n]*big\.csv {2}[\d,]+ records {2}[\d,]+\/s {2}\d+%/);
  assert.match(r.stdout, /3000 records, 3000 valid, 0 invalid/);
});

test('import: an invalid record stops everything before a request; --dry-run sends nothing', async () => {
  mock.reset();
  const bad = file('import-bad.csv', sitesCsv(5, { 4: { postcode: 'LS1_1AA!' } }));
  const r = await run(['import', bad, '--resource', 'sites', '--base-url', mock.url], { env: { ELEVATE_TOKEN: 'tok-dry-123456' } });
  assert.equal(r.status, 1);
  assert.ok(r.stdout.includes(`${bad}:5: siteAddress.postcode: `), r.stdout);
  assert.match(r.stdout, /1 invalid: nothing was sent/);
  assert.equal(mock.requests.length, 0);
  assert.equal(existsSync(`${bad}.results.ndjson`), false);
  const good = file('import-dry.csv', sitesCsv(5));
  const dry = await run(['import', good, '--resource', 'sites', '--dry-run']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /5 records valid; would create 5 sites\. Dry run: nothing sent\./);
  assert.equal(mock.requests.length, 0);
});

test('import: creates every record with bounded concurrency and records outcomes and ids', async () => {
  mock.reset();
  const csv = file('import-ok.csv', sitesCsv(12));
  const r = await run(['import', csv, '--resource', 'sites', '--base-url', `${mock.url}/v1`, '--concurrency', '3'], { env: { ELEVATE_TOKEN: 'tok-ok-1234567' } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /12 records: 12 created, 0 rejected, 0 uncertain\. Results in .*import-ok\.csv\.results\.ndjson/);
  assert.equal(created().length, 12);
  const results = readFileSync(`${csv}.results.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(Object.keys(results[0]).sort(), ['input', 'records', 'resource', 'startedAt', 'type']);
  const done = results.filter((x) => x.status === 'created');
  assert.deepEqual(done.map((x) => x.record).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1));
  for (const x of done) assert.equal(mock.records('sites').find((s) => s.id === x.id).siteReference, `BR-${x.record}`);
  // Refuses to overwrite the results of an earlier run.
  const again = await run(['import', csv, '--resource', 'sites', '--base-url', mock.url], { env: { ELEVATE_TOKEN: 'tok-ok-1234567' } });
  assert.equal(again.status, 2);
  assert.match(again.stderr, /exists: pass --resume/);
  // Usage errors.
  for (const [args, env, message] of [
    [['import', csv, '--resource', 'sites', '--results', join(dir, 'r1.ndjson')], {}, /no token: set ELEVATE_TOKEN or pass --token-file/],
    [['import', csv, '--resource', 'nope', '--dry-run'], {}, /cannot be created; the resources with a create are customers, sites/],
    [['import', csv, '--resource', 'usageRates', '--dry-run'], {}, /cannot be created/],
    [['import', csv, '--resource', 'sites', '--concurrency', '65', '--dry-run'], {}, /--concurrency must be an integer from 1 to 64/],
    [['import', csv, '--resource', 'sites', '--results', join(dir, 'r2.ndjson'), '--token-file', join(dir, 'none')], {}, /cannot read --token-file/],
    [['import', csv, '--resource', 'sites', '--resume', join(dir, 'none.ndjson')], { ELEVATE_TOKEN: 'x' }, /cannot read the results file/],
  ]) {
    const u = await run(args, { env });
    assert.equal(u.status, 2, `${args.join(' ')}: ${u.stderr}`);
    assert.match(u.stderr, message);
  }
});

test('import: Retry-After is honoured; 409 is rejected, a 503 without Retry-After is uncertain; a rerun retries only the rejected', async () => {
  mock.reset();
  mock.fault('/v1/sites', { status: 429, retryAfter: 1 }, { method: 'POST' });
  const csv = file('import-retry.csv', sitesCsv(3));
  const r = await run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--concurrency', '1'], { env: { ELEVATE_TOKEN: 'tok-retry-123456' } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const [first, second] = posts();
  assert.equal(first.body.siteReference, second.body.siteReference, 'the same record sent again');
  assert.ok(second.at - first.at >= 990, `waited ${second.at - first.at} ms for Retry-After: 1`);
  assert.equal(created().length, 3, 'created once each');

  mock.reset();
  mock.fault('/v1/sites', { status: 503 }, { method: 'POST' });
  const seeded = file('import-mixed.csv', sitesCsv(3, { 2: { siteReference: 'S-1' } }));
  const m = await run(['import', seeded, '--resource', 'sites', '--base-url', mock.url, '--concurrency', '1'], { env: { ELEVATE_TOKEN: 'tok-retry-123456' } });
  assert.equal(m.status, 1);
  assert.match(m.stdout, /import-mixed\.csv:2: uncertain \(HTTP 503\)/);
  assert.match(m.stdout, /import-mixed\.csv:3: rejected \(HTTP 409\): .*siteReference "S-1" already exists/);
  assert.match(m.stdout, /3 records: 1 created, 1 rejected, 1 uncertain/);
  assert.equal(posts().length, 3, 'the 503 was not retried');
  // The rerun sends the rejected record again (it fails again: it exists), never the uncertain one.
  const resume = await run(['import', seeded, '--resource', 'sites', '--base-url', mock.url, '--resume', `${seeded}.results.ndjson`], { env: { ELEVATE_TOKEN: 'tok-retry-123456' } });
  assert.equal(resume.status, 1);
  assert.match(resume.stdout, /import-mixed\.csv:2: not sent: its earlier outcome is unknown/);
  assert.match(resume.stdout, /3 records: 0 created, 1 rejected, 1 uncertain, 1 skipped \(created before\)/);
  assert.deepEqual(posts().slice(3).map((p) => p.body.siteReference), ['S-1']);
  // --retry-uncertain sends it.
  const sure = await run(['import', seeded, '--resource', 'sites', '--base-url', mock.url, '--resume', `${seeded}.results.ndjson`, '--retry-uncertain'], { env: { ELEVATE_TOKEN: 'tok-retry-123456' } });
  assert.match(sure.stdout, /3 records: 1 created, 1 rejected, 0 uncertain, 1 skipped/);
  assert.deepEqual(created().map((s) => s.siteReference).sort(), ['BR-1', 'BR-3']);
});

test('import: stopped with Ctrl-C, it finishes what is in flight; --resume creates the rest, each record once', async () => {
  mock.reset();
  mock.fault('/v1/sites', { delayMs: 150 }, { method: 'POST', times: 100 });
  const csv = file('import-stop.csv', sitesCsv(20));
  const env = { ELEVATE_TOKEN: 'tok-stop-1234567' };
  const pending = run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--concurrency', '2'], { env });
  const child = run.last;
  while (created().length < 4) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGINT');
  const r = await pending;
  assert.equal(r.status, 130, r.stdout + r.stderr);
  assert.match(r.stderr, /stopping: waiting for the records in flight/);
  assert.match(r.stdout, /not started\. Results in/);
  const first = created().length;
  assert.ok(first >= 4 && first < 20, `created before the stop: ${first}`);
  const lines = readFileSync(`${csv}.results.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const sending = lines.filter((x) => x.status === 'sending').length;
  assert.equal(lines.filter((x) => x.status === 'created').length, sending, 'every record sent has its outcome');
  const resumed = await run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--resume', `${csv}.results.ndjson`], { env });
  assert.equal(resumed.status, 0, resumed.stdout + resumed.stderr);
  assert.match(resumed.stdout, new RegExp(`20 records: ${20 - first} created, 0 rejected, 0 uncertain, ${first} skipped \\(created before\\)`));
  assert.deepEqual(created().map((s) => s.siteReference).sort(), Array.from({ length: 20 }, (_, i) => `BR-${i + 1}`).sort(), 'each record exactly once');
});

test('import: killed outright, the records in flight are uncertain: --resume leaves them, --retry-uncertain sends them', async () => {
  mock.reset();
  mock.fault('/v1/sites', { delayMs: 300 }, { method: 'POST', times: 100 });
  const csv = file('import-kill.csv', sitesCsv(10));
  const env = { ELEVATE_TOKEN: 'tok-kill-1234567' };
  const pending = run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--concurrency', '2'], { env });
  const child = run.last;
  while (created().length < 2) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await pending;
  const lines = readFileSync(`${csv}.results.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const last = new Map(lines.filter((x) => x.record).map((x) => [x.record, x.status]));
  const unknown = [...last.values()].filter((v) => v === 'sending').length;
  assert.ok(unknown >= 1, 'records were in flight when it was killed');
  const resumed = await run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--resume', `${csv}.results.ndjson`], { env });
  assert.equal(resumed.status, 1, 'uncertain records remain');
  assert.equal(resumed.stdout.match(/not sent: its earlier outcome is unknown/g).length, unknown);
  assert.match(resumed.stdout, new RegExp(`, ${unknown} uncertain[,.]`));
  // After checking (here: they are not there), the user sends them.
  const sure = await run(['import', csv, '--resource', 'sites', '--base-url', mock.url, '--resume', `${csv}.results.ndjson`, '--retry-uncertain'], { env });
  assert.match(sure.stdout, /10 records: /);
  const refs = created().map((s) => s.siteReference);
  assert.deepEqual(refs.sort(), Array.from({ length: 10 }, (_, i) => `BR-${i + 1}`).sort(), 'every record, each once');
});

test('import: the token never appears in any output, short or long, from the environment or a file', async () => {
  for (const [token, how] of [['Xk2Qz', 'file'], ['eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig-123', 'env']]) {
    mock.reset();
    // The server echoes it, in its body and a header.
    mock.fault('/v1/sites', { status: 401, body: { message: `Bearer ${token} is not valid`, token }, headers: { 'x-echo': token } }, { method: 'POST', times: 2 });
    mock.fault('/v1/sites', { reset: true }, { method: 'POST' });
    const csv = file(`import-token-${how}.csv`, sitesCsv(4));
    const tokenFile = file('token.txt', `${token}\n`);
    const args = ['import', csv, '--resource', 'sites', '--base-url', mock.url, '--concurrency', '1', '--report', join(dir, 'token-report.json'), ...(how === 'file' ? ['--token-file', tokenFile] : [])];
    const r = await run(args, { env: how === 'env' ? { ELEVATE_TOKEN: token } : {} });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /rejected \(HTTP 401\): .*Bearer \[redacted\] is not valid/);
    assert.match(r.stdout, /uncertain: POST .* failed/);
    assert.equal(posts()[0].headers.authorization, `Bearer ${token}`, 'the token was sent');
    const outputs = { stdout: r.stdout, stderr: r.stderr, results: readFileSync(`${csv}.results.ndjson`, 'utf8') };
    for (const [where, text] of Object.entries(outputs)) assert.ok(!text.includes(token), `the token is in ${where}: ${text}`);
    const invalid = await run(['import', file('token-bad.csv', sitesCsv(1, { 1: { country: 'UK' } })), '--resource', 'sites', '--report', join(dir, 'token-report.json')], { env: { ELEVATE_TOKEN: token } });
    for (const text of [invalid.stdout, invalid.stderr, readFileSync(join(dir, 'token-report.json'), 'utf8')]) assert.ok(!text.includes(token));
  }
});

test('mock: serves its seed on the given port until Ctrl-C; a taken port or a bad seed is a usage error', async () => {
  const seed = file('seed.json', JSON.stringify({ customers: [], sites: [{ id: 41, customerId: 9, siteName: 'Seeded', siteReference: 'SD-1', startDate: '2024-01-01', siteAddress: { address1: 'a', town: 'b', postcode: 'LS1 1AA', country: 'GB' }, siteContacts: [{ contactName: 'c', contactRole: 'ACCOUNTS' }] }] }));
  let url;
  const pending = run(['mock', '--port', '0', '--seed', seed], { onStdout: (out) => (url ??= /on (http:\/\/[\d.:]+)/.exec(out)?.[1]) });
  const child = run.last;
  while (!url) await new Promise((r) => setTimeout(r, 20));
  const res = await fetch(`${url}/v1/sites?page=1&pageSize=10`, { headers: { authorization: 'Bearer anything' } });
  assert.deepEqual((await res.json()).map((s) => s.siteName), ['Seeded']);
  child.kill('SIGINT');
  const r = await pending;
  assert.equal(r.status, 0);
  assert.match(r.stdout, /baseUrl: http:\/\/127\.0\.0\.1:\d+ {3}token: any bearer token/);
  const taken = await run(['mock', '--port', String(mock.port)]);
  assert.equal(taken.status, 2);
  assert.match(taken.stderr, /port \d+ is taken/);
  const bad = await run(['mock', '--port', '0', '--seed', file('bad-seed.json', '{"nope": []}')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /the seed names no resource "nope"/);
});
