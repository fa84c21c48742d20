import * as eb from 'elevate-billing';
import { check } from './check.mjs';

check(eb).then(
  (result) => postMessage(result),
  (e) => postMessage({ ok: false, details: { failures: [`check threw ${e}`] } }),
);
