/**
 * Text normalised for matching, with a map back to the original offsets.
 * `starts[i]`/`ends[i]` are the original offsets covered by normalised char i (a collapsed whitespace run
 * covers the whole run); `starts[text.length]` is the original length, so a normalised range maps back as
 * `[starts[s], ends[e - 1])`.
 */
export interface NormalizedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Normalised offset at or after each original offset (length original.length + 1). */
  fromOriginal: Int32Array;
}

/**
 * How each UTF-16 code unit folds: -1 keep, -2 whitespace, -3 drop (invisible), -4 ellipsis, else the replacement
 * code. A lookup table, not Sets and strings per char: normalising a 100,000-char article must cost ~1 ms, not 200.
 */
const FOLD = new Int32Array(0x10000).fill(-1);
// Sites swap these freely between edits (CMS "smart quotes", typographers' dashes), so matching ignores the difference.
for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x0060, 0x00b4]) FOLD[c] = 0x27; // '
for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb]) FOLD[c] = 0x22; // "
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]) FOLD[c] = 0x2d; // -
// Invisible characters CMSs insert (soft hyphens, zero-width joiners, BOMs, word joiners); dropped entirely.
for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]) FOLD[c] = -3;
for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) FOLD[c] = -2;
for (let c = 0x2000; c <= 0x200a; c++) FOLD[c] = -2;
FOLD[0x2026] = -4; // … → ...

/**
 * Normalises text for matching: curly → straight quotes, every dash → "-", "…" → "...", whitespace runs (NBSP,
 * newlines, thin spaces) → one space, zero-width characters and soft hyphens removed. Case is kept: a change of
 * case is a real edit, and `toLowerCase` can change lengths (İ), which would break the offset map.
 */
export function normalizeForMatching(original: string): NormalizedText {
  const n = original.length;
  // "…" is the only expansion (1 → 3): size for the worst case, trim at the end.
  let ellipses = 0;
  for (let i = original.indexOf('\u2026'); i !== -1; i = original.indexOf('\u2026', i + 1)) ellipses++;
  const cap = n + 2 * ellipses;
  const codes = new Uint16Array(cap);
  const starts = new Int32Array(cap + 1);
  const ends = new Int32Array(cap + 1);
  const fromOriginal = new Int32Array(n + 1);
  let o = 0;
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    const f = FOLD[code] as number;
    if (f === -2) {
      let j = i + 1;
      while (j < n) {
        const g = FOLD[original.charCodeAt(j)];
        if (g !== -2 && g !== -3) break;
        j++;
      }
      for (let k = i; k < j; k++) fromOriginal[k] = o;
      codes[o] = 0x20;
      starts[o] = i;
      ends[o] = j;
      o++;
      i = j;
      continue;
    }
    fromOriginal[i] = o;
    if (f === -3) {
      i++;
      continue;
    }
    if (f === -4) {
      for (let k = 0; k < 3; k++) {
        codes[o] = 0x2e;
        starts[o] = i;
        ends[o] = i + 1;
        o++;
      }
      i++;
      continue;
    }
    codes[o] = f === -1 ? code : f;
    starts[o] = i;
    ends[o] = i + 1;
    o++;
    i++;
  }
  fromOriginal[n] = o;
  let text = '';
  // fromCharCode in chunks: spreading 100,000 arguments at once overflows the stack.
  for (let k = 0; k < o; k += 8192) text += String.fromCharCode(...codes.subarray(k, Math.min(o, k + 8192)));
  const startArr = starts.slice(0, o + 1);
  const endArr = ends.slice(0, o + 1);
  startArr[o] = n;
  endArr[o] = n;
  return { text, starts: startArr, ends: endArr, fromOriginal };
}

/** Maps a range of normalised text back to the original text's offsets. */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = norm.starts[start] ?? norm.starts[norm.text.length] ?? 0;
  if (end <= start) return { start: s, end: s };
  const e = norm.ends[end - 1] ?? s;
  return { start: s, end: e };
}

const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e]/g;
const SPACE_RUN_RE = /[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const SINGLE_RE = /[\u2018-\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_RE = /[\u201c-\u201f\u2033\u00ab\u00bb]/g;
const DASH_RE = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/**
 * The text of normalizeForMatching without the offset map, for quotes and their context (three per highlight):
 * regexes here cost ~1 µs where building the map costs ~50 (measured on 100-char quotes).
 */
export function normalizeString(s: string): string {
  return s
    .replace(INVISIBLE_RE, '')
    .replace(SPACE_RUN_RE, ' ')
    .replace(SINGLE_RE, "'")
    .replace(DOUBLE_RE, '"')
    .replace(DASH_RE, '-')
    .replace(/\u2026/g, '...');
}
