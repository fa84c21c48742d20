// `elevate-billing validate FILE… --schema NAME`: validates NDJSON, JSON arrays and CSV with
// the server's rules, prints one line per issue and a summary, optionally writes a report.

import { writeFile } from 'node:fs/promises';
import { schemaNames } from 'elevate-billing';
import { Progress, UsageError, csvCell, formatOf, integerOption, issueLine, parse } from './common.mjs';
import { validateFile } from './records.mjs';

export const HELP = `Usage: elevate-billing validate FILE... --schema NAME [options]

Validates every record of each file against a request-body schema, with the server's own
rules, and prints one line per issue: file:line, the CSV column (or JSON Pointer), the message.

Formats, by extension: .ndjson/.jsonl (one JSON record per line), .json (an array of
records), .csv (a header row naming fields, by dotted path such as siteAddress.postcode or
siteContacts.0.contactName, or by JSON Pointer such as /siteAddress/postcode).

Options:
  --schema NAME        schema of each record: Site, Customer, Address… (required)
  --format FORMAT      ndjson, json or csv, for every file (instead of the extension)
  --delimiter CHAR     CSV cell separator (default ",")
  --report FILE        also write every issue to FILE: .ndjson, .json or .csv
  --workers N          worker threads for NDJSON files of 8 MiB or more (default: one per
                       core; 0 validates on the main thread)
  --quiet              print only the summary (no issue lines)
  -h, --help           this help

A progress line (records, rate, ETA) is shown while stderr is a terminal.
Exit status: 0 every record valid, 1 some record invalid, 2 usage error (unknown schema or
column, unreadable file, bad option).`;

const REPORT_COLUMNS = ['file', 'record', 'line', 'column', 'path', 'code', 'message'];

/** Every issue as a flat row of the report. */
function reportRows(file, invalidRecords) {
  const rows = [];
  for (const r of invalidRecords) {
    for (const e of r.errors) {
      rows.push({ file, record: r.record, line: r.line, column: e.column ?? null, path: e.path, code: e.code, message: e.message, params: e.params });
    }
  }
  return rows;
}

/** Writes the report in the format its extension names. */
export async function writeReport(path, rows) {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  let text;
  if (ext === 'ndjson' || ext === 'jsonl') text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  else if (ext === 'json') text = `${JSON.stringify(rows, null, 2)}\n`;
  else if (ext === 'csv') text = [REPORT_COLUMNS.join(','), ...rows.map((r) => REPORT_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
  else throw new UsageError(`--report must end in .ndjson, .json or .csv: ${path}`);
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new UsageError(`cannot write the report ${path}: ${e.message}`);
  }
}

/** Checks a schema name against the package's list. */
export function checkSchema(name) {
  if (!name) throw new UsageError('--schema is required (e.g. --schema Site)');
  const names = schemaNames();
  if (!names.includes(name)) throw new UsageError(`unknown schema ${JSON.stringify(name)}; the schemas are ${names.join(', ')}`);
}

export async function run(args) {
  const { values, positionals } = parse(args, {
    schema: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    report: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one FILE to validate');
  checkSchema(values.schema);
  if (values.report && !/\.(ndjson|jsonl|json|csv)$/i.test(values.report)) throw new UsageError(`--report must end in .ndjson, .json or .csv: ${values.report}`);
  const formats = positionals.map((f) => formatOf(f, values.format));
  const workers = integerOption('workers', values.workers, 0, 256);

  const rows = [];
  const totals = { records: 0, valid: 0, invalid: 0 };
  for (const [i, file] of positionals.entries()) {
    const progress = new Progress(file);
    let report;
    try {
      report = await validateFile(file, formats[i], values.schema, {
        delimiter: values.delimiter,
        workers,
        progress: (count, done, total) => {
          progress.total = total;
          progress.update(count, done);
        },
      });
    } finally {
      progress.done();
    }
    if (!values.quiet) {
      for (const r of report.invalidRecords) for (const e of r.errors) console.log(issueLine(file, r, e));
    }
    console.log(`${file}: ${report.records} records, ${report.valid} valid, ${report.invalid} invalid`);
    for (const k of Object.keys(totals)) totals[k] += report[k];
    rows.push(...reportRows(file, report.invalidRecords));
  }
  if (positionals.length > 1) console.log(`total: ${totals.records} records, ${totals.valid} valid, ${totals.invalid} invalid`);
  if (values.report) {
    await writeReport(values.report, rows);
    console.log(`report: ${rows.length} issues written to ${values.report}`);
  }
  return totals.invalid > 0 ? 1 : 0;
}
