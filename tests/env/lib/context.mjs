// @ts-check
// What a kind of case gets to run with (see kinds/): its working directory, the tools, the
// environment every child process gets, and a timer for its phases.

import { join } from 'node:path';

/**
 * @typedef {string[]} Cmd a command: a tool in the tools' node_modules/.bin, or `node`
 * @typedef {{ name: string, ok: boolean, details: Record<string, any> }} PartResult
 *   one verdict; `name` is the case's, or `case/part` for cases with several
 * @typedef {object} CaseDef
 * @property {string} name
 * @property {string} fixture directory under tests/env/cases/
 * @property {string} proves one line: what passing means
 * @property {'process' | 'page' | 'dev-server' | 'workerd' | 'next' | 'typescript'} kind
 * @property {Cmd[]} [build] run in order before anything else; a failure fails the case
 * @property {Cmd} [run] process: the command whose output holds the result
 * @property {string} [serve] page: the directory served (relative to the case)
 * @property {{ part?: string, path: string, headers?: Record<string, string> }[]} [pages] page, dev-server
 * @property {Cmd} [server] dev-server: the command, `{port}` replaced by a free port
 * @property {RegExp} [readyWhen] dev-server: output that says the server is up
 * @property {string[]} [nextBuild] next: extra arguments of `next build`
 * @property {number} [timeoutMs] for each command (default 120 s; builds 300 s)
 */

/**
 * @typedef {object} CaseContext
 * @property {string} dir the case's working copy
 * @property {string} toolsDir
 * @property {NodeJS.ProcessEnv} env
 * @property {(cmd: Cmd) => [string, string[]]} resolve the executable and arguments of `cmd`
 * @property {<T>(phase: string, fn: () => Promise<T>) => Promise<T>} time records a phase's duration
 * @property {Record<string, number>} phases ms per phase
 */

/**
 * @param {{ dir: string, toolsDir: string, env: NodeJS.ProcessEnv }} opts
 * @returns {CaseContext}
 */
export function caseContext({ dir, toolsDir, env }) {
  /** @type {Record<string, number>} */
  const phases = {};
  return {
    dir,
    toolsDir,
    env,
    phases,
    resolve: ([tool, ...args]) => [tool === 'node' ? process.execPath : join(toolsDir, 'node_modules', '.bin', tool), args],
    time: async (phase, fn) => {
      const started = Date.now();
      try {
        return await fn();
      } finally {
        phases[phase] = (phases[phase] ?? 0) + Date.now() - started;
      }
    },
  };
}

/**
 * The environment every tool runs in: telemetry, update checks and prompts off (the machine
 * reaches package registries only), colours off, caches inside the tools directory.
 * @param {string} toolsDir
 * @returns {NodeJS.ProcessEnv}
 */
export function childEnv(toolsDir) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return {
    ...env,
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    DO_NOT_TRACK: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: join(toolsDir, 'logs', 'wrangler'),
    DENO_DIR: join(toolsDir, 'deno-dir'),
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
    BROWSERSLIST_IGNORE_OLD_DATA: '1',
  };
}
