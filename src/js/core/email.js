// @ts-check
// What is wrong with an e-mail address the R4 expression rejected (decisions R4): the twin of
// src/rules/email.rs, which documents the reasons. Only the diagnosis lives here; the verdict
// is the pattern's.

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]$/;
const DOMAIN = /^[A-Za-z0-9.-]$/;

/**
 * Why `s` is not an address of R4's grammar, read left to right; null for a quoted local part
 * or an IP literal, or when nothing is found.
 * @param {string} s
 * @returns {{ reason: string, character?: string, index?: number } | null}
 */
export function diagnoseEmail(s) {
  if (s.charCodeAt(0) === 34) return null;
  const at = s.indexOf('@');
  if (at < 0) return { reason: 'noAt' };
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local === '') return { reason: 'emptyLocal' };
  const bad = firstOutside(s, 0, at, LOCAL);
  if (bad) return { reason: 'localCharacter', ...bad };
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return { reason: 'localDot' };
  if (domain === '') return { reason: 'emptyDomain' };
  if (domain.startsWith('[')) return null;
  const badDomain = firstOutside(s, at + 1, s.length, DOMAIN);
  if (badDomain) return { reason: 'domainCharacter', ...badDomain };
  if (!domain.includes('.')) return { reason: 'domainDot' };
  const labels = domain.split('.');
  if (labels.some((l) => l === '')) return { reason: 'domainLabel' };
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return { reason: 'domainHyphen' };
  return null;
}

/**
 * The first character of `s[from..to]` that `allowed` does not match, with its UTF-16 index
 * (a surrogate pair is one character; a lone surrogate is U+FFFD, as the engine reads it).
 * @param {string} s
 * @param {number} from
 * @param {number} to
 * @param {RegExp} allowed
 */
function firstOutside(s, from, to, allowed) {
  for (let i = from; i < to; i++) {
    const cp = /** @type {number} */ (s.codePointAt(i));
    const ch = String.fromCodePoint(cp);
    if (!allowed.test(ch)) {
      const lone = cp >= 0xd800 && cp <= 0xdfff;
      return { character: lone ? '\uFFFD' : ch, index: i };
    }
    if (cp > 0xffff) i++;
  }
  return null;
}
