// Text decoding of uploaded CSV files. Offices save CSV from Excel either as
// UTF-8 (with or without BOM) or as Windows-1252 ("ANSI" on a German Windows).
// The rule: bytes that are valid UTF-8 are UTF-8, anything else is
// Windows-1252. That is safe because Windows-1252 text with umlauts is almost
// never valid UTF-8 (ä = 0xE4 would have to be followed by two continuation
// bytes), while pure ASCII reads the same either way.
//
// Written by hand instead of TextDecoder: shared/ has no DOM or Node types,
// and the decoders are small and fully tested.

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a UTF-8 byte order mark (removed from `text`). */
  bom: boolean;
}

/** Windows-1252 code points of the bytes 0x80..0x9F (the five undefined bytes map to the same C1 code point, as the WHATWG decoder does). */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes bytes as UTF-8 when they are valid UTF-8, else as Windows-1252. A leading BOM is removed. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom };
  return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: false };
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? 0xfffd) : b);
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequences. Returns null at the first invalid byte.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  const parts: string[] = [];
  let chunk: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      i += 1;
    } else {
      let need: number;
      let min: number;
      if (b0 >= 0xc2 && b0 <= 0xdf) {
        need = 1;
        min = 0x80;
        cp = b0 & 0x1f;
      } else if (b0 >= 0xe0 && b0 <= 0xef) {
        need = 2;
        min = 0x800;
        cp = b0 & 0x0f;
      } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        need = 3;
        min = 0x10000;
        cp = b0 & 0x07;
      } else return null;
      for (let k = 1; k <= need; k++) {
        const b = bytes[i + k];
        if (b === undefined || (b & 0xc0) !== 0x80) return null;
        cp = (cp << 6) | (b & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      i += need + 1;
    }
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}
