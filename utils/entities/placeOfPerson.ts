import type { Candidate } from './candidate';
import type { Intrinsic } from './intrinsic';
import { personKey, type Person } from './people';

/** Where each candidate that is (or is grouped as) a person ends. */
export function personEnds(cands: readonly Candidate[], info: readonly Intrinsic[], people: ReadonlyMap<string, Person>): Set<number> {
  const ends = new Set<number>();
  cands.forEach((c, i) => {
    if (info[i]?.type === 'person' || people.has(personKey(c))) ends.add(c.end);
  });
  return ends;
}

/** Whether a person's name ends right before " of " the candidate ("Senator Patty Murray of Washington"). */
export function followsPersonOf(text: string, c: Candidate, ends: ReadonlySet<number>): boolean {
  const m = /\s+of\s+$/.exec(text.slice(Math.max(0, c.start - 8), c.start));
  return !!m && ends.has(c.start - m[0].length);
}
