import type { Candidate } from './candidate';
import { capitalRunEnd } from './capitalRun';
import { capitalAfterPrefix, capitalBeforeSuffix, pushSingleWord } from './hyphenatedName';
import { spotNameRun } from './nameRun';
import { spotText } from './spotText';
import type { Line, Token } from './tokenize';

// The candidate's type lives beside the code that builds it; re-exported because callers read it as the spotter's.
export type { Candidate, CandidateKind } from './candidate';

/**
 * Spots candidate names: runs of capitalised words (with particles and "of" inside organisation names),
 * stripped of titles, nationality words and sentence-initial function words; all-caps bylines and datelines.
 */
export function spotCandidates(
  text: string,
  tokens: readonly Token[],
  lines: readonly Line[],
  excluded: (tokenIndex: number) => boolean,
  bylineKey: string | null,
): Candidate[] {
  const st = spotText(text, tokens, lines, excluded, bylineKey);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (excluded(i)) {
      i++;
      continue;
    }
    if (!t.cap) {
      const part = capitalAfterPrefix(t);
      if (part) pushSingleWord(st, t.start + t.text.length - part.length, t.end, part, i, false);
      i++;
      continue;
    }
    // The capitalised part alone ends any run.
    const part = capitalBeforeSuffix(t);
    if (part) {
      pushSingleWord(st, t.start, t.start + part.length, part, i, t.sentenceStart);
      i++;
      continue;
    }
    const j = capitalRunEnd(st, i);
    spotNameRun(st, i, j);
    i = j + 1;
  }
  return st.out;
}
