/** A word of a text with where it sits, so search matches can be highlighted in the original text. */
export interface Token {
  /** Normalised form used in the index (lower case, no diacritics). */
  term: string;
  start: number;
  end: number;
}

/** A span of a displayed string to mark as a search match. */
export interface TextRange {
  start: number;
  end: number;
}

// Letters, digits and combining marks: "Zelenskyy's" gives "zelenskyy" and "s"; "déjà" stays one word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** The index form of a word: lower case without diacritics, so "Zurich" finds "Zürich". */
export function normalizeTerm(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Splits text into normalised words with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = normalizeTerm(m[0]);
    if (term) tokens.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The index's tokenizer: just the words (MiniSearch then calls normalizeTerm on each). */
export function tokenizeWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Where the given (normalised) terms occur in text, for `<mark>`ing matches in results. */
export function matchRanges(text: string, terms: ReadonlySet<string>): TextRange[] {
  if (!terms.size || !text) return [];
  // Quick reject: in ASCII text every token's normal form is a substring of the lower-cased text, so when no term is,
  // nothing matches. Most records of a result page match nothing, and tokenizing them all was the bulk of a search.
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    let any = false;
    for (const term of terms) if (lower.includes(term)) any = true;
    if (!any) return [];
  }
  return tokenize(text)
    .filter((t) => terms.has(t.term))
    .map(({ start, end }) => ({ start, end }));
}
