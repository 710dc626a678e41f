import type { Candidate } from './candidate';
import type { Intrinsic } from './intrinsic';
import { keyWords } from './keyWords';

/** How the article uses one surface form over all its mentions. */
export interface UsageVotes {
  /** Mentions with a title or a person clue ("…, who"). */
  person: number;
  /** Mentions after a place preposition ("in …"). */
  place: number;
  /** Mentions in running prose, not at a sentence start or on a headline. */
  plain: number;
  all: number;
}

/** The usage votes of every surface form (by candidate key), in one pass over the candidates. */
export function usageVotes(cands: readonly Candidate[]): Map<string, UsageVotes> {
  const votes = new Map<string, UsageVotes>();
  cands.forEach((c) => {
    const v = votes.get(c.key) ?? { person: 0, place: 0, plain: 0, all: 0 };
    v.all++;
    if (c.titled || c.personContext) v.person++;
    if (c.placeContext) v.place++;
    if (!c.sentenceInitial && !c.furniture) v.plain++;
    votes.set(c.key, v);
  });
  return votes;
}

/**
 * Types as a person each untyped full name whose surname or first name is used alone as a person elsewhere
 * ("Denzel Washington … Washington, 69,", "Hori Parata … Parata, 75,"); updates `info` in place.
 */
export function personsByWordUse(cands: readonly Candidate[], info: Intrinsic[], votes: ReadonlyMap<string, UsageVotes>): void {
  const usedAsPerson = (w: string): boolean => (votes.get(w)?.person ?? 0) > 0;
  cands.forEach((c, i) => {
    if (info[i] || c.kind !== 'name' || c.furniture) return;
    const w = keyWords(c.key);
    if (w.length >= 2 && (usedAsPerson(w[w.length - 1]!) || usedAsPerson(w[0]!))) info[i] = { type: 'person', name: c.name, sure: true };
  });
}

/**
 * What an unknown single word is by how the article uses it everywhere: null when it never appears in running prose,
 * 'pending' when no clue is common enough (one "in Amazon’s" among seventeen mentions does not make a place).
 */
export function typeByVotes(v: UsageVotes): 'person' | 'place' | 'pending' | null {
  if (v.plain === 0) return null;
  const total = v.all;
  if (v.person > 0 && v.person >= v.place && v.person * 4 >= total) return 'person';
  if (v.place > 0 && v.place * 4 >= total) return 'place';
  return 'pending';
}
