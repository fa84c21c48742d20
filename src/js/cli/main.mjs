#!/usr/bin/env node
// `npx elevate-billing <command>`: the package's command line (Node >= 20). Each command is a
// module with HELP and run(args) → exit status; usage errors exit 2 with a one-line message.

import { UsageError } from './common.mjs';

const COMMANDS = {
  validate: () => import('./validate.mjs'),
  import: () => import('./import.mjs'),
  mock: () => import('./mock.mjs'),
};

const HELP = `Usage: elevate-billing <command> [options]

Commands:
  validate FILE... --schema NAME   validate NDJSON, JSON arrays and CSV with the server's rules
  import FILE --resource NAME      validate, then create every record (bounded concurrency,
                                   Retry-After honoured, results file for --resume)
  mock [--port 4010]               run a mock of the Elevate API for tests

elevate-billing <command> --help   the options of one command`;

async function main(argv) {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    // Without a command it is a usage error: the help goes to stderr.
    (command === undefined ? console.error : console.log)(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    const { createRequire } = await import('node:module');
    console.log(createRequire(import.meta.url)('../package.json').version);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${Object.keys(COMMANDS).join(', ')}`);
  return (await load()).run(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`elevate-billing: ${e.message}`);
    console.error('Run with --help for the options.');
    process.exitCode = 2;
  } else {
    console.error(`elevate-billing: ${e?.stack ?? e}`);
    process.exitCode = 1;
  }
}
