// `elevate-billing mock`: the package's mock of the Elevate API (elevate-billing/mock) on
// loopback, until Ctrl-C.

import { readFileSync } from 'node:fs';
import { startMock } from 'elevate-billing/mock';
import { UsageError, integerOption, parse } from './common.mjs';

export const HELP = `Usage: elevate-billing mock [--port 4010] [--seed FILE] [options]

Runs a stateful mock of every endpoint of the Elevate API the client knows, on loopback,
until Ctrl-C. It judges requests with the package's own validators (400 with the issues),
answers 401 without a bearer token, 404 for unknown ids, 409 for a duplicate site reference
within a customer, pages and filters lists, answers HEAD exists-checks with X-Total-Count,
applies JSON Patch, and allows browser pages (CORS). Give its URL as the client's baseUrl.

Options:
  --port N             port (default 4010; 0 picks a free one)
  --host ADDRESS       interface (default 127.0.0.1)
  --seed FILE          start with these records: a JSON object of arrays by resource name,
                       e.g. {"customers": [...], "sites": [...]} (default: a few of each)
  --token-file FILE    accept only the bearer token in FILE (default: any bearer token)
  -h, --help           this help

Test controls over HTTP: POST /__mock/reset, POST /__mock/fault {path, spec, times, method},
GET /__mock/requests, GET /__mock/records/NAME (see the README, "Scripts").`;

export async function run(args) {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    'token-file': { type: 'string' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`mock takes no file (got ${positionals[0]}); use --seed FILE`);
  const port = integerOption('port', values.port, 0, 65535) ?? 4010;
  const options = { port, host: values.host ?? '127.0.0.1' };
  if (values.seed) {
    let text;
    try {
      text = readFileSync(values.seed, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --seed ${values.seed}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
    try {
      options.seed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--seed ${values.seed} is not JSON: ${e.message}`);
    }
  }
  if (values['token-file']) {
    try {
      options.token = readFileSync(values['token-file'], 'utf8').trim();
    } catch (e) {
      throw new UsageError(`cannot read --token-file ${values['token-file']}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
  }
  let mock;
  try {
    mock = await startMock(options);
  } catch (e) {
    if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} is taken: pass another --port (0 picks a free one)`);
    if (e instanceof TypeError) throw new UsageError(e.message.replace(/^elevate-billing\/mock: /, ''));
    throw e;
  }
  const apis = [...new Set(Object.values(mock.resources()).map((p) => p.split('/')[1]))].map((v) => `${mock.url}/${v}`);
  console.log(`Mock Elevate API on ${mock.url} (${apis.join(', ')})`);
  console.log(`  baseUrl: ${mock.url}   token: ${options.token ? 'the one in --token-file' : 'any bearer token'}`);
  console.log('  Ctrl-C stops it.');
  await new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  return 0;
}
