// @ts-check
// RFC 6902 application with the semantics of the Rust `json-patch` crate (5.x, `patch_unsafe`)
// that src/validate/patch.rs applies: the same successes, the same failure kind for each
// failing operation, and the same document left behind (a failed `move` has already removed its
// value, RFC 6902 §4.4).
//
// Written here rather than taken from npm: fast-json-patch and rfc6902 patch the object they
// are given (fast-json-patch also refuses `__proto__` members), and none of them,
// immutable-json-patch included, reports the crate's failure kinds (which operation, `path` or
// `from`, and what the document held), lets the size bound run before each operation, or can
// keep IndexMap's member order (a removed member's place goes to the last one), which decides
// the order of the patched document's issues. With json-doc.js it is ~250 lines of code, and it
// only reaches a browser bundle that imports validatePatch.
//
// Pointers reach here checked (stage 1 of validatePatch: `path` and `from` are RFC 6901
// pointers), so they are "" or start with `/`, and `~` is always followed by 0 or 1.

import { arrayIndex, clone, decode, equal, lookup, Obj } from './json-doc.js';

/**
 * @typedef {{ op: string, path: string, from: string, value: unknown }} Operation
 *   one operation, its value already a document value (json-doc.js)
 * @typedef {{ root: unknown }} Doc  the document, boxed (`add` at "" replaces it)
 * @typedef {null | 'test' | 'from' | 'path' | 'inside'} Outcome
 *   null when it applied, else the crate's PatchErrorKind: TestFailed, InvalidFromPointer,
 *   InvalidPointer, CannotMoveInsideItself
 */

/**
 * The json-patch crate's index of an insertion (`Index::for_len_incl`): `-` is the end; digits
 * without a leading zero up to the length; -1 otherwise.
 * @param {string} t the encoded token
 * @param {number} length
 */
function insertionIndex(t, length) {
  if (t === '-') return length;
  return arrayIndex(t, length + 1);
}

/**
 * @param {Doc} doc
 * @param {string} path
 * @param {unknown} value
 * @returns {boolean}
 */
function add(doc, path, value) {
  const cut = path.lastIndexOf('/');
  if (cut < 0) {
    doc.root = value;
    return true;
  }
  const parent = lookup(doc.root, path.slice(0, cut));
  const last = path.slice(cut + 1);
  if (parent instanceof Obj) {
    parent.set(decode(last), value);
    return true;
  }
  if (Array.isArray(parent)) {
    const i = insertionIndex(last, parent.length);
    if (i < 0) return false;
    parent.splice(i, 0, value);
    return true;
  }
  return false;
}

/**
 * The removed value, or undefined when there is none (`-` names no item here).
 * @param {Doc} doc
 * @param {string} path
 * @returns {unknown}
 */
function remove(doc, path) {
  const cut = path.lastIndexOf('/');
  if (cut < 0) return undefined;
  const parent = lookup(doc.root, path.slice(0, cut));
  const last = path.slice(cut + 1);
  if (parent instanceof Obj) return parent.remove(decode(last));
  if (Array.isArray(parent)) {
    const i = arrayIndex(last, parent.length);
    return i < 0 ? undefined : parent.splice(i, 1)[0];
  }
  return undefined;
}

/**
 * @param {Doc} doc
 * @param {string} path
 * @param {unknown} value
 */
function replace(doc, path, value) {
  if (lookup(doc.root, path) === undefined) return false;
  const cut = path.lastIndexOf('/');
  if (cut < 0) {
    doc.root = value;
    return true;
  }
  const parent = lookup(doc.root, path.slice(0, cut));
  const last = decode(path.slice(cut + 1));
  if (parent instanceof Obj) parent.set(last, value);
  else /** @type {unknown[]} */ (parent)[Number(last)] = value;
  return true;
}

/**
 * True when `path` lies strictly inside `from` (jsonptr's `starts_with` at a token boundary).
 * @param {string} path
 * @param {string} from
 */
function inside(path, from) {
  return path.length !== from.length && path.startsWith(from) && path.charCodeAt(from.length) === 47;
}

/**
 * Applies one operation to `doc` in place.
 * @param {Doc} doc
 * @param {Operation} o
 * @returns {Outcome}
 */
export function apply(doc, o) {
  switch (o.op) {
    case 'add':
      return add(doc, o.path, o.value) ? null : 'path';
    case 'remove':
      return remove(doc, o.path) === undefined ? 'path' : null;
    case 'replace':
      return replace(doc, o.path, o.value) ? null : 'path';
    case 'move': {
      if (inside(o.path, o.from)) return 'inside';
      const v = remove(doc, o.from);
      if (v === undefined) return 'from';
      return add(doc, o.path, v) ? null : 'path';
    }
    case 'copy': {
      const v = lookup(doc.root, o.from);
      if (v === undefined) return 'from';
      return add(doc, o.path, clone(v)) ? null : 'path';
    }
    default: {
      const v = lookup(doc.root, o.path);
      if (v === undefined) return 'path';
      return equal(v, o.value) ? null : 'test';
    }
  }
}

/**
 * Why `pointer` names no usable location in `doc` (patch.rs `diagnose`): for an insertion
 * (`intoParent`) its parent, else the value itself (RFC 6901 §4, RFC 6902 §4).
 * @param {unknown} doc
 * @param {string} pointer
 * @param {boolean} intoParent
 * @returns {'missing' | 'index' | 'notContainer' | 'root'}
 */
export function diagnose(doc, pointer, intoParent) {
  if (pointer === '') return 'root';
  if (pointer.charCodeAt(0) !== 47) return 'missing';
  const tokens = pointer.slice(1).split('/').map(decode);
  const walk = intoParent ? tokens.slice(0, -1) : tokens;
  let cur = doc;
  for (const t of walk) {
    if (cur instanceof Obj) {
      cur = cur.get(t);
      if (cur === undefined) return 'missing';
    } else if (Array.isArray(cur)) {
      const i = arrayIndex(t, cur.length);
      if (i < 0) return 'index';
      cur = cur[i];
    } else return 'notContainer';
  }
  if (Array.isArray(cur) && intoParent) return 'index';
  if (cur instanceof Obj || Array.isArray(cur)) return 'missing';
  return intoParent ? 'notContainer' : 'missing';
}
