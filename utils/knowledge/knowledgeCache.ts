import type { BackstoryDB, KnowledgeRecord } from '../db/schema';
import { newId } from '../db/schema';
import type { EntityType } from '../entities/types';
import type { KnowledgeCard, LinkCandidate, MatchInfo, MissReason } from './types';

/*
 * Cache keys in the `knowledge` table:
 *   `${lang}:${Title}`                 a card by canonical Wikipedia title (names point here; the reader's choices
 *                                      and the details loaded when a card is opened are kept here)
 *   `${lang}:${Name}|${type}`          how an entity name of a type resolved: `target` (a title key) with `match`,
 *                                      or no card with `miss` (no article, wrong type) — a no-match is cached too,
 *                                      with the same freshness, so a revisit asks nothing
 *   `${lang}:${Name}|${type}#${terms}` the same for a name that needed the article's context (a disambiguation):
 *                                      the context terms, derived from the article, keep one article's choice from
 *                                      deciding another's.
 *   `wd:${qid}@${lang}`                an item's label (as a one-element candidate list, card null), so facts on the
 *                                      next article need no label request for offices and countries already seen.
 */

/** Cards are fresh for 7 days; older ones are still shown (stale-while-revalidate). */
export const FRESH_MS = 7 * 24 * 60 * 60 * 1000;
/** Bound on the table; the oldest records go first. */
export const MAX_RECORDS = 5000;

/** MediaWiki-style normalisation so "kim jong-un" and "Kim Jong-un" share a key. */
function normalizeName(name: string): string {
  const t = name.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Key of a card by canonical title. */
export function titleKey(lang: string, title: string): string {
  return `${lang}:${normalizeName(title)}`;
}

/** Key of an entity name's resolution (with the context terms when it needed a search). */
export function resolutionKey(lang: string, name: string, type: EntityType, contextTerms?: string): string {
  const base = `${lang}:${normalizeName(name)}|${type}`;
  return contextTerms ? `${base}#${contextTerms.toLowerCase()}` : base;
}

/** Key of an item's label in a language. */
export function labelKey(lang: string, qid: string): string {
  return `wd:${qid}@${lang}`;
}

/** Labels remembered for these items (any age: labels rarely change, and a stale one beats a missing fact). */
export async function readLabels(db: BackstoryDB, lang: string, ids: string[]): Promise<Map<string, string>> {
  const records = await readCache(db, ids.map((id) => labelKey(lang, id)));
  const out = new Map<string, string>();
  for (const id of ids) {
    const label = records.get(labelKey(lang, id))?.candidates[0]?.title;
    if (label) out.set(id, label);
  }
  return out;
}

/** Reads records by key. */
export async function readCache(db: BackstoryDB, keys: string[]): Promise<Map<string, KnowledgeRecord>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await db.knowledge.where('key').anyOf(unique).toArray();
  return new Map(rows.map((r) => [r.key, r]));
}

/** One record to write. */
export interface CacheEntry {
  key: string;
  card: KnowledgeCard | null;
  candidates: LinkCandidate[];
  target?: string;
  match?: MatchInfo;
  miss?: MissReason;
}

/** Upserts records (by key) and prunes the oldest beyond `maxRecords`. */
export async function writeCache(db: BackstoryDB, entries: CacheEntry[], now: number, maxRecords = MAX_RECORDS): Promise<void> {
  if (entries.length === 0) return;
  const latest = new Map(entries.map((e) => [e.key, e]));
  await db.transaction('rw', db.knowledge, async () => {
    const existing = await readCache(db, [...latest.keys()]);
    const rows: KnowledgeRecord[] = [...latest.values()].map((e) => ({
      id: existing.get(e.key)?.id ?? newId(),
      key: e.key,
      card: e.card ? { ...e.card, stale: undefined, fetchedAt: now } : null,
      candidates: e.candidates,
      fetchedAt: now,
      ...(e.target ? { target: e.target } : {}),
      ...(e.match ? { match: e.match } : {}),
      ...(e.miss ? { miss: e.miss } : {}),
    }));
    await db.knowledge.bulkPut(rows);
  });
  await pruneCache(db, maxRecords);
}

/**
 * Replaces the cards of existing records (the details an opened card loaded), keeping their age: details do not make
 * the rest of a card any fresher. Keys without a record are skipped.
 */
export async function updateCards(db: BackstoryDB, updates: Array<{ key: string; card: KnowledgeCard }>): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction('rw', db.knowledge, async () => {
    const existing = await readCache(db, updates.map((u) => u.key));
    const rows = updates.flatMap((u) => {
      const row = existing.get(u.key);
      return row ? [{ ...row, card: { ...u.card, stale: undefined, fetchedAt: row.fetchedAt } }] : [];
    });
    await db.knowledge.bulkPut(rows);
  });
}

/** Deletes the oldest records so that at most `maxRecords` remain. */
export async function pruneCache(db: BackstoryDB, maxRecords = MAX_RECORDS): Promise<number> {
  const count = await db.knowledge.count();
  if (count <= maxRecords) return 0;
  const oldest = await db.knowledge.orderBy('fetchedAt').limit(count - maxRecords).primaryKeys();
  await db.knowledge.bulkDelete(oldest);
  return oldest.length;
}

/**
 * True when a record is older than the freshness window, or written by a version before cards kept their Wikidata
 * statements (0.1: a card without `factsType`): such a card is shown and refreshed, like any stale one.
 */
export function isStale(record: KnowledgeRecord, now: number, freshMs = FRESH_MS): boolean {
  return now - record.fetchedAt > freshMs || (record.card !== null && record.card.factsType === undefined);
}
