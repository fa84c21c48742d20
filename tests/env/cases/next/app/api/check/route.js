// A route handler: the check's result as JSON.
import * as eb from 'elevate-billing';
import { check } from '../../../check.mjs';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await check(eb));
}
