// valibot with the hand-written schemas of bench/valibot-schemas.mjs.
import { safeParse } from 'valibot';
import countries from './countries.json';
import { schemas } from './valibot-schemas.mjs';

const { Site } = schemas(countries);

export function check(site) {
  const r = safeParse(Site, site);
  return {
    valid: r.success,
    issues: r.success ? [] : r.issues.map((i) => ({ path: `/${(i.path ?? []).map((p) => p.key).join('/')}`, message: i.message })),
  };
}
