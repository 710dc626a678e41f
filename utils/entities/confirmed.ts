import type { Candidate } from './candidate';
import { lookupPlace } from './gazetteer';
import { keyWords } from './keyWords';
import { ACRONYMS } from './lexicon';

/** The words of every name used in running prose (not on a headline, caption or "Similar News" line). */
export function proseWords(cands: readonly Candidate[]): Set<string> {
  const prose = new Set<string>();
  for (const c of cands) if (!c.furniture) for (const w of keyWords(c.key)) prose.add(w);
  return prose;
}

/**
 * Whether a candidate may count: furniture lines may only repeat names of the prose, known places and acronyms, or
 * names in the headline (`titleKey`, '' when none).
 */
export function isConfirmed(c: Candidate, prose: ReadonlySet<string>, titleKey: string): boolean {
  return !c.furniture || keyWords(c.key).every((w) => prose.has(w)) || !!lookupPlace(c.name) || !!ACRONYMS[c.name] || (titleKey !== '' && titleKey.includes(c.key));
}
