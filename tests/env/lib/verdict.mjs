// @ts-check
// PASS / FAIL / XFAIL / XPASS against expected-failures.json, and what the run exits with.

/** @typedef {'PASS' | 'FAIL' | 'XFAIL' | 'XPASS'} Status */

/**
 * @param {boolean} ok
 * @param {string | undefined} expectedReason the entry in expected-failures.json, if any
 * @returns {Status}
 */
export function classify(ok, expectedReason) {
  if (expectedReason === undefined) return ok ? 'PASS' : 'FAIL';
  return ok ? 'XPASS' : 'XFAIL';
}

/** @param {Status[]} statuses @returns {0 | 1} non-zero on an unexpected failure or an unexpected pass */
export const exitCode = (statuses) => (statuses.some((s) => s === 'FAIL' || s === 'XPASS') ? 1 : 0);

/**
 * One line that says why a result failed: the harness's error, else the check's first failure.
 * @param {Record<string, any>} details
 */
export function summary(details) {
  if (typeof details.error === 'string') return details.error;
  const failures = Array.isArray(details.failures) ? details.failures : [];
  if (failures.length === 0) return '';
  return failures.length > 1 ? `${failures[0]} (+${failures.length - 1} more)` : failures[0];
}

/**
 * Entries of expected-failures.json that name no result of the cases run: stale entries.
 * @param {Record<string, string>} expected
 * @param {string[]} names every result name of the run
 * @param {string[]} ranCases the case names run (entries of other cases are not judged)
 */
export function staleEntries(expected, names, ranCases) {
  return Object.keys(expected).filter((k) => ranCases.includes(k.split('/')[0]) && !names.includes(k));
}
