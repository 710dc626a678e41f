// Shared by the spotting-step tests: a snippet's SpotText and token look-ups by word.
import { spotText, type SpotText } from '../../../../utils/entities/spotText';
import { tokenize } from '../../../../utils/entities/tokenize';

/** The spotting state of a snippet, with nothing excluded unless `excluded` says so. */
export function stateOf(text: string, opts: { excluded?: (i: number) => boolean; bylineKey?: string | null } = {}): SpotText {
  const { tokens, lines } = tokenize(text);
  return spotText(text, tokens, lines, opts.excluded ?? (() => false), opts.bylineKey ?? null);
}

/** Index of the nth token (0-based) whose text is `word`; throws when the snippet has no such token. */
export function tokenIndex(st: SpotText, word: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < st.tokens.length; i++) {
    if (st.tokens[i]!.text === word && seen++ === nth) return i;
  }
  throw new Error(`no token ${word} #${nth}`);
}

/** The candidates found so far as "name/kind". */
export const found = (st: SpotText): string[] => st.out.map((c) => `${c.name}/${c.kind}`);
