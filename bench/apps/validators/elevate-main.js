// elevate-billing's main entry, form functions only: the bundler should leave the engine out.
import { validate } from 'elevate-billing';

export function check(site) {
  const { valid, errors } = validate('Site', site);
  return { valid, issues: errors.map((e) => ({ path: e.path, message: e.message })) };
}
