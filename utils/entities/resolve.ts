import type { Candidate } from './candidate';
import { isConfirmed, proseWords } from './confirmed';
import { placesByCoordination } from './coordination';
import { lookupPlace, nameKey } from './gazetteer';
import { intrinsic, type Intrinsic } from './intrinsic';
import { keyWords } from './keyWords';
import { collectPeople, indexPeople, nearestPerson, ownersOf, personKey, type PeopleIndex } from './people';
import { followsPersonOf, personEnds } from './placeOfPerson';
import type { EntityType } from './types';
import { resolveUnknownFullName } from './unknownFullName';
import { personsByWordUse, typeByVotes, usageVotes, type UsageVotes } from './usageVotes';

/** A candidate with its type and the entity it belongs to. */
export interface Resolved {
  cand: Candidate;
  type: EntityType;
  /** Grouping key: canonical name's key. */
  group: string;
  name: string;
  fictional?: boolean;
}

/** What the per-candidate decision reads about the whole article, built once by resolve. */
export interface ResolveContext {
  text: string;
  /** Each candidate's own evidence, by candidate index (after the word-use pass). */
  info: Intrinsic[];
  votes: Map<string, UsageVotes>;
  people: PeopleIndex;
  prose: Set<string>;
  /** The headline's name key, '' when none. */
  titleKey: string;
  /** Where names of people end: "Name of Place". */
  personEnds: Set<number>;
}

/** Types every candidate and links short forms (surnames, first names) to the full names used elsewhere. */
export function resolve(text: string, cands: Candidate[], title: string | null): Resolved[] {
  const ctx = resolveContext(text, cands, title);
  const out: Resolved[] = [];
  const pending: Candidate[] = [];
  cands.forEach((c, i) => {
    const r = resolveCandidate(ctx, c, i);
    if (r === 'pending') pending.push(c);
    else if (r) out.push(r);
  });
  placesByCoordination(text, pending, out);
  return out;
}

/** The article-wide evidence for the candidates: their own, their usage, the people named in full. */
export function resolveContext(text: string, cands: readonly Candidate[], title: string | null): ResolveContext {
  const info = cands.map(intrinsic);
  const votes = usageVotes(cands);
  personsByWordUse(cands, info, votes);
  const people = collectPeople(cands, info);
  return {
    text,
    info,
    votes,
    people: indexPeople(people),
    prose: proseWords(cands),
    titleKey: title ? nameKey(title) : '',
    personEnds: personEnds(cands, info, people),
  };
}

/**
 * One candidate's entity: a person named in full, a short form of one, its own evidence, an unknown full name, or an
 * unknown single word typed by its usage ('pending' when only coordination with a place can decide; null to drop).
 */
export function resolveCandidate(ctx: ResolveContext, c: Candidate, i: number): Resolved | 'pending' | null {
  if (c.kind === 'demonym' || !isConfirmed(c, ctx.prose, ctx.titleKey)) return null;
  const it = ctx.info[i] ?? null;
  const full = ctx.people.alias.get(personKey(c));
  if (full && c.words >= 2) return { cand: c, type: 'person', group: full.key, name: full.name, fictional: full.fictional || undefined };
  // A short form: does it belong to a person named in full?
  const words = keyWords(c.key);
  const owners = ownersOf(ctx.people, words);
  if (owners && owners.length > 0 && !isSurePlaceHere(ctx, c, it) && it?.type !== 'organization') {
    const p = nearestPerson(owners, c.start);
    return { cand: c, type: 'person', group: p.key, name: p.name, fictional: p.fictional || undefined };
  }
  if (it) return { cand: c, type: it.type, group: nameKey(it.name), name: it.name, fictional: it.fictional };
  if (c.furniture) return null;
  if (words.length >= 2) return resolveUnknownFullName(c, words, ctx.people.byWord);
  // Unknown single words: decide by how the article uses them everywhere.
  const t = typeByVotes(ctx.votes.get(c.key)!);
  if (t === 'person' || t === 'place') return { cand: c, type: t, group: c.key, name: c.name };
  return t;
}

/**
 * A place whose context outweighs a person's surname of the same spelling: "in Washington", a dateline, a country,
 * or "Patty Murray of Washington".
 */
export function isSurePlaceHere(ctx: ResolveContext, c: Candidate, it: Intrinsic): boolean {
  return (
    it?.type === 'place' &&
    (c.placeContext || c.kind === 'dateline' || (it.sure && !c.titled && lookupPlace(c.name)?.kind === 'country') || (c.ofAfterName && followsPersonOf(ctx.text, c, ctx.personEnds)))
  );
}
