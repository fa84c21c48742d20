// ajv standalone: the same validator (allErrors) generated ahead of time from the package's
// exported JSON Schema (bench/peers.mjs writes validate-site.cjs with ajv/dist/standalone).
import validate from './validate-site.cjs';

export function check(site) {
  const valid = validate(site);
  return { valid, issues: valid ? [] : validate.errors.map((e) => ({ path: e.instancePath, message: e.message })) };
}
