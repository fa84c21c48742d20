// @ts-check
// describeField: what a form needs to know about one field before anyone types (required,
// type, limits, allowed values, pattern, format, the rules that constrain it), generated from
// the model (src/validate/describe.rs, written into gen/describe.js). Its own module, so an app
// that never calls it does not ship the descriptions.

import { DESCRIPTIONS } from './gen/describe.js';
import { resolvePointer } from './resolve.js';
import { SLOTS } from './runtime.js';

/**
 * The description of the field `pointer` names in `schema` (`/siteContacts/0/contactRole`):
 * a fresh object the caller may keep or change.
 * @param {unknown} schema
 * @param {unknown} pointer
 */
export function describeField(schema, pointer) {
  const { entry } = resolvePointer(schema, pointer, 'describeField');
  const d = JSON.parse(JSON.stringify(/** @type {Record<string, any>} */ (DESCRIPTIONS)[entry[3]]));
  if (d.pattern) {
    // The source in force (setPattern replaces it).
    const slot = SLOTS.find((s) => s.name === d.pattern.name);
    if (slot) d.pattern.source = slot.source;
  }
  return { pointer, ...d };
}
