// zod 4 with the hand-written schemas of bench/zod-schemas.mjs.
import countries from './countries.json';
import { schemas } from './zod-schemas.mjs';

const { Site } = schemas(countries);

export function check(site) {
  const r = Site.safeParse(site);
  return { valid: r.success, issues: r.success ? [] : r.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })) };
}
