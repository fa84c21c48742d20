// Reading input files for the CLI: NDJSON and CSV are validated as they stream (inside wasm,
// through the package's NdjsonValidator / CsvValidator), JSON arrays element by element; the
// bodies to send are read only once everything is valid (import).

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CsvValidator, NdjsonValidator, csvRecords, validate, validateNdjsonParallel } from 'elevate-billing';
import { UsageError, asUsage, unreadable } from './common.mjs';

const CHUNK = 1 << 20;
/** NDJSON files from this size on are validated by worker threads (`--workers`). */
const PARALLEL_BYTES = 8 << 20;

/** Number of `\n` in a chunk (records so far, for the progress line of NDJSON). */
function newlines(chunk) {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n += 1;
  return n;
}

/** The size of a readable regular file, or a usage error. */
async function sizeOf(file) {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (st.isDirectory()) throw unreadable(file, { code: 'EISDIR' });
  return st.size;
}

async function readJsonArray(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw unreadable(file, e);
  }
  let items;
  try {
    items = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${e.message}`);
  }
  if (!Array.isArray(items)) throw new UsageError(`${file} is not a JSON array of records (use .ndjson for one record per line)`);
  return items;
}

/**
 * Validates every record of `file`. Resolves to `{ records, valid, invalid, invalidRecords:
 * [{ record, line, errors }] }` (`record` is null for NDJSON, whose report numbers lines);
 * `progress(count, bytesOrItemsDone, total)` is called as it goes.
 */
export async function validateFile(file, format, schema, { delimiter, workers, progress = () => {} } = {}) {
  if (format === 'json') {
    const items = await readJsonArray(file);
    const out = { records: items.length, valid: 0, invalid: 0, invalidRecords: [] };
    items.forEach((item, i) => {
      const { valid, errors } = validate(schema, item);
      if (valid) out.valid += 1;
      else {
        out.invalid += 1;
        out.invalidRecords.push({ record: i + 1, line: null, errors });
      }
      if (i % 1000 === 999) progress(i + 1, i + 1, items.length);
    });
    return out;
  }
  const total = await sizeOf(file);
  if (format === 'ndjson' && total >= PARALLEL_BYTES && workers !== 0) {
    return validateNdjsonFile(file, schema, total, workers, progress);
  }
  let validator;
  try {
    // The command reports every invalid record (the library keeps the first 1000 by default).
    validator = format === 'csv'
      ? new CsvValidator(schema, { delimiter, maxInvalidRecords: Infinity })
      : new NdjsonValidator(schema, { maxInvalidLines: Infinity });
  } catch (e) {
    throw asUsage(e);
  }
  try {
    let bytes = 0;
    let lines = 0;
    try {
      for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
        validator.push(chunk);
        bytes += chunk.length;
        lines += format === 'csv' ? 0 : newlines(chunk);
        progress(format === 'csv' ? validator.progress().records : lines, bytes, total);
      }
    } catch (e) {
      throw e?.code ? unreadable(file, e) : asUsage(e);
    }
    let report;
    try {
      report = validator.finish();
    } catch (e) {
      throw asUsage(e);
    }
    if (format === 'csv') return report;
    const invalidRecords = report.invalidLines.map(({ line, errors }) => ({ record: null, line, errors }));
    return { records: report.records, valid: report.valid, invalid: report.invalid, invalidRecords };
  } finally {
    validator.free?.();
  }
}

/** A big NDJSON file, read as it streams, by worker threads (validateNdjsonParallel). */
async function validateNdjsonFile(file, schema, total, workers, progress) {
  async function* chunks() {
    let bytes = 0;
    let lines = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      bytes += chunk.length;
      lines += newlines(chunk);
      yield chunk;
      progress(lines, bytes, total);
    }
  }
  let report;
  try {
    report = await validateNdjsonParallel(chunks(), schema, workers === undefined ? {} : { workers });
  } catch (e) {
    throw e?.code ? unreadable(file, e) : asUsage(e);
  }
  const invalidRecords = report.invalidLines.map(({ line, errors }) => ({ record: null, line, errors }));
  return { records: report.records, valid: report.valid, invalid: report.invalid, invalidRecords };
}

/**
 * The bodies of a valid file: `[{ record, line, value }]`, `record` numbering the records
 * from 1 (NDJSON: non-blank lines; CSV: data rows; JSON: elements).
 */
export async function readBodies(file, format, schema, { delimiter } = {}) {
  if (format === 'json') return (await readJsonArray(file)).map((value, i) => ({ record: i + 1, line: null, value }));
  let data;
  try {
    data = await readFile(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (format === 'csv') {
    try {
      return csvRecords(data, schema, { delimiter });
    } catch (e) {
      throw asUsage(e);
    }
  }
  const out = [];
  const lines = data.toString('utf8').split('\n');
  lines.forEach((text, i) => {
    const line = text.replace(/\r$/, '');
    if (line.trim() === '') return;
    out.push({ record: out.length + 1, line: i + 1, value: JSON.parse(line) });
  });
  return out;
}
