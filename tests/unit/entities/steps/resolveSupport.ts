// Shared by the resolving-step tests: the candidates of an English snippet, as findEntities spots them.
import type { Candidate } from '../../../../utils/entities/candidate';
import { spotCandidates } from '../../../../utils/entities/spot';
import { splitHyphenated } from '../../../../utils/entities/splitHyphenated';
import { tokenize } from '../../../../utils/entities/tokenize';

/** The spotted (and hyphen-split) candidates of a snippet. */
export function candidatesOf(text: string): Candidate[] {
  const { tokens, lines } = tokenize(text);
  return splitHyphenated(spotCandidates(text, tokens, lines, () => false, null));
}

/** The first candidate whose name is `name`; throws when there is none. */
export function cand(cands: readonly Candidate[], name: string): Candidate {
  const c = cands.find((x) => x.name === name);
  if (!c) throw new Error(`no candidate ${name} in ${cands.map((x) => x.name).join(', ')}`);
  return c;
}
