import type { Candidate } from './candidate';
import type { Line, Token } from './tokenize';

/** What every spotting step reads about the text, computed once per spotCandidates call, and the candidates found so far. */
export interface SpotText {
  text: string;
  tokens: readonly Token[];
  /** Tokens inside work titles ("The Godfather") and the like: never part of a name. */
  excluded: (tokenIndex: number) => boolean;
  /** The byline's name key: tells which all-caps line is the author. */
  bylineKey: string | null;
  /** In shouted text (most lines in capitals) an all-caps line is not a byline. */
  shouting: boolean;
  /** Words the text also uses in lower case: a capitalised one at a sentence start is then just that word. */
  lowerWords: Set<string>;
  /** Each line by its line number. */
  lineOf: Map<number, Line>;
  /** The candidates found so far, in the order the steps push them. */
  out: Candidate[];
}

/** The text-wide facts the spotting steps share: one pass over the tokens and one over the lines. */
export function spotText(
  text: string,
  tokens: readonly Token[],
  lines: readonly Line[],
  excluded: (tokenIndex: number) => boolean,
  bylineKey: string | null,
): SpotText {
  const shouting = lines.filter((l) => l.allCaps).length > lines.length / 2;
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.cap) lowerWords.add(t.text);
  const lineOf = new Map<number, Line>();
  for (const l of lines) lineOf.set(tokens[l.firstToken]!.line, l);
  return { text, tokens, excluded, bylineKey, shouting, lowerWords, lineOf, out: [] };
}

/** Token i in lower case; '' outside the text. */
export const lowerAt = (tokens: readonly Token[], i: number): string => tokens[i]?.text.toLowerCase() ?? '';

/** Title-cases an all-caps word or phrase ("NINA L. KHRUSHCHEVA" → "Nina L. Khrushcheva"). */
export const titleCaseWord = (w: string): string =>
  w.toLowerCase().replace(/(^|[-‐'’.\s])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
