import { ABBREVIATIONS } from './lexicon';

/** A word of the text with what the spotter needs to know about it. */
export interface Token {
  start: number;
  /** End of the word without a possessive "’s" / "'s" / trailing "'". */
  end: number;
  /** End including the possessive, if any. */
  fullEnd: number;
  /** The word without its possessive. */
  text: string;
  possessive: boolean;
  /** Starts with an upper-case letter (or is a name particle glued to one: "al-Assad"). */
  cap: boolean;
  /** Two or more letters, all upper case ("MOSCOW", "US"). */
  allCaps: boolean;
  /** First word of a sentence, line or clause after a colon: capitals there prove nothing. */
  sentenceStart: boolean;
  line: number;
  /** Only spaces separate it from the previous token: it may continue a name. */
  joined: boolean;
}

/** One line of the text, with the shape that tells a byline, dateline or headline from prose. */
export interface Line {
  start: number;
  end: number;
  /** Index of its first token, and one past its last. */
  firstToken: number;
  endToken: number;
  /** Mostly upper-case letters ("NINA L. KHRUSHCHEVA", "MOSCOW: When…" is not: only its start is). */
  allCaps: boolean;
  /** Most words capitalised and no sentence punctuation: a headline, caption or page furniture. */
  titleCase: boolean;
}

// A word: letters/digits with inner hyphens, apostrophes or periods ("Jong-un", "O’Brien", "U.S").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const UPPER_G = /\p{Lu}/gu;
const LETTER = /\p{L}/u;
// . ! ? : ; • " “ ( [ |
const STOP_CHARS = new Set([46, 33, 63, 58, 59, 0x2022, 34, 0x201c, 40, 91, 124]);
const PARTICLE_GLUED = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|d|l|o)[-‐'’]\p{Lu}/u;

/** Splits text into word tokens and lines; linear in the text's length. */
export function tokenize(text: string): { tokens: Token[]; lines: Line[] } {
  const tokens: Token[] = [];
  const lines: Line[] = [];
  let lineNo = 0;
  let lastEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let fullEnd = start + raw.length;
    // Scan the gap since the previous token once: newlines, and punctuation that ends a sentence or clause.
    let newline = false;
    let stop = false;
    let spacesOnly = true;
    for (let k = lastEnd; k < start; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        lineNo++;
        newline = true;
        spacesOnly = false;
      } else if (c === 32 || c === 9 || c === 0xa0) {
        // space
      } else {
        spacesOnly = false;
        if (STOP_CHARS.has(c)) stop = true;
      }
    }
    // Keep the period of an initial or an abbreviation ("L.", "U.S.", "Mr."): it does not end the sentence.
    if (text.charCodeAt(fullEnd) === 46 && (raw.length === 1 ? UPPER.test(raw) : /^(?:\p{L}\.)+\p{L}$/u.test(raw) || ABBREVIATIONS.has(raw.toLowerCase()))) {
      raw += '.';
      fullEnd += 1;
    }
    let end = fullEnd;
    let possessive = false;
    const lastCh = raw.charCodeAt(raw.length - 1);
    const apos = raw.charCodeAt(raw.length - 2);
    if (raw.length > 2 && lastCh === 115 /* s */ && (apos === 0x2019 || apos === 39)) {
      end -= 2;
      possessive = true;
    } else if (lastCh === 115 && (text.charCodeAt(fullEnd) === 0x2019 || text.charCodeAt(fullEnd) === 39) && !LETTER.test(text[fullEnd + 1] ?? '')) {
      // Plural possessive "the Soviets’ plan": the apostrophe stays outside the name.
      possessive = true;
      fullEnd += 1;
    }
    const word = end === start + raw.length ? raw : text.slice(start, end);
    const prev = tokens[tokens.length - 1];
    const c0 = word.charCodeAt(0);
    const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER.test(word) || PARTICLE_GLUED.test(word);
    tokens.push({
      start,
      end,
      fullEnd,
      text: word,
      possessive,
      cap: cap || (c0 >= 97 && c0 <= 122 && word.length > 2 && PARTICLE_GLUED.test(word)),
      allCaps: cap && word.length > 1 && !HAS_LOWER.test(word) && (word.match(UPPER_G)?.length ?? 0) >= 2,
      // A period kept by an abbreviation ("Mr.") is not in the gap, so it never ends the sentence here.
      sentenceStart: !prev || newline || stop,
      line: lineNo,
      joined: !!prev && !prev.possessive && spacesOnly && start > lastEnd,
    });
    lastEnd = fullEnd;
  }
  // Lines: group tokens by line number.
  let i = 0;
  while (i < tokens.length) {
    const first = i;
    const ln = tokens[i]!.line;
    while (i < tokens.length && tokens[i]!.line === ln) i++;
    const start = tokens[first]!.start;
    const end = tokens[i - 1]!.fullEnd;
    let words = 0;
    let capWords = 0;
    let capsWords = 0;
    for (let k = first; k < i; k++) {
      const t = tokens[k]!;
      const c = t.text.charCodeAt(0);
      if (c >= 48 && c <= 57) continue; // numbers say nothing about case
      words++;
      if (t.cap) capWords++;
      if (t.allCaps || (t.cap && t.text.length <= 2)) capsWords++;
    }
    const nl = text.indexOf('\n', end);
    const lineText = text.slice(start, nl < 0 ? text.length : nl);
    lines.push({
      start,
      end,
      firstToken: first,
      endToken: i,
      allCaps: words >= 1 && capsWords / words > 0.8 && tokens.slice(first, i).some((t) => t.allCaps),
      // Prose ends with punctuation; headlines, captions and "Similar News" do not.
      titleCase: words >= 2 && words <= 14 && capWords / words >= 0.6 && !/[.!?]\s+\p{L}/u.test(lineText) && !/[.!?…"”’)]\s*$/u.test(lineText),
    });
  }
  return { tokens, lines };
}
