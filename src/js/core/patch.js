// @ts-check
// validatePatch: a JSON Patch body judged the way the server must judge it, in plain
// JavaScript: the twin of src/validate/patch.rs (`validate_patch`), which
// tests/js/patch-differential.test.mjs holds it to, issue for issue and document for document.
//
// One result, three stages, each only when the one before found nothing:
// 1. the operations against the `JsonPatch` schema (the generated validators): issues at
//    `/<index>/…` of the patch;
// 2. RFC 6902 application to a copy of `current` (rfc6902.js, the json-patch crate's
//    semantics): the first operation that cannot apply is one issue at `/<index>/path` or
//    `/<index>/from` (RFC 6902 §5: processing stops there);
// 3. the patched document against the resource's schema: issues at their paths in it, and
//    `document` holds it.
// Each argument is read once, as JSON.stringify would (snapshot.js); nothing passed is changed.
// The patched document is bounded in size and depth before each operation runs, so `copy`
// cannot double it without end.

import { LIMITS } from './gen/tables.js';
import { fieldLabel, render } from './message.js';
import { describeArg, root } from './resolve.js';
import { measure, lookup, Obj, toPlain } from './json-doc.js';
import { apply, diagnose } from './rfc6902.js';
import { Ctx, guarded, readRoot, usageError } from './runtime.js';
import { readDocument, snapshot, toDocument } from './snapshot.js';
import { utf8Length } from './utf8.js';
import { readOptions, result } from './validate.js';

/**
 * @typedef {import('./validate.js').Issue} Issue
 * @typedef {{ valid: boolean, errors: Issue[], document?: unknown, truncated?: true }} PatchResult
 *   `document`, the patched document, is present exactly when every operation applied; then
 *   the paths of `errors` point into it, otherwise into the patch
 * @typedef {import('./rfc6902.js').Operation} Operation
 */

/**
 * Checks the JSON Patch `ops` for a resource of schema `schema` whose current state is
 * `current` (as `GET` returned it): the operations' shape, then RFC 6902 application on a
 * copy, then the patched document against the schema. Throws only for a wrong argument, an
 * unknown schema, bad options, a value that cannot be read, or a patch that would grow the
 * document past the limits.
 * @param {unknown} schema
 * @param {unknown} current
 * @param {unknown} ops
 * @param {unknown} [options]
 * @returns {PatchResult}
 */
export function validatePatch(schema, current, ops, options) {
  if (typeof schema !== 'string') {
    throw usageError(`validatePatch: the schema name must be a string such as 'Site', not ${describeArg(schema)}`, TypeError);
  }
  // The order of the WebAssembly path: options, both arguments read whole, then the name.
  const o = readOptions(options, 'validatePatch');
  const doc = { root: readDocument(current, 'current') };
  const patch = snapshot(ops, 'ops');
  const entry = root(schema, 'validatePatch');

  const shape = judge(root('JsonPatch', 'validatePatch'), patch, o);
  if (!shape.valid) return shape;

  const items = /** @type {Record<string, unknown>[]} */ (patch);
  const bounds = Bounds.of(doc.root);
  for (let i = 0; i < items.length; i++) {
    const op = operation(items[i]);
    bounds.admit(op, doc.root);
    const outcome = apply(doc, op);
    if (outcome !== null) return { valid: false, errors: [failure(i, op, outcome, doc.root)] };
  }

  const { plain, view } = toPlain(doc.root);
  const report = judge(entry, view, o);
  /** @type {PatchResult} */
  const out = { valid: report.valid, errors: report.errors, document: plain };
  if (report.truncated) out.truncated = true;
  return out;
}

/**
 * `value` against `entry`, as `validate` judges it.
 * @param {import('./resolve.js').Entry} entry
 * @param {unknown} value
 * @param {import('./validate.js').Options} o
 */
function judge(entry, value, o) {
  const c = new Ctx(o.abortEarly, o.unknown, o.maxIssues);
  guarded(() => {
    const r = readRoot(value);
    if ('foreign' in r) c.e(null, 0, 'type', { expected: entry[4], actual: r.foreign });
    else entry[0](r.value, c, null, 0, false);
  });
  return result(c);
}

/**
 * An operation of a patch stage 1 found well formed (what the crate deserialises).
 * @param {Record<string, unknown>} item
 * @returns {Operation}
 */
function operation(item) {
  return {
    op: /** @type {string} */ (item.op),
    path: /** @type {string} */ (item.path),
    from: typeof item.from === 'string' ? item.from : '',
    value: toDocument(item.value === undefined ? null : item.value),
  };
}

/** @param {string} what @param {number} limit */
function tooLarge(what, limit) {
  return usageError(`${what} exceeds the limit of ${limit}`);
}

/** @param {string} p the number of tokens of pointer `p` */
function tokens(p) {
  let n = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 47) n++;
  return n;
}

/**
 * Upper bounds of the patched document's size, text and depth, grown cheaply per operation and
 * measured exactly only when they pass a limit, always before the operation runs (patch.rs
 * `Bounds`, with its limits: MAX_DOCUMENT_VALUES, MAX_DOCUMENT_BYTES and MAX_DOCUMENT_DEPTH).
 */
class Bounds {
  /** @param {number} values @param {number} bytes @param {number} depth */
  constructor(values, bytes, depth) {
    this.values = values;
    this.bytes = bytes;
    this.depth = depth;
  }

  /** @param {unknown} doc */
  static of(doc) {
    const b = new Bounds(...measure(doc));
    b.check();
    return b;
  }

  /** The Error for the first limit these bounds pass, or null. */
  excess() {
    if (this.values > LIMITS.maxPatchedValues) {
      return tooLarge("the patched document's number of values", LIMITS.maxPatchedValues);
    }
    if (this.bytes > LIMITS.maxPatchedBytes) return tooLarge("the patched document's text (bytes)", LIMITS.maxPatchedBytes);
    if (this.depth > LIMITS.maxPatchedDepth) return tooLarge("the patched document's nesting depth", LIMITS.maxPatchedDepth);
    return null;
  }

  check() {
    const e = this.excess();
    if (e !== null) throw e;
  }

  /**
   * Admits `op` if the document stays within the limits after it; the bounds never shrink
   * (remove, replace), so they are measured again before refusing.
   * @param {Operation} op
   * @param {unknown} doc
   */
  admit(op, doc) {
    let grown = this.grown(op, doc);
    if (grown.excess() !== null) {
      grown = Bounds.of(doc).grown(op, doc);
      grown.check();
    }
    this.values = grown.values;
    this.bytes = grown.bytes;
    this.depth = grown.depth;
  }

  /**
   * The bounds after `op`: its value, or the copied or moved value, placed below as many
   * containers as its `path` has tokens (the member name it may add is not counted).
   * @param {Operation} op
   * @param {unknown} doc
   */
  grown(op, doc) {
    let values = 0;
    let bytes = 0;
    let depth = 0;
    switch (op.op) {
      case 'add':
      case 'replace':
        [values, bytes, depth] = measure(op.value);
        depth += tokens(op.path);
        break;
      case 'copy': {
        const source = lookup(doc, op.from);
        if (source !== undefined) [values, bytes, depth] = measure(source);
        depth += tokens(op.path);
        break;
      }
      case 'move':
        // A moved value keeps its size; its depth is at most what lies below `from`.
        depth = Math.max(0, this.depth + tokens(op.path) - tokens(op.from));
        break;
    }
    return new Bounds(this.values + values, this.bytes + bytes, Math.max(this.depth, depth));
  }
}

/**
 * The issue for operation `index` that could not apply; `doc` is the document as that
 * operation left it (for `move`, after its removal: RFC 6902 §4.4).
 * @param {number} index
 * @param {Operation} op
 * @param {Exclude<import('./rfc6902.js').Outcome, null>} outcome
 * @param {unknown} doc
 * @returns {Issue}
 */
function failure(index, op, outcome, doc) {
  /** @type {string} */
  let member;
  /** @type {Record<string, unknown>} */
  let params;
  if (outcome === 'test') {
    member = 'path';
    params = { pointer: op.path };
    const actual = quotable(lookup(doc, op.path));
    if (actual !== undefined) params.actual = actual;
    return issue(`/${index}/${member}`, 'patchTest', params);
  }
  if (outcome === 'from') {
    member = 'from';
    params = { op: op.op, pointer: op.from, reason: diagnose(doc, op.from, false) };
  } else if (outcome === 'inside') {
    member = 'path';
    params = { op: op.op, pointer: op.path, reason: 'inside' };
  } else {
    // The value goes into `path`'s parent for add, move and copy (RFC 6902 §4.1).
    const into = op.op === 'add' || op.op === 'move' || op.op === 'copy';
    member = 'path';
    params = { op: op.op, pointer: op.path, reason: diagnose(doc, op.path, into) };
  }
  return issue(`/${index}/${member}`, 'patchTarget', params);
}

/**
 * A `test`'s actual value as the issue quotes it: a scalar, a string only when short.
 * @param {unknown} v
 */
function quotable(v) {
  if (v instanceof Obj || Array.isArray(v)) return undefined;
  if (typeof v === 'string' && utf8Length(v) > LIMITS.maxQuotedBytes) return undefined;
  return v;
}

/**
 * @param {string} path
 * @param {string} code
 * @param {Record<string, unknown>} params
 * @returns {Issue}
 */
function issue(path, code, params) {
  return { path, code, params, message: render(path, code, params, fieldLabel(path)) };
}
