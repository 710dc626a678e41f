import { ABBREVIATIONS } from '../lexicon';

/**
 * The text cut the way the training corpora are (CoNLL style): words, numbers and each punctuation mark as its own
 * token, the possessive "’s" split off. The rule tokenizer (../tokenize.ts) drops punctuation, which the model needs
 * as context ("Hagi ," / "( Reuters )"), hence this second, simpler cut.
 */
export interface ModelTokens {
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when a newline separates the token from the previous one. */
  newline: Uint8Array;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.&][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const KEEP_PERIOD = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L})$/u;

/** Cuts text into model tokens with their offsets; linear in the text's length. */
export function modelTokens(text: string): ModelTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const nl: number[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let w = m[0];
    const start = m.index;
    let end = start + w.length;
    if (text.charCodeAt(end) === 46 && (KEEP_PERIOD.test(w) || ABBREVIATIONS.has(w.toLowerCase()))) {
      w += '.';
      end++;
      WORD.lastIndex = end;
    }
    const newline = text.slice(last, start).includes('\n') ? 1 : 0;
    const c = w.charCodeAt(w.length - 1);
    const a = w.charCodeAt(w.length - 2);
    if (w.length > 2 && (c === 115 || c === 83) && (a === 39 || a === 0x2019)) {
      words.push(w.slice(0, -2), w.slice(-2));
      starts.push(start, end - 2);
      ends.push(end - 2, end);
      nl.push(newline, 0);
    } else {
      words.push(w);
      starts.push(start);
      ends.push(end);
      nl.push(newline);
    }
    last = end;
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends), newline: Uint8Array.from(nl) };
}
