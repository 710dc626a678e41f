import type { BackstoryDB, KnowledgeRecord } from '../db/schema';
import type { Endpoints } from '../settings/endpoints';
import { loadDetails } from './details';
import { FRESH_MS, isStale, MAX_RECORDS, resolutionKey, readCache, readLabels, titleKey, updateCards, writeCache, type CacheEntry } from './knowledgeCache';
import { choiceName, readChoices, saveChoice } from './linkChoices';
import { contextTerms, resolveEntities, type EntityRef, type Resolution } from './resolveEntities';
import type { KnowledgeCard, LinkCandidate, LinkResult } from './types';
import { createWikiClient, type WikiClient } from './wikiClient';
import { wikiLang } from './wikiUrls';

/** Options of linkEntities / chooseLink. Everything comes in as a parameter: no storage, no global fetch. */
export interface LinkOptions {
  /** The article's language (page `lang`); null = unknown, use English. */
  lang: string | null;
  /** Host name of the article, for the reader's remembered corrections. */
  site: string;
  /** Article text, for context words. */
  context: string;
  endpoints: Endpoints;
  fetch: typeof fetch;
  db: BackstoryDB;
  /** Settings: look-ups on. Off = no request at all. */
  enabled: boolean;
  /** Api-User-Agent value: "Backstory/<version> (<url>; …)". */
  userAgent: string;
  now?: () => number;
  /** Per-request timeout (default 8000 ms). */
  timeoutMs?: number;
  /** Freshness window (default 7 days). */
  freshMs?: number;
  /** Cache bound (default 5000 records). */
  maxRecords?: number;
  /** Refresh stale entries in the background after answering (default true). */
  revalidate?: boolean;
  /** Receives the background refresh, when one starts (tests await it; the sidebar may re-query after it). */
  onRevalidate?: (refresh: Promise<Record<string, LinkResult>>) => void;
  /** A client to reuse (shares the serial queue and request count); built from fetch/userAgent/timeoutMs otherwise. */
  client?: WikiClient;
  /**
   * Load every card's lead sentences and fact labels now (default true: a complete answer, as the CLI wants). The
   * side panel passes false: the list is answered in three requests and each card's details come when it is opened
   * (linkDetails).
   */
  details?: boolean;
  /** Write what was fetched to the cache (default true); false for an article read in a private window (#18). */
  persist?: boolean;
}

function disabled(): LinkResult {
  return { status: 'error', reason: 'disabled', message: 'Look-ups are off in the settings: nothing was sent.' };
}

function clientOf(opts: Pick<LinkOptions, 'client' | 'fetch' | 'userAgent' | 'timeoutMs'>): WikiClient {
  return opts.client ?? createWikiClient({ fetch: opts.fetch, userAgent: opts.userAgent, timeoutMs: opts.timeoutMs });
}

function keysFor(e: EntityRef, lang: string, context: string, placeNames: string[]): { plain: string; withContext: string } {
  return { plain: resolutionKey(lang, e.name, e.type), withContext: resolutionKey(lang, e.name, e.type, contextTerms(e, context, placeNames)) };
}

const withStale = (card: KnowledgeCard, stale: boolean): KnowledgeCard => (stale ? { ...card, stale: true } : card);

/** Replaces cards in resolutions (results and cache entries) by their completed versions. */
function replaceCards(resolved: Map<string, Resolution>, completed: Map<string, KnowledgeCard>): void {
  const pick = (card: KnowledgeCard) => completed.get(`${card.lang}:${card.title}`) ?? card;
  for (const r of resolved.values()) {
    if (r.result.status === 'linked') r.result = { ...r.result, card: pick(r.result.card) };
    r.cache = r.cache.map((entry) => (entry.card ? { ...entry, card: pick(entry.card) } : entry));
  }
}

async function fetchAndStore(entities: EntityRef[], opts: LinkOptions, lang: string, client: WikiClient, forced?: Map<string, string>, details = opts.details ?? true): Promise<Map<string, Resolution>> {
  const now = (opts.now ?? Date.now)();
  const placeNames = opts.context ? entities.filter((e) => e.type === 'place').map((e) => e.name) : [];
  const knownLabels = (ids: string[]) => readLabels(opts.db, lang, ids);
  const resolved = await resolveEntities(entities, { client, endpoints: opts.endpoints, lang, context: opts.context, placeNames, now, forcedTitles: forced, knownLabels });
  const extra: CacheEntry[] = [];
  if (details) {
    const cards = [...resolved.values()].flatMap((r) => (r.result.status === 'linked' && !r.result.card.factsMissing ? [r.result.card] : []));
    if (cards.length > 0) {
      const done = await loadDetails(cards, { client, endpoints: opts.endpoints, lang, now, knownLabels });
      replaceCards(resolved, new Map(done.cards.map((c) => [`${c.lang}:${c.title}`, c])));
      extra.push(...done.labels);
    }
  }
  if (opts.persist !== false) await writeCache(opts.db, [...[...resolved.values()].flatMap((r) => r.cache), ...extra], now, opts.maxRecords ?? MAX_RECORDS);
  return resolved;
}

/** What the cache says about one entity name, or undefined when it has to be asked. */
function fromCache(name: KnowledgeRecord | undefined, titles: Map<string, KnowledgeRecord>, now: number, freshMs: number): { result: LinkResult; stale: boolean } | undefined {
  if (!name) return undefined;
  const stale = isStale(name, now, freshMs);
  if (name.target) {
    const title = titles.get(name.target);
    if (!title?.card) return undefined;
    const s = stale || isStale(title, now, freshMs);
    return { result: { status: 'linked', card: withStale(title.card, s), candidates: name.candidates, chosenByReader: false, ...(name.match ? { match: name.match } : {}) }, stale: s };
  }
  // A record of 0.1 kept the card itself (isStale says it is stale, so it is refreshed).
  if (name.card) return { result: { status: 'linked', card: withStale(name.card, stale), candidates: name.candidates, chosenByReader: false }, stale };
  return { result: { status: 'unlinked', reason: 'no-confident-match', candidates: name.candidates, ...(name.miss ? { miss: name.miss } : {}) }, stale };
}

/**
 * Background knowledge for an article's entities: the reader's remembered choices first, then the cache (a revisit
 * makes no request, a no-match included; stale entries are shown and refreshed afterwards), then Wikipedia and
 * Wikidata for the rest (three requests for an English article's whole list, see resolveEntities).
 */
export async function linkEntities(entities: EntityRef[], opts: LinkOptions): Promise<Record<string, LinkResult>> {
  const results: Record<string, LinkResult> = {};
  if (!opts.enabled) {
    for (const e of entities) results[e.id] = disabled();
    return results;
  }
  const now = (opts.now ?? Date.now)();
  const freshMs = opts.freshMs ?? FRESH_MS;
  const lang = wikiLang(opts.lang ?? 'en');
  const placeNames = entities.filter((e) => e.type === 'place').map((e) => e.name);
  const client = clientOf(opts);

  const choices = await readChoices(opts.db, opts.site, entities.map((e) => e.name));
  const keys = new Map(entities.map((e) => [e.id, keysFor(e, lang, opts.context, placeNames)]));
  const choiceKeys = [...choices.values()].filter((c) => c.title !== null).map((c) => titleKey(c.lang, c.title ?? ''));
  const records = await readCache(opts.db, [...keys.values()].flatMap((k) => [k.plain, k.withContext]));
  const targets = [...records.values()].map((r) => r.target).filter((t): t is string => t !== undefined);
  const titles = await readCache(opts.db, [...targets, ...choiceKeys]);

  const toFetch: EntityRef[] = [];
  const forced = new Map<string, string>();
  const toRefresh: EntityRef[] = [];
  for (const e of entities) {
    const k = keys.get(e.id);
    const record = k ? (records.get(k.withContext) ?? records.get(k.plain)) : undefined;
    const choice = choices.get(choiceName(e.name));
    if (choice) {
      if (choice.title === null) {
        results[e.id] = { status: 'unlinked', reason: 'reader-chose-none', candidates: record?.candidates ?? [] };
        continue;
      }
      const chosen = titles.get(titleKey(choice.lang, choice.title));
      if (chosen?.card) {
        results[e.id] = {
          status: 'linked',
          card: withStale(chosen.card, isStale(chosen, now, freshMs)),
          candidates: record?.candidates ?? chosen.candidates,
          chosenByReader: true,
          match: { method: 'reader', asked: choice.title },
        };
        continue;
      }
      forced.set(e.id, choice.title);
      toFetch.push(e);
      continue;
    }
    const cached = fromCache(record, titles, now, freshMs);
    if (cached) {
      results[e.id] = cached.result;
      if (cached.stale) toRefresh.push(e);
      continue;
    }
    toFetch.push(e);
  }

  if (toFetch.length > 0) {
    const resolved = await fetchAndStore(toFetch, opts, lang, client, forced);
    for (const e of toFetch) {
      const r = resolved.get(e.id)?.result;
      if (r) results[e.id] = r;
    }
  }

  if (toRefresh.length > 0 && opts.revalidate !== false) {
    const refresh = fetchAndStore(toRefresh, opts, lang, client).then((resolved) =>
      Object.fromEntries([...resolved.entries()].map(([id, r]) => [id, r.result])),
    );
    // Failures keep the stale entries (and are reported to whoever awaits the refresh).
    refresh.catch(() => undefined);
    opts.onRevalidate?.(refresh);
  }
  return results;
}

/**
 * What an opened card adds to the list's answer: its lead sentences and the labels its facts need, loaded once
 * (at most two requests) and kept with the cached card. `lang` and `title` are the card's own.
 */
export async function linkDetails(entity: EntityRef, card: { lang: string; title: string }, opts: Omit<LinkOptions, 'context'> & { context?: string }): Promise<LinkResult> {
  if (!opts.enabled) return disabled();
  // A MediaWiki title never holds these; '|' would even add titles to the batch.
  if (/[#<>[\]{}|]/.test(card.title)) return { status: 'error', reason: 'malformed', message: 'Not a Wikipedia title.' };
  const now = (opts.now ?? Date.now)();
  const lang = wikiLang(opts.lang ?? 'en');
  const key = titleKey(card.lang, card.title);
  const record = (await readCache(opts.db, [key])).get(key);
  const client = clientOf(opts);
  const linked = (c: KnowledgeCard, candidates: LinkCandidate[]): LinkResult => ({ status: 'linked', card: c, candidates, chosenByReader: false });
  if (record?.card?.detailed) return linked(record.card, record.candidates);
  const knownLabels = (ids: string[]) => readLabels(opts.db, lang, ids);
  if (!record?.card) {
    // Pruned since the list was answered (or never cached): look the title up as it is, details included.
    const resolved = await fetchAndStore([entity], { ...opts, context: opts.context ?? '' }, wikiLang(card.lang), client, new Map([[entity.id, card.title]]), true);
    const r = resolved.get(entity.id)?.result;
    return r ? { ...r, ...(r.status === 'linked' ? { chosenByReader: false } : {}) } : { status: 'unlinked', reason: 'no-confident-match', candidates: [] };
  }
  try {
    const done = await loadDetails([record.card], { client, endpoints: opts.endpoints, lang, now, knownLabels });
    const next = done.cards[0] ?? record.card;
    if (opts.persist !== false) {
      await updateCards(opts.db, [{ key, card: next }]);
      await writeCache(opts.db, done.labels, now, opts.maxRecords ?? MAX_RECORDS);
    }
    if (done.error && !next.detailed && next.extractHtml === null) return { status: 'error', reason: done.error.reason, message: done.error.message };
    return linked(next, record.candidates);
  } catch (err) {
    const e = err instanceof Error ? err.message : String(err);
    return { status: 'error', reason: 'malformed', message: e };
  }
}

/**
 * The reader corrects an entity's link: another candidate's title, or null for "none". The choice is remembered for
 * that name on that site and reused by linkEntities; the chosen article is fetched (or read from the cache) now,
 * with its details, since its card is open.
 */
export async function chooseLink(entity: EntityRef, title: string | null, opts: Omit<LinkOptions, 'context'> & { context?: string }): Promise<LinkResult> {
  const now = (opts.now ?? Date.now)();
  const lang = wikiLang(opts.lang ?? 'en');
  await saveChoice(opts.db, opts.site, entity.name, title, lang, now);
  const context = opts.context ?? '';
  // The candidates the reader chose from: the latest resolution of this name, with or without article context.
  const resolutions = await opts.db.knowledge.where('key').startsWith(resolutionKey(lang, entity.name, entity.type)).toArray();
  const candidates = resolutions.sort((a, b) => b.fetchedAt - a.fetchedAt)[0]?.candidates ?? [];
  if (title === null) return { status: 'unlinked', reason: 'reader-chose-none', candidates };
  const match = { method: 'reader' as const, asked: title };
  const cached = (await readCache(opts.db, [titleKey(lang, title)])).get(titleKey(lang, title));
  if (cached?.card) {
    const card = cached.card.detailed || !opts.enabled ? cached.card : await linkDetails(entity, cached.card, opts).then((r) => (r.status === 'linked' ? r.card : cached.card!));
    return { status: 'linked', card, candidates: candidates.length ? candidates : cached.candidates, chosenByReader: true, match };
  }
  if (!opts.enabled) return disabled();
  const resolved = await fetchAndStore([entity], { ...opts, context }, lang, clientOf(opts), new Map([[entity.id, title]]), true);
  const r = resolved.get(entity.id)?.result ?? { status: 'unlinked', reason: 'no-confident-match', candidates };
  if (r.status === 'linked') return { ...r, candidates: candidates.length ? candidates : r.candidates, chosenByReader: true, match };
  return r;
}
