// The check runs inside the request (Workers forbid I/O and timers at global scope).
import * as eb from 'elevate-billing';
import { check } from './check.mjs';

export default {
  async fetch() {
    return Response.json(await check(eb));
  },
};
