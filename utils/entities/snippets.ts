import type { Mention } from './types';

/** The sentence around a mention, split so the mention itself can be marked: `before + match + after`. */
export interface MentionSnippet {
  /** Text before the mention, starting at the sentence start (or "…" and a word boundary when trimmed). */
  before: string;
  /** The mention exactly as it appears in the text. */
  match: string;
  /** Text after the mention, up to the sentence end (or a word boundary and "…" when trimmed). */
  after: string;
}

const ELLIPSIS = '…';

/**
 * Words that end in a full stop without ending a sentence. Hand-written rather than `Intl.Segmenter`
 * (sentence granularity) because ICU splits "Nina L. | Khrushcheva" and "The U.S. | President" (checked on Node 20),
 * and splitting a byline mid-name gives the reader a useless snippet.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'capt', 'sgt', 'rep', 'sen', 'gov', 'pres',
  'rev', 'hon', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp', 'mt', 'ft', 'fig', 'approx', 'cf', 'al',
]);

/** True when the terminator at `index` really ends a sentence (not "L." in a name, not "Mr.", not "U.S."). */
function endsSentence(text: string, index: number): boolean {
  if (text[index] !== '.') return true;
  let wordStart = index;
  while (wordStart > 0 && !/\s/.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, index).replace(/^[("'“‘[]+/, '');
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return false; // U.S, e.g
  return !ABBREVIATIONS.has(word.toLowerCase());
}

// A terminator, any closing quotes or brackets, then whitespace: a candidate sentence end (endsSentence decides).
const BOUNDARY = /[.!?…]["'”’)\]»]*(?=\s|$)/g;

/** Index where the sentence holding `from` starts: after a line break or after a sentence end followed by a space. */
function sentenceStart(text: string, from: number): number {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  // Scan the line forward with a native regex (faster than a char-by-char loop) and keep the last real boundary.
  let start = lineStart;
  BOUNDARY.lastIndex = lineStart;
  for (let m = BOUNDARY.exec(text); m && m.index < from; m = BOUNDARY.exec(text)) {
    const after = m.index + m[0].length;
    if (after >= from) break;
    if (endsSentence(text, m.index)) start = after;
  }
  return start;
}

/** Index just after the sentence holding `from` ends (its terminator and closing quotes included). */
function sentenceEnd(text: string, from: number): number {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd === -1) lineEnd = text.length;
  BOUNDARY.lastIndex = from;
  for (let m = BOUNDARY.exec(text); m && m.index < lineEnd; m = BOUNDARY.exec(text)) {
    if (endsSentence(text, m.index)) return m.index + m[0].length;
  }
  return lineEnd;
}

/** Keeps the last `budget` characters of `s`, starting at a word boundary, with a leading ellipsis. */
function trimStart(s: string, budget: number): string {
  if (s.length <= budget) return s;
  if (budget <= 1) return budget === 1 ? ELLIPSIS : '';
  let cut = s.length - (budget - 1);
  const space = s.indexOf(' ', cut);
  // Prefer a word boundary, but not at the price of dropping everything.
  if (space !== -1 && space < s.length - 1) cut = space + 1;
  return ELLIPSIS + s.slice(cut);
}

/** Keeps the first `budget` characters of `s`, ending at a word boundary, with a trailing ellipsis. */
function trimEnd(s: string, budget: number): string {
  if (s.length <= budget) return s;
  if (budget <= 1) return budget === 1 ? ELLIPSIS : '';
  let cut = budget - 1;
  const space = s.lastIndexOf(' ', cut);
  if (space > 0) cut = space;
  return s.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * The sentence around a mention, for the side panel's list of mentions: sentence boundaries are line breaks and
 * sentence-ending punctuation (not initials or abbreviations); when the sentence is longer than `maxChars`, it is
 * trimmed around the mention at word boundaries with "…". `before + match + after` is at most `maxChars` long unless
 * the mention alone is longer. Whitespace runs are collapsed to one space.
 */
export function mentionSnippet(text: string, mention: Pick<Mention, 'start' | 'end'>, maxChars = 160): MentionSnippet {
  const start = Math.max(0, Math.min(mention.start, text.length));
  const end = Math.max(start, Math.min(mention.end, text.length));
  const match = text.slice(start, end);
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  let before = collapse(text.slice(sentenceStart(text, start), start)).trimStart();
  let after = collapse(text.slice(end, sentenceEnd(text, end))).trimEnd();

  const budget = Math.max(0, maxChars - match.length);
  if (before.length + after.length > budget) {
    // Share the room evenly, then give what one side does not need to the other.
    const half = Math.floor(budget / 2);
    const beforeBudget = before.length < half ? before.length : Math.max(half, budget - after.length);
    const afterBudget = budget - Math.min(before.length, beforeBudget);
    before = trimStart(before, beforeBudget);
    after = trimEnd(after, afterBudget);
  }
  return { before, match, after };
}
