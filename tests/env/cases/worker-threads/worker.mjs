import { parentPort } from 'node:worker_threads';
import * as eb from 'elevate-billing';
import { check } from './check.mjs';

parentPort.postMessage(await check(eb));
