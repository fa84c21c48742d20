// A server component: the check runs in Node on each request (next start), its result is in
// the HTML.
import * as eb from 'elevate-billing';
import { check } from '../check.mjs';

export const dynamic = 'force-dynamic';

export default async function Page() {
  const result = await check(eb);
  return <pre id="env-result">{JSON.stringify(result)}</pre>;
}
