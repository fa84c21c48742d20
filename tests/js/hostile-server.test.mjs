// The client against a hostile server on loopback (issue 11): bodies that are huge, endless or
// trickled, tokens echoed back in every shape and length, connections reset, redirects to
// another origin; and custom fetch functions that ignore the signal or wrap init. The client must
// answer with a typed error in bounded time and wasm memory, show the token nowhere, never
// re-send a body to another origin, and never send the token there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { inspect } from 'node:util';
import * as eb from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';

const MiB = 1 << 20;

/** A server on 127.0.0.1 whose answers `handler` writes; it records every request. */
async function serve(handler) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(r);
    }),
  };
}

/** A random token of `n` characters of the b64token alphabet. */
function token(n) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/';
  let t = '';
  for (let i = 0; i < n; i++) t += alphabet[Math.floor(Math.random() * alphabet.length)];
  return t;
}

/** Every rendering of an error a log could show. */
function renderings(e) {
  return {
    message: e.message,
    stack: String(e.stack),
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: 10 }),
    body: String(JSON.stringify(e.body)),
    serverMessage: String(e.serverMessage),
    headers: String(JSON.stringify(e.headers)),
    string: String(e),
  };
}

test('the token is redacted wherever the server echoes it, whatever its length, in every field and rendering', async () => {
  const server = await serve((req, res) => {
    const bearer = String(req.headers.authorization ?? '');
    const t = bearer.replace(/^Bearer /, '');
    if (req.url.includes('text')) {
      res.writeHead(403, { 'content-type': 'text/plain', 'x-echo': `token=${t}` });
      res.end(`Forbidden: ${bearer} rejected (token=${t}; path /${t}/; end ${t}.)`);
      return;
    }
    res.writeHead(401, { 'content-type': 'application/json', 'x-echo': `token=${t}`, 'www-authenticate': `Bearer error="${t}"` });
    res.end(JSON.stringify({ message: `invalid token=${t}.`, echo: [bearer, `/${t}/`, `${t}.`], [t]: { token: t }, errors: [{ field: t, message: `token=${t}` }] }));
  });
  try {
    const lengths = [1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 32, 64, 300];
    // Random tokens, and short ones that occur in the error's own member names and values
    // ("sa" in "message", "api" its type, "GET" its method): the error keeps its shape.
    const tokens = [...lengths.map(token), 'sa', 'api', 'ype', 'GET', 'kind', 'url'];
    for (const t of tokens) {
      const n = t.length;
      for (const [how, tokenOption] of [['string', t], ['provider', async () => t]]) {
        const client = new eb.ElevateClient({ baseUrl: server.url, token: tokenOption, retries: 0 });
        for (const call of [() => client.sites.get(1), () => client.sites.list({ page: 1, pageSize: 1, siteName: 'text' })]) {
          const e = await call().then(() => assert.fail('an error'), (x) => x);
          assert.ok(e instanceof eb.ElevateApiError, String(e));
          assert.ok([401, 403].includes(e.status) && ['unauthorized', 'forbidden'].includes(e.kind) && e.method === 'GET', `${t}: ${e.status} ${e.kind} ${e.method}`);
          for (const [where, text] of Object.entries(renderings(e))) {
            assert.ok(!text.includes(`token=${t}`), `${how} token of ${n}: ${where}: ${text.slice(0, 300)}`);
            if (n >= 6) assert.ok(!text.includes(t), `${how} token of ${n}: ${where} shows it`);
          }
          assert.match(e.message, /\[redacted\]/, `${how}, ${n}: the message says something was left out`);
        }
      }
    }
    // A custom fetch whose error quotes the token: a network error, redacted too.
    const t = token(7);
    const client = new eb.ElevateClient({ token: t, retries: 0, fetch: async () => Promise.reject(new TypeError(`refused token=${t}`)) });
    const e = await client.sites.get(1).then(() => assert.fail('an error'), (x) => x);
    assert.ok(e instanceof eb.ElevateNetworkError);
    for (const text of Object.values(renderings(e))) assert.ok(!text.includes(t), text);
  } finally {
    await server.close();
  }
});

test('a body nested deeper than the engine reads is a TypeError saying so, and nothing is sent', async () => {
  let sent = 0;
  const client = new eb.ElevateClient({ token: 'tok-1234', validate: false, fetch: async () => (sent++, new Response('{}')) });
  let deep = {};
  for (let i = 0; i < 200; i++) deep = { a: deep };
  await assert.rejects(client.sites.create(deep), { name: 'TypeError', message: /sites.create: the body is nested more than 128 levels deep/ });
  let deeper = {};
  for (let i = 0; i < 300; i++) deeper = { a: deeper };
  await assert.rejects(client.sites.create(deeper), { name: 'TypeError', message: /sites.create: the body: cannot validate ".*": it is nested more than 256 levels deep/ });
  assert.equal(sent, 0);
});

test('a baseUrl with user:password@ is refused, and the password appears in no message', () => {
  for (const baseUrl of ['https://user:s3cr3t@api.test', 'http://s3cr3t@127.0.0.1:9/v1', 'https://user:s3cr3t@api.test/ x']) {
    assert.throws(() => new eb.ElevateClient({ baseUrl, token: 'tok-1234' }), (e) => e instanceof TypeError && /credentials/.test(e.message) && !String(e.stack).includes('s3cr3t'));
    assert.throws(() => new eb.ElevateClient({ baseUrls: { customer: baseUrl }, token: 'tok-1234' }), (e) => e instanceof TypeError && !e.message.includes('s3cr3t'));
  }
});

test('huge, endless and trickled bodies: read with a cap in JavaScript, never held in wasm memory, and timed out', async () => {
  const server = await serve((req, res) => {
    if (req.url === '/v1/sites/2') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * MiB) });
      res.end();
      return;
    }
    if (req.url.includes('trickle')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    // Chunked, no Content-Length, 100 MiB unless the client stops reading.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(MiB, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 100 * MiB && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    pump();
  });
  try {
    const client = new eb.ElevateClient({ baseUrl: server.url, token: 'tok-1234', retries: 0, timeoutMs: 60_000 });
    const before = eb.__memoryBytes();
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => client.sites.get(1)));
    for (const o of outcomes) {
      assert.equal(o.status, 'rejected');
      assert.equal(o.reason.kind, 'invalidResponse', o.reason.message);
      assert.match(o.reason.message, /larger than 33554432 bytes/);
    }
    const grown = eb.__memoryBytes() - before;
    console.log(`40 concurrent chunked 100 MiB responses: ${Date.now() - started} ms, wasm memory +${(grown / MiB).toFixed(1)} MiB`);
    assert.ok(grown <= 64 * MiB, `wasm memory grew ${grown} bytes (once 1.27 GiB)`);
    const declared = await client.sites.get(2).then(() => null, (e) => e);
    assert.match(declared.message, /larger than/);
    const slow = new eb.ElevateClient({ baseUrl: server.url, token: 'tok-1234', retries: 0, timeoutMs: 400 });
    const t0 = Date.now();
    const trickled = await slow.sites.list({ page: 1, pageSize: 1, siteName: 'trickle' }).then(() => null, (e) => e);
    assert.ok(trickled instanceof eb.ElevateTimeoutError, String(trickled));
    assert.ok(Date.now() - t0 < 5000, 'the timeout covers the body too');
  } finally {
    await server.close();
  }
});

test('resets: reads are retried, writes are not', async () => {
  const server = await serve((req, res) => res.socket.destroy());
  try {
    const client = new eb.ElevateClient({ baseUrl: server.url, token: 'tok-1234', retries: 1, validate: false });
    const read = await client.sites.get(1).then(() => null, (e) => e);
    assert.ok(read instanceof eb.ElevateNetworkError, String(read));
    assert.equal(read.attempts, 2);
    const write = await client.sites.create({}).then(() => null, (e) => e);
    assert.ok(write instanceof eb.ElevateNetworkError, String(write));
    assert.equal(write.attempts, 1);
    // Every connection died before an answer: the read was sent twice, the write once.
    assert.deepEqual(server.requests.map((r) => r.method), ['GET', 'GET', 'POST']);
  } finally {
    await server.close();
  }
});

test('a redirect to another origin never carries the body or the token there', async () => {
  const other = await serve((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.method === 'GET' ? '{"id":1}' : '{}');
  });
  const origin = await serve((req, res) => {
    if (req.url.startsWith('/v1/sites/2')) {
      res.writeHead(302, { location: `${origin.url}/v1/sites/1` }); // same origin
    } else {
      res.writeHead(307, { location: `${other.url}${req.url}` });
    }
    res.end();
  });
  try {
    const client = new eb.ElevateClient({ baseUrl: origin.url, token: 'tok-secret-123', retries: 0 });
    const site = structuredClone(FIXTURES.Site);
    const created = await client.sites.create(site).then(() => null, (e) => e);
    assert.ok(created instanceof eb.ElevateApiError, String(created));
    assert.equal(created.status, 307);
    assert.equal(created.headers.location, `${other.url}/v1/sites`);
    const patched = await client.sites.update(1, [{ op: 'replace', path: '/siteName', value: 'North' }]).then(() => null, (e) => e);
    assert.equal(patched.status, 307);
    assert.deepEqual(other.requests.filter((r) => r.method !== 'GET'), [], 'no body went to the other origin');
    // A read follows the redirect, without the token (fetch drops Authorization across origins).
    assert.deepEqual(await client.sites.get(1), { id: 1 });
    const followed = other.requests.find((r) => r.method === 'GET');
    assert.equal(followed.headers.authorization, undefined, 'the token did not go to the other origin');
    // Within the origin it does.
    await client.sites.get(2).catch(() => null);
    const same = origin.requests.filter((r) => r.url === '/v1/sites/1');
    assert.ok(same.length >= 1 && same.every((r) => r.headers.authorization === 'Bearer tok-secret-123'));
  } finally {
    await origin.close();
    await other.close();
  }
});

test('a custom fetch is called as fetch(url, init): the usual wrapper keeps Authorization, and one that ignores the signal still times out', async () => {
  const server = await serve((req, res) => {
    if (req.url.includes('hang')) return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  try {
    const wrapped = new eb.ElevateClient({
      baseUrl: server.url,
      token: 'tok-1234',
      fetch: (url, init = {}) => fetch(url, { ...init, headers: { ...init.headers, 'X-Tenant': 'a' } }),
    });
    await wrapped.sites.list({ page: 1, pageSize: 1 });
    const seen = server.requests.at(-1);
    assert.equal(seen.headers.authorization, 'Bearer tok-1234');
    assert.equal(seen.headers['x-tenant'], 'a');
    // A fetch that drops the signal: the client's timeout and the caller's signal still end it.
    const deaf = (url, init = {}) => fetch(url, { ...init, signal: undefined });
    const client = new eb.ElevateClient({ baseUrl: server.url, token: 'tok-1234', fetch: deaf, timeoutMs: 300, retries: 0 });
    const t0 = Date.now();
    const e = await client.sites.list({ page: 1, pageSize: 1, siteName: 'hang' }).then(() => null, (x) => x);
    assert.ok(e instanceof eb.ElevateTimeoutError, String(e));
    assert.ok(Date.now() - t0 < 3000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const slow = new eb.ElevateClient({ baseUrl: server.url, token: 'tok-1234', fetch: deaf, timeoutMs: 60_000, retries: 0 });
    const aborted = await slow.sites.list({ page: 1, pageSize: 1, siteName: 'hang' }, { signal: controller.signal }).then(() => null, (x) => x);
    assert.equal(aborted?.name, 'AbortError', String(aborted));
  } finally {
    await server.close();
  }
});
