// @ts-check
// UTF-8 for the engine's glue where the platform has no TextEncoder / TextDecoder (Jest's jsdom
// environment). Written here because it is a dozen lines and the only alternative is a
// dependency that every browser bundle would carry; the platform's own codec is used wherever
// it exists (src/js/engine/load.js passes these only as a fallback).

/** `TextEncoder`'s two methods the glue uses. */
export class Utf8Encoder {
  /** @param {string} s */
  encode(s) {
    const out = new Uint8Array(s.length * 3);
    return out.subarray(0, this.encodeInto(s, out).written);
  }

  /** @param {string} s @param {Uint8Array} out */
  encodeInto(s, out) {
    let w = 0;
    let r = 0;
    for (; r < s.length; r++) {
      let c = s.charCodeAt(r);
      if (c >= 0xd800 && c <= 0xdbff && r + 1 < s.length) {
        const d = s.charCodeAt(r + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate, as TextEncoder writes it
      const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (w + n > out.length) break;
      if (n === 1) out[w++] = c;
      else if (n === 2) (out[w++] = 0xc0 | (c >> 6)), (out[w++] = 0x80 | (c & 63));
      else if (n === 3) (out[w++] = 0xe0 | (c >> 12)), (out[w++] = 0x80 | ((c >> 6) & 63)), (out[w++] = 0x80 | (c & 63));
      else {
        out[w++] = 0xf0 | (c >> 18);
        out[w++] = 0x80 | ((c >> 12) & 63);
        out[w++] = 0x80 | ((c >> 6) & 63);
        out[w++] = 0x80 | (c & 63);
        r++;
      }
    }
    return { read: r, written: w };
  }
}

/** `TextDecoder`'s `decode` for the UTF-8 the engine writes (always well-formed). */
export class Utf8Decoder {
  /** @param {Uint8Array} [bytes] */
  decode(bytes) {
    if (bytes === undefined) return '';
    let s = '';
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      let c;
      if (b < 0x80) (c = b), (i += 1);
      else if (b < 0xe0) (c = ((b & 31) << 6) | (bytes[i + 1] & 63)), (i += 2);
      else if (b < 0xf0) (c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63)), (i += 3);
      else (c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63)), (i += 4);
      s += String.fromCodePoint(c);
    }
    return s;
  }
}
