// Shared pieces of the CLI: argument parsing (node:util parseArgs), usage errors (exit 2),
// the progress line and the readable issue lines.

import { parseArgs } from 'node:util';

/** A mistake in how the command was called (or an input that cannot be read): exit code 2. */
export class UsageError extends Error {}

/**
 * An error of the package as a UsageError, without the package's "elevate-billing: " prefix
 * (the command prints its own).
 * @param {unknown} e
 */
export function asUsage(e) {
  return e instanceof UsageError ? e : new UsageError(String(/** @type {any} */ (e)?.message ?? e).replace(/^elevate-billing: /, ''));
}

/**
 * `parseArgs` with strict options, a clear UsageError for unknown or malformed options, and
 * `--help` handled by the caller.
 * @param {string[]} args
 * @param {Record<string, { type: 'string' | 'boolean', short?: string, multiple?: boolean }>} options
 */
export function parse(args, options) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A whole number from an option, within bounds. */
export function integerOption(name, text, min, max) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** The input format of a file: `--format`, else its extension. */
export function formatOf(file, format) {
  if (format !== undefined) {
    if (!['ndjson', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be ndjson, json or csv, not ${JSON.stringify(format)}`);
    return format;
  }
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'json' || ext === 'csv') return ext;
  throw new UsageError(`cannot tell the format of ${file} from its extension: use .ndjson, .jsonl, .json or .csv, or pass --format`);
}

/** A usage error for a file that cannot be read. */
export function unreadable(file, e) {
  const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[e?.code] ?? e?.message ?? String(e);
  return new UsageError(`cannot read ${file}: ${why}`);
}

/**
 * One readable line per issue: `file:line: where: message (code)`. `where` is the CSV column,
 * else the JSON Pointer, else "record" for the whole record.
 */
export function issueLine(file, { record, line }, issue) {
  const at = line ? `${file}:${line}` : `${file} #${record}`;
  const where = issue.column ?? (issue.path || 'record');
  return `${at}: ${where}: ${issue.message} (${issue.code})`;
}

/**
 * A progress line on stderr, rewritten in place at most 10 times a second: records, rate and,
 * when the total size is known, percentage and ETA. Silent unless stderr is a terminal.
 * Hand-written (a dozen lines) rather than a progress-bar package: nothing of it is needed
 * beyond one line.
 */
export class Progress {
  constructor(label, { total, unit = 'records', enabled = process.stderr.isTTY === true } = {}) {
    Object.assign(this, { label, total, unit, enabled, started: Date.now(), shown: 0, width: 0 });
  }

  /** `count` records done; `done` of `total` (bytes, or records) for the ETA. */
  update(count, done) {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.shown < 100) return;
    this.shown = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    let text = `${this.label}  ${count.toLocaleString('en')} ${this.unit}  ${Math.round(count / seconds).toLocaleString('en')}/s`;
    if (this.total > 0 && done !== undefined) {
      const share = Math.min(done / this.total, 1);
      const eta = share > 0 ? Math.round((seconds / share) * (1 - share)) : undefined;
      text += `  ${Math.floor(share * 100)}%${eta === undefined ? '' : `  ETA ${eta}s`}`;
    }
    this.width = Math.max(this.width, text.length);
    process.stderr.write(`\r${text.padEnd(this.width)}`);
  }

  /** Clears the line. */
  done() {
    if (this.enabled && this.width) process.stderr.write(`\r${' '.repeat(this.width)}\r`);
    this.width = 0;
  }
}

/** RFC 4180 cell: quoted when it holds a quote, comma or line end (a few lines, so no CSV package). */
export function csvCell(v) {
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
