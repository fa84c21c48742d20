// `elevate-billing import FILE --resource NAME`: validates every record first (nothing is sent
// if one is invalid), then creates them with `client.<resource>.createMany`, recording each
// record's outcome in a results file so that a rerun with --resume skips what was created.
//
// Outcomes: created (2xx; its id recorded), rejected (the server answered that it did not
// create it: a 4xx, or 503 with Retry-After; sent again on --resume), uncertain (no answer,
// a timeout, another 5xx, or the process stopped while it was in flight: the server may have
// created it, so --resume does not send it again unless --retry-uncertain says to).
// Retries are the client's: a POST is retried only after 429, or 503 with Retry-After,
// honouring Retry-After.

import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ElevateApiError, ElevateClient, ElevateNetworkError, openApiDocument } from 'elevate-billing';
import { Progress, UsageError, asUsage, formatOf, integerOption, issueLine, parse } from './common.mjs';
import { readBodies, validateFile } from './records.mjs';
import { writeReport } from './validate.mjs';

export const HELP = `Usage: elevate-billing import FILE --resource NAME [options]

Validates every record of FILE (.ndjson/.jsonl, .json array or .csv, as for validate), and
only if all are valid creates them with POST, a few at a time. Each record's outcome and
created id go to a results file (NDJSON); rerun with --resume to skip the records created.

Options:
  --resource NAME      the client's resource to create: sites, customers, usageProducts… (required)
  --base-url URL       the API's host (default $ELEVATE_BASE_URL, else https://rest.elevatebilling.com);
                       a URL ending in /v1 or /v2 is taken as its host
  --token-file FILE    read the bearer token from FILE (default: $ELEVATE_TOKEN)
  --concurrency N      requests in flight at once, 1 to 64 (default 4)
  --results FILE       where to record outcomes (default FILE.results.ndjson); refuses to
                       overwrite an existing one (use --resume)
  --resume FILE        skip the records FILE records as created, and append to it
  --retry-uncertain    with --resume, send again the records whose outcome is unknown
  --dry-run            validate and say what would be sent; send nothing (no token needed)
  --format FORMAT      ndjson, json or csv (instead of the extension)
  --delimiter CHAR     CSV cell separator (default ",")
  --report FILE        when some record is invalid, write the issues to FILE (.ndjson, .json, .csv)
  -h, --help           this help

Retries: a POST is sent again only after an answer proving nothing was created: 429, or 503
with Retry-After (waiting as long as Retry-After says, up to 60 s). Never after a timeout, a
dropped connection or another 5xx: those records are "uncertain".
Ctrl-C stops starting records and waits for those in flight; a second Ctrl-C quits at once.
The token is never printed.
Exit status: 0 every record created (now or before), 1 some record invalid, rejected or
uncertain, 2 usage error, 130 stopped by Ctrl-C.`;

/** The create endpoint's body schema of `resource`, from the package's OpenAPI document. */
function createSchema(resource) {
  const creatable = [];
  for (const item of Object.values(openApiDocument().paths)) {
    const op = item.post;
    if (!op) continue;
    const [name] = String(op.operationId).split('.');
    creatable.push(name);
    if (name === resource) {
      const ref = Object.values(op.requestBody?.content ?? {})[0]?.schema?.$ref;
      return String(ref).split('/').pop();
    }
  }
  throw new UsageError(`--resource ${JSON.stringify(resource ?? '')} cannot be created; the resources with a create are ${creatable.join(', ')}`);
}

const hashOf = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** The last entry per record of a results file. */
function readResults(path, resource) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the results file ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const last = new Map();
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      // A line cut short by a hard stop: the record it was about is uncertain at worst.
      continue;
    }
    if (entry.type === 'import' && entry.resource !== resource) {
      throw new UsageError(`${path} records an import of ${entry.resource}, not ${resource} (line ${i + 1})`);
    }
    if (Number.isInteger(entry.record)) last.set(entry.record, entry);
  }
  return last;
}

/** What an outcome means for the record (the header comment). */
function classify(outcome) {
  if (outcome.status === 'fulfilled') return { status: 'created', id: outcome.value?.id ?? null };
  const e = outcome.reason;
  const error = String(e?.message ?? e);
  if (e instanceof ElevateApiError) {
    if (e.status >= 200 && e.status < 300) return { status: 'created', id: null, note: error };
    const refused = (e.status >= 400 && e.status < 500) || (e.status === 503 && e.retryAfter !== null);
    return { status: refused ? 'rejected' : 'uncertain', httpStatus: e.status, error };
  }
  if (e instanceof ElevateNetworkError) return { status: 'uncertain', error };
  // Validation, token and argument errors: nothing was sent.
  return { status: 'rejected', error };
}

export async function run(args) {
  const { values, positionals } = parse(args, {
    resource: { type: 'string' },
    'base-url': { type: 'string' },
    'token-file': { type: 'string' },
    concurrency: { type: 'string' },
    results: { type: 'string' },
    resume: { type: 'string' },
    'retry-uncertain': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    report: { type: 'string' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('name exactly one FILE to import');
  const [file] = positionals;
  const format = formatOf(file, values.format);
  const schema = createSchema(values.resource);
  const concurrency = integerOption('concurrency', values.concurrency, 1, 64) ?? 4;
  if (values.resume && values.results && values.resume !== values.results) throw new UsageError('--resume already names the results file; drop --results');
  if (values['retry-uncertain'] && !values.resume) throw new UsageError('--retry-uncertain goes with --resume');
  const resultsPath = values.resume ?? values.results ?? `${file}.results.ndjson`;
  if (!values.resume && !values['dry-run'] && existsSync(resultsPath)) {
    throw new UsageError(`${resultsPath} exists: pass --resume ${resultsPath} to skip the records it records as created, or --results to choose another file`);
  }
  const previous = values.resume ? readResults(values.resume, values.resource) : new Map();

  let token;
  if (!values['dry-run']) {
    if (values['token-file']) {
      try {
        token = readFileSync(values['token-file'], 'utf8').trim();
      } catch (e) {
        throw new UsageError(`cannot read --token-file ${values['token-file']}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      }
      if (!token) throw new UsageError(`--token-file ${values['token-file']} is empty`);
    } else {
      token = process.env.ELEVATE_TOKEN;
      if (!token) throw new UsageError('no token: set ELEVATE_TOKEN or pass --token-file FILE (or use --dry-run)');
    }
  }
  const baseUrl = values['base-url'] ?? (process.env.ELEVATE_BASE_URL || undefined);
  let client;
  if (!values['dry-run']) {
    try {
      client = new ElevateClient({ token, ...(baseUrl ? { baseUrl } : {}) });
    } catch (e) {
      throw asUsage(e);
    }
  }

  // 1. Validate everything; send nothing if a record is invalid.
  const checking = new Progress(`${file} (validating)`);
  let report;
  try {
    report = await validateFile(file, format, schema, { delimiter: values.delimiter, progress: (n, done, total) => ((checking.total = total), checking.update(n, done)) });
  } finally {
    checking.done();
  }
  if (report.invalid > 0) {
    for (const r of report.invalidRecords) for (const e of r.errors) console.log(issueLine(file, r, e));
    console.log(`${file}: ${report.records} records, ${report.invalid} invalid: nothing was sent. Fix them and run again.`);
    if (values.report) {
      const rows = report.invalidRecords.flatMap((r) => r.errors.map((e) => ({ file, record: r.record, line: r.line, column: e.column ?? null, path: e.path, code: e.code, message: e.message, params: e.params })));
      await writeReport(values.report, rows);
    }
    return 1;
  }
  const bodies = await readBodies(file, format, schema, { delimiter: values.delimiter });

  // 2. What to send: everything not created before (per --resume).
  const todo = [];
  let skipped = 0;
  let uncertainLeft = 0;
  for (const b of bodies) {
    const hash = hashOf(b.value);
    const prev = previous.get(b.record);
    if (prev?.status === 'created') {
      if (prev.hash !== hash) {
        throw new UsageError(`${resultsPath} records record ${b.record} as created from other data: ${file} changed since; import it with a new --results file`);
      }
      skipped += 1;
    } else if ((prev?.status === 'sending' || prev?.status === 'uncertain') && !values['retry-uncertain']) {
      uncertainLeft += 1;
      console.log(`${b.line ? `${file}:${b.line}` : `${file} #${b.record}`}: not sent: its earlier outcome is unknown (it may have been created); check, then rerun with --retry-uncertain to send it`);
    } else {
      todo.push({ ...b, hash });
    }
  }
  if (values['dry-run']) {
    console.log(`${file}: ${bodies.length} records valid; would create ${todo.length} ${values.resource}${skipped ? ` (${skipped} created before)` : ''}${uncertainLeft ? `, ${uncertainLeft} uncertain left out` : ''}. Dry run: nothing sent.`);
    return 0;
  }

  // 3. Create, recording each outcome as it comes (appended at once: a hard stop loses nothing).
  const record = (entry) => appendFileSync(resultsPath, `${JSON.stringify(entry)}\n`);
  if (!values.resume) writeFileSync(resultsPath, '');
  record({ type: 'import', input: file, resource: values.resource, startedAt: new Date().toISOString(), records: bodies.length });
  let stopping = false;
  const onSigint = () => {
    if (stopping) {
      process.stderr.write('\nstopped at once: the records in flight are uncertain (see --retry-uncertain)\n');
      process.exit(130);
    }
    stopping = true;
    process.stderr.write('\nstopping: waiting for the records in flight (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const sending = new Progress(`${file} (creating)`, { total: todo.length });
  const counts = { created: 0, rejected: 0, uncertain: 0 };
  const problems = [];
  let started = 0;
  function* feed() {
    for (const b of todo) {
      if (stopping) return;
      record({ record: b.record, line: b.line, hash: b.hash, status: 'sending' });
      started += 1;
      yield b.value;
    }
  }
  try {
    await client[values.resource].createMany(feed(), {
      concurrency,
      onProgress: ({ index, outcome, done }) => {
        const b = todo[index];
        const result = classify(outcome);
        record({ record: b.record, line: b.line, hash: b.hash, ...result });
        counts[result.status] += 1;
        if (result.status !== 'created') problems.push({ b, result });
        sending.update(done, done);
      },
    });
  } finally {
    sending.done();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  for (const { b, result } of problems) {
    const at = b.line ? `${file}:${b.line}` : `${file} #${b.record}`;
    console.log(`${at}: ${result.status}${result.httpStatus ? ` (HTTP ${result.httpStatus})` : ''}: ${result.error}`);
  }
  const notStarted = todo.length - started;
  const parts = [`${counts.created} created`, `${counts.rejected} rejected`, `${counts.uncertain + uncertainLeft} uncertain`];
  if (skipped) parts.push(`${skipped} skipped (created before)`);
  if (notStarted) parts.push(`${notStarted} not started`);
  console.log(`${file}: ${bodies.length} records: ${parts.join(', ')}. Results in ${resultsPath}`);
  if (stopping) {
    console.log(`stopped: rerun with --resume ${resultsPath} to go on`);
    return 130;
  }
  return counts.rejected || counts.uncertain || uncertainLeft ? 1 : 0;
}
