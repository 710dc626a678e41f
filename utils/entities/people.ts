import type { Candidate } from './candidate';
import type { Intrinsic } from './intrinsic';
import { keyWords } from './keyWords';

/** A person named in full somewhere in the article, with every full mention's position. */
export interface Person {
  /** The name key without initials: the byline and the bio agree. */
  key: string;
  /** The canonical name: mixed case beats an all-caps byline, then the longest. */
  name: string;
  words: string[];
  /** Starts of the full mentions, in reading order. */
  positions: number[];
  fictional: boolean;
  mixedCase: boolean;
}

/** The people named in full, linked from any mention of theirs, and indexed by each of their words. */
export interface PeopleIndex {
  /** Full names by person key (before linking shorter full names to longer ones). */
  people: Map<string, Person>;
  /** Each person key's person once a shorter full name is linked to the longer one it is part of. */
  alias: Map<string, Person>;
  /** The distinct linked people, longest names first. */
  distinct: Person[];
  /** The linked people whose names contain a word. */
  byWord: Map<string, Person[]>;
}

/** A candidate's person key: its name key without initials. */
export const personKey = (c: Candidate): string => keyWords(c.key).join(' ');

/** Groups the candidates typed as people with two or more words by person key. */
export function collectPeople(cands: readonly Candidate[], info: readonly Intrinsic[]): Map<string, Person> {
  const people = new Map<string, Person>();
  cands.forEach((c, i) => {
    const it = info[i];
    if (!it || it.type !== 'person' || c.words < 2) return;
    const k = personKey(c);
    let p = people.get(k);
    const mixed = c.kind !== 'byline';
    if (!p) {
      p = { key: k, name: it.name, words: k.split(' '), positions: [], fictional: !!it.fictional, mixedCase: mixed };
      people.set(k, p);
    } else if ((mixed && !p.mixedCase) || (mixed === p.mixedCase && it.name.length > p.name.length)) {
      p.name = it.name;
      p.mixedCase = mixed;
    }
    p.positions.push(c.start);
  });
  return people;
}

/**
 * Links each full name to the longest one that contains all its words and ends the same ("Vladimir Putin" in
 * "Vladimir Vladimirovich Putin"), and indexes the linked people by word.
 */
export function indexPeople(people: Map<string, Person>): PeopleIndex {
  const byLength = [...people.values()].sort((x, y) => y.words.length - x.words.length);
  const alias = new Map<string, Person>();
  // Compare only names with the same last word, so a long text with thousands of names stays linear in practice.
  const bySurname = new Map<string, Person[]>();
  for (const p of byLength) {
    const last = p.words[p.words.length - 1]!;
    const list = bySurname.get(last) ?? [];
    list.push(p);
    bySurname.set(last, list);
  }
  for (const p of byLength) {
    const longer = bySurname
      .get(p.words[p.words.length - 1]!)!
      .find((q) => q !== p && q.words.length > p.words.length && p.words.every((w) => q.words.includes(w)));
    alias.set(p.key, longer ? (alias.get(longer.key) ?? longer) : p);
  }
  const byWord = new Map<string, Person[]>();
  const distinct = [...new Set(alias.values())];
  for (const p of distinct) {
    for (const w of p.words) {
      const list = byWord.get(w) ?? [];
      if (!list.includes(p)) list.push(p);
      byWord.set(w, list);
    }
  }
  return { people, alias, distinct, byWord };
}

/**
 * The people a short form's words may refer to: those containing its one word, or (for several words) the exact
 * phrase key, else every person containing all of them; undefined when none.
 */
export function ownersOf(index: PeopleIndex, words: readonly string[]): Person[] | undefined {
  if (words.length === 0) return undefined;
  const direct = index.byWord.get(words.join(' '));
  if (direct !== undefined || words.length === 1) return direct;
  const list = index.distinct.filter((p) => words.every((w) => p.words.includes(w)));
  return list.length ? list : undefined;
}

/**
 * The person a short form at `pos` most likely means: the closest full mention before it, one after counting four
 * times farther.
 */
export function nearestPerson(list: readonly Person[], pos: number): Person {
  if (list.length === 1) return list[0]!;
  let best = list[0]!;
  let bestDist = Infinity;
  for (const p of list) {
    // Positions are in reading order: binary-search the last full mention at or before pos.
    let lo = 0;
    let hi = p.positions.length - 1;
    let before = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (p.positions[mid]! <= pos) {
        before = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const dBefore = before >= 0 ? pos - p.positions[before]! : Infinity;
    const after = p.positions[before + 1];
    const dAfter = after !== undefined ? (after - pos) * 4 : Infinity;
    const d = Math.min(dBefore, dAfter);
    if (d < bestDist) {
      bestDist = d;
      best = p;
    }
  }
  return best;
}
