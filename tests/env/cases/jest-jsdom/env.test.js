// CommonJS, as Jest runs test files without extra set-up.
const eb = require('elevate-billing');
const { checkAndReport } = require('./check.cjs');

test('elevate-billing under Jest (jsdom environment)', async () => {
  const result = await checkAndReport(eb);
  expect(result.details.failures).toEqual([]);
});
