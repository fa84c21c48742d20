// elevate-billing's form entry: the JavaScript validators generated from the model.
import { validate } from 'elevate-billing/forms';

export function check(site) {
  const { valid, errors } = validate('Site', site);
  return { valid, issues: errors.map((e) => ({ path: e.path, message: e.message })) };
}
