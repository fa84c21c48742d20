// @ts-check
// Sizes in UTF-8 bytes, as the Rust side measures strings (`str::len`): a lone surrogate counts
// as the U+FFFD it becomes on the way into WebAssembly (3 bytes).

/**
 * The UTF-8 length of `s`, without encoding it.
 * @param {string} s
 */
export function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}
