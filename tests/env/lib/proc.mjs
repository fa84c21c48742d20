// @ts-check
// Child processes for the harness: one-shot commands with a time limit, long-running servers
// that are ready when their output says so, and the result line a case prints. Every child
// gets its own process group, so a timeout or a stop ends the tools it spawned too.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * @typedef {{ code: number | null, signal: string | null, stdout: string, stderr: string, ms: number, timedOut: boolean }} Outcome
 * @typedef {{ cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} RunOptions
 */

/**
 * Ends the child's process group: the child and whatever it left running (build workers,
 * servers), even after the child itself has exited.
 * @param {import('node:child_process').ChildProcess} child
 */
function killGroup(child) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Children still running, ended if the harness itself is interrupted. */
const live = new Set();
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(sig, () => {
    for (const c of live) killGroup(c);
    process.exit(130);
  });
}

/**
 * Runs a command to completion (or until `timeoutMs`), capturing its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions} opts
 * @returns {Promise<Outcome>}
 */
export function run(cmd, args, { cwd, env = process.env, timeoutMs = 120_000 }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    const done = (/** @type {number | null} */ code, /** @type {string | null} */ signal) => {
      clearTimeout(timer);
      live.delete(child);
      // A tool may leave children behind (servers, workers): end the group either way.
      killGroup(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    };
    child.on('error', (e) => {
      stderr += `\n${e.message}`;
      done(null, null);
    });
    child.on('close', done);
  });
}

/**
 * @typedef {{ output: () => string, exited: () => boolean, closed: Promise<unknown>, stop: () => Promise<void>, ready: Promise<{ ok: boolean, ms: number }> }} Server
 */

/**
 * Starts a long-running command; `ready` resolves `{ ok: true }` once its output matches
 * `readyWhen`, `{ ok: false }` if it exits or `timeoutMs` passes first.
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions & { readyWhen: RegExp }} opts
 * @returns {Server}
 */
export function start(cmd, args, { cwd, env = process.env, timeoutMs = 60_000, readyWhen }) {
  const started = Date.now();
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  /** @type {(v: { ok: boolean, ms: number }) => void} */
  let settle = () => {};
  const ready = new Promise((resolve) => (settle = resolve));
  const settled = (/** @type {boolean} */ ok) => settle({ ok, ms: Date.now() - started });
  const timer = setTimeout(() => settled(false), timeoutMs);
  const onData = (/** @type {Buffer} */ d) => {
    out += d;
    if (readyWhen.test(out)) {
      clearTimeout(timer);
      settled(true);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.on('error', (e) => (out += `\n${e.message}`));
  child.on('exit', () => {
    exited = true;
    live.delete(child);
    clearTimeout(timer);
    settled(false);
  });
  return {
    output: () => out,
    exited: () => exited,
    closed,
    ready,
    stop: async () => {
      killGroup(child);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
      live.delete(child);
    },
  };
}

/** A free TCP port on 127.0.0.1 (free when asked; the servers here start right after). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const MARK = 'ENV-RESULT ';

/**
 * The last result line a case printed (check.mjs's `checkAndReport`), wherever it sits in a
 * line: test runners indent and prefix console output.
 * @param {string} text
 * @returns {{ ok: boolean, details: Record<string, any> } | null}
 */
export function resultIn(text) {
  const lines = text.split('\n').filter((l) => l.includes(MARK));
  for (const line of lines.reverse()) {
    try {
      const r = JSON.parse(line.slice(line.indexOf(MARK) + MARK.length).trim());
      if (r && typeof r.ok === 'boolean') return r;
    } catch {
      // Not ours (or cut): keep looking.
    }
  }
  return null;
}

// Terminal colour codes some tools print even when asked not to.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** @param {string} text @param {number} [n] the last `n` non-empty lines, without colour codes */
export function tail(text, n = 15) {
  return text.replace(ANSI, '').split('\n').filter((l) => l.trim()).slice(-n).join('\n');
}

/** Lines that name a cause (a missing file, a missing global, a refused permission…). */
const CAUSE = /\b(ENOENT|EACCES|NotCapable|ReferenceError|TypeError|SyntaxError|RangeError|Uncaught|Module not found|Could not resolve|Cannot find)\b/;
/** Lines that only say that something failed. */
const FAILURE = /^(Uncaught )?\w*Error\b|\bError: |\berror\b|✘|failed to|could not/i;

/**
 * The line that best says why a tool failed: the first that names a cause, else the first
 * that names an error, else the last.
 * @param {string} text
 */
export function firstError(text) {
  const lines = text.replace(ANSI, '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const hit = lines.find((l) => CAUSE.test(l)) ?? lines.find((l) => FAILURE.test(l)) ?? lines.at(-1) ?? '(no output)';
  return hit.length > 400 ? `${hit.slice(0, 400)}…` : hit;
}
