import { isFirstName, isKnownOrganization, isLastName, lookupDemonym, lookupPlace } from '../gazetteer';
import { ORG_KEYWORDS, PERSON_NOUNS, PERSON_VERBS, PLACE_KEYWORDS, PLACE_NOUNS, PLACE_PREPOSITIONS, ROLE_CUES, TITLE_WORDS } from '../lexicon';

/** Number of hashed features per token: the model file records it, so a changed template list cannot load old weights. */
export const FEATURES_PER_TOKEN = 40;

/** 32-bit FNV-1a of a string. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a template number and up to two value hashes into one feature hash (murmur3's finaliser). */
function mix(t: number, a: number, b = 0): number {
  let h = Math.imul(t + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What one distinct word contributes, computed once per word and cached (words repeat a lot in text). */
interface WordInfo {
  lower: string;
  hWord: number;
  hLower: number;
  hShape: number;
  hPre: [number, number, number];
  hSuf: [number, number, number, number];
  /** Capitalised letter first. */
  cap: boolean;
  /** Lower-case letter first. */
  lowerFirst: boolean;
  /** Gazetteer and cue-word hits as bits (GAZ_*). */
  gaz: number;
}

const GAZ_FIRST = 1;
const GAZ_LAST = 2;
const GAZ_COUNTRY = 4;
const GAZ_PLACE = 8;
const GAZ_ORG = 16;
const GAZ_DEMONYM = 32;
const GAZ_TITLE = 64;
const GAZ_ROLE = 128;
const GAZ_ORGKW = 256;
const GAZ_PLACEKW = 512;
const GAZ_VERB = 1024;
const GAZ_PREP = 2048;
const GAZ_PERSON_NOUN = 4096;
const GAZ_PLACE_NOUN = 8192;

/** "Xxxx", "XX", "X.", "dd-dd": each character class once per run, at most six runs. */
function shortShape(w: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < w.length && out.length < 6; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c < 128) k = w[i]!;
    else {
      const ch = w[i]!;
      k = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    }
    if (k !== prev) out += k;
    prev = k;
  }
  // Length tells "Xx" words apart a little (initial-like "Jo" vs "Johnson").
  return `${out}${w.length <= 2 ? 's' : w.length <= 4 ? 'm' : 'l'}`;
}

const cache = new Map<string, WordInfo>();

function wordInfo(w: string): WordInfo {
  let info = cache.get(w);
  if (info) return info;
  const lower = w.toLowerCase();
  const c0 = w.charCodeAt(0);
  const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : w[0]!.toLowerCase() !== w[0];
  const lowerFirst = c0 < 128 ? c0 >= 97 && c0 <= 122 : w[0]!.toUpperCase() !== w[0];
  let gaz = 0;
  if (cap) {
    if (isFirstName(w)) gaz |= GAZ_FIRST;
    if (isLastName(w)) gaz |= GAZ_LAST;
    const place = lookupPlace(w);
    if (place) gaz |= place.kind === 'country' ? GAZ_COUNTRY : GAZ_PLACE;
    if (isKnownOrganization(w)) gaz |= GAZ_ORG;
    if (lookupDemonym(w) !== undefined) gaz |= GAZ_DEMONYM;
  }
  if (TITLE_WORDS.has(lower)) gaz |= GAZ_TITLE;
  if (ROLE_CUES.has(lower)) gaz |= GAZ_ROLE;
  if (ORG_KEYWORDS.has(lower)) gaz |= GAZ_ORGKW;
  if (PLACE_KEYWORDS.has(lower)) gaz |= GAZ_PLACEKW;
  if (PERSON_VERBS.has(lower)) gaz |= GAZ_VERB;
  if (PLACE_PREPOSITIONS.has(lower)) gaz |= GAZ_PREP;
  if (PERSON_NOUNS.has(lower)) gaz |= GAZ_PERSON_NOUN;
  if (PLACE_NOUNS.has(lower)) gaz |= GAZ_PLACE_NOUN;
  const hL = (s: string): number => hashString(s);
  const n = lower.length;
  info = {
    lower,
    hWord: hL(w),
    hLower: hL(lower),
    hShape: hL(shortShape(w)),
    hPre: [hL(lower.slice(0, 1)), hL(lower.slice(0, 2)), hL(lower.slice(0, 3))],
    hSuf: [hL(lower.slice(n - 1)), hL(lower.slice(n - 2)), hL(lower.slice(n - 3)), hL(lower.slice(n - 4))],
    cap,
    lowerFirst,
    gaz,
  };
  // Bounded: a long page must not grow the cache without limit.
  if (cache.size > 100_000) cache.clear();
  cache.set(w, info);
  return info;
}

const PAD: WordInfo = {
  lower: '',
  hWord: 1,
  hLower: 1,
  hShape: 1,
  hPre: [1, 1, 1],
  hSuf: [1, 1, 1, 1],
  cap: false,
  lowerFirst: false,
  gaz: 0,
};

// Punctuation after which a capital proves nothing.
const SENTENCE_END = new Set(['.', '!', '?', ':', '"', '“', '”', '•', '|', '—', '–', '-', '(', ';']);

/**
 * Hashed features for every token, FEATURES_PER_TOKEN per token, flat. `ruleTags` holds the rule system's label
 * index per token (0 = outside): the model learns when to trust it. `newline` marks tokens that start a line.
 */
export function extractFeatures(words: readonly string[], ruleTags: Uint8Array, newline: Uint8Array): Int32Array {
  const n = words.length;
  const K = FEATURES_PER_TOKEN;
  const out = new Int32Array(n * K);
  const infos: WordInfo[] = new Array<WordInfo>(n);
  for (let i = 0; i < n; i++) infos[i] = words[i] ? wordInfo(words[i]!) : PAD;
  // Document-level evidence: is the word also written in lower case here, and capitalised mid-sentence elsewhere?
  const lowerSeen = new Set<string>();
  const capMid = new Set<string>();
  const initial = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = infos[i]!;
    initial[i] = i === 0 || newline[i] === 1 || SENTENCE_END.has(words[i - 1]!) ? 1 : 0;
    if (w.lowerFirst) lowerSeen.add(w.lower);
    else if (w.cap && !initial[i]) capMid.add(w.lower);
  }
  // Two-word gazetteer places and organisations ("New York", "Goldman Sachs"), marked on both words.
  const multi = new Uint8Array(n);
  for (let i = 0; i + 1 < n; i++) {
    if (!infos[i]!.cap || !infos[i + 1]!.cap) continue;
    const two = `${words[i]} ${words[i + 1]}`;
    const p = lookupPlace(two);
    const o = !p && isKnownOrganization(two);
    if (p || o) {
      const v = p ? 1 : 2;
      multi[i] = v;
      multi[i + 1] = v + 2;
    }
  }
  for (let i = 0; i < n; i++) {
    const w = infos[i]!;
    const p1 = i > 0 ? infos[i - 1]! : PAD;
    const p2 = i > 1 ? infos[i - 2]! : PAD;
    const n1 = i + 1 < n ? infos[i + 1]! : PAD;
    const n2 = i + 2 < n ? infos[i + 2]! : PAD;
    const rt = ruleTags[i]!;
    const rp = i > 0 ? ruleTags[i - 1]! : 15;
    const rn = i + 1 < n ? ruleTags[i + 1]! : 15;
    const docBits = (w.cap ? 1 : 0) | (lowerSeen.has(w.lower) ? 2 : 0) | (capMid.has(w.lower) ? 4 : 0) | (initial[i] ? 8 : 0);
    const o = i * K;
    let k = 0;
    out[o + k++] = mix(0, 0);
    out[o + k++] = mix(1, w.hLower);
    out[o + k++] = mix(2, w.hWord);
    out[o + k++] = mix(3, w.hShape);
    out[o + k++] = mix(4, w.hPre[0]);
    out[o + k++] = mix(5, w.hPre[1]);
    out[o + k++] = mix(6, w.hPre[2]);
    out[o + k++] = mix(7, w.hSuf[0]);
    out[o + k++] = mix(8, w.hSuf[1]);
    out[o + k++] = mix(9, w.hSuf[2]);
    out[o + k++] = mix(10, w.hSuf[3]);
    out[o + k++] = mix(11, p1.hLower);
    out[o + k++] = mix(12, n1.hLower);
    out[o + k++] = mix(13, p2.hLower);
    out[o + k++] = mix(14, n2.hLower);
    out[o + k++] = mix(15, p1.hShape, w.hShape);
    out[o + k++] = mix(16, w.hShape, n1.hShape);
    out[o + k++] = mix(17, p1.hShape);
    out[o + k++] = mix(18, n1.hShape);
    out[o + k++] = mix(19, p1.hLower, w.hLower);
    out[o + k++] = mix(20, w.hLower, n1.hLower);
    out[o + k++] = mix(21, initial[i]!, w.hShape);
    out[o + k++] = mix(22, w.gaz);
    out[o + k++] = mix(23, p1.gaz);
    out[o + k++] = mix(24, n1.gaz);
    out[o + k++] = mix(25, rt);
    out[o + k++] = mix(26, rp, rt);
    out[o + k++] = mix(27, rt, rn);
    out[o + k++] = mix(28, rt, w.hShape);
    out[o + k++] = mix(29, docBits);
    out[o + k++] = mix(30, docBits, w.hLower);
    out[o + k++] = mix(31, multi[i]!);
    out[o + k++] = mix(32, p1.hSuf[2], w.hShape);
    out[o + k++] = mix(33, n1.hSuf[2], w.hShape);
    out[o + k++] = mix(34, p2.hShape, p1.hShape);
    out[o + k++] = mix(35, n1.hShape, n2.hShape);
    out[o + k++] = mix(36, p1.hLower, n1.hLower);
    out[o + k++] = mix(37, w.gaz, w.hShape);
    out[o + k++] = mix(38, rt, docBits);
    out[o + k++] = mix(39, p1.gaz, n1.gaz);
  }
  return out;
}
