// Served under `script-src 'self'` (?strict) and `script-src 'self' 'wasm-unsafe-eval'`.
import * as eb from 'elevate-billing';
import { check, checkAndReport, checkUnderStrictCsp } from './check.mjs';

const strict = new URLSearchParams(location.search).has('strict');
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
checkAndReport(eb, async (ns) => {
  const result = await (strict ? checkUnderStrictCsp : check)(ns);
  result.details.cspViolations = violations;
  return result;
});
