// Lists of the mock: filters in the documented mini-language (api-facts §1.5, decisions R11),
// sort, fields and paging. Queries reach here only after `validateQuery` accepted them, so
// this reads them without re-checking their syntax.

const PAGING = new Set(['page', 'pageSize', 'sort', 'fields']);

/** `like:` patterns: `%` any run, `_` one character, case-insensitive (not documented; the common SQL reading). */
function likeRegex(pattern) {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'is');
}

const today = () => new Date().toISOString().slice(0, 10);

/** Does `record` pass the filter `name=expr`? Values compare as text (ids, dates and date-times compare right that way). */
function matches(record, name, expr) {
  // `activeSites` is no field: "excludes sites ended before today" (api-facts §3.1).
  if (name === 'activeSites') {
    const active = record.endDate == null || record.endDate >= today();
    return expr === 'true' ? active : !active;
  }
  const v = record[name];
  const s = v === undefined || v === null ? null : String(v);
  const [, op, arg] = /^(in|like|lt|gt|gtn):(.*)$/s.exec(expr) ?? [null, null, expr];
  switch (op) {
    case 'in':
      return s !== null && arg.split(',').includes(s);
    case 'like':
      return s !== null && likeRegex(arg).test(s);
    case 'lt':
      return s !== null && s < arg;
    case 'gt':
      return s !== null && s > arg;
    case 'gtn': // not defined by the docs; read as "greater than, or null" (api-facts §9 #9)
      return s === null || s > arg;
    default:
      return s === expr;
  }
}

/** The records passing every filter of `query` (a plain object of strings). */
export function filterRecords(records, query) {
  const filters = Object.entries(query).filter(([k]) => !PAGING.has(k));
  return records.filter((r) => filters.every(([k, v]) => matches(r, k, v)));
}

/** Records sorted by `sort` (`name:desc,id`), stably; absent values sort first. */
export function sortRecords(records, sort) {
  const keys = sort
    .split(',')
    .filter(Boolean)
    .map((k) => {
      const [field, dir] = k.split(':');
      return { field, sign: dir === 'desc' ? -1 : 1 };
    });
  const rank = (v) => (v === undefined || v === null ? 0 : 1);
  return [...records].sort((a, b) => {
    for (const { field, sign } of keys) {
      const [x, y] = [a[field], b[field]];
      if (rank(x) !== rank(y)) return (rank(x) - rank(y)) * sign;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}

/** Only the fields named by `fields` (`id,name`); with `nullOthers`, every other field of `all` is null (GET by id, api-facts §1.4). */
export function project(record, fields, all = [], nullOthers = false) {
  if (!fields) return record;
  const wanted = fields.split(',').filter(Boolean);
  const out = {};
  if (nullOthers) for (const f of all) out[f] = null;
  for (const f of wanted) if (f in record) out[f] = record[f];
  return out;
}

/** One page: `page` from 1, `pageSize` records. */
export function pageOf(records, page, pageSize) {
  return records.slice((page - 1) * pageSize, page * pageSize);
}
