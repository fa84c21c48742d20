import { expect, test } from 'vitest';
import * as eb from 'elevate-billing';
import { checkAndReport } from './check.mjs';

test('elevate-billing under Vitest', async () => {
  const result = await checkAndReport(eb);
  expect(result.details.failures).toEqual([]);
});
