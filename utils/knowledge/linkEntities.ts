import type { BackstoryDB, KnowledgeRecord } from '../db/schema';
import type { Endpoints } from '../settings/endpoints';
import { mentionWindows, searchTerms } from './articleContext';
import { FRESH_MS, isStale, MAX_RECORDS, nameKey, readCache, readLabels, titleKey, writeCache } from './knowledgeCache';
import { choiceName, readChoices, saveChoice } from './linkChoices';
import { lookupNames, resolveEntities, type EntityRef, type Resolution } from './resolveEntities';
import type { LinkResult } from './types';
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
  /** Api-User-Agent value: "Backstory/<version> (<url>)". */
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
  /** Write what was fetched to the cache (default true); false for an article read in a private window (#18). */
  persist?: boolean;
}

function disabled(): LinkResult {
  return { status: 'error', reason: 'disabled', message: 'Look-ups are off in the settings: nothing was sent.' };
}

function fromRecord(record: KnowledgeRecord, stale: boolean): LinkResult {
  if (!record.card) return { status: 'unlinked', reason: 'no-confident-match', candidates: record.candidates };
  const card = stale ? { ...record.card, stale: true } : record.card;
  return { status: 'linked', card, candidates: record.candidates, chosenByReader: false };
}

function keysFor(e: EntityRef, lang: string, context: string, placeNames: string[]): { plain: string; withContext: string } {
  const terms = searchTerms(e.name, mentionWindows(context, lookupNames(e)), placeNames);
  return { plain: nameKey(lang, e.name, e.type), withContext: nameKey(lang, e.name, e.type, terms) };
}

async function fetchAndStore(entities: EntityRef[], opts: LinkOptions, lang: string, client: WikiClient, forced?: Map<string, string>): Promise<Map<string, Resolution>> {
  const now = (opts.now ?? Date.now)();
  const placeNames = entities.filter((e) => e.type === 'place').map((e) => e.name);
  const resolved = await resolveEntities(entities, {
    client,
    endpoints: opts.endpoints,
    lang,
    context: opts.context,
    placeNames,
    now,
    forcedTitles: forced,
    knownLabels: (ids) => readLabels(opts.db, lang, ids),
  });
  if (opts.persist !== false) await writeCache(opts.db, [...resolved.values()].flatMap((r) => r.cache), now, opts.maxRecords ?? MAX_RECORDS);
  return resolved;
}

/**
 * Background knowledge for an article's entities: the reader's remembered choices first, then the cache (a revisit
 * makes no request; stale entries are shown and refreshed afterwards), then Wikipedia/Wikidata for the rest.
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
  const client = opts.client ?? createWikiClient({ fetch: opts.fetch, userAgent: opts.userAgent, timeoutMs: opts.timeoutMs });

  const choices = await readChoices(opts.db, opts.site, entities.map((e) => e.name));
  const keys = new Map(entities.map((e) => [e.id, keysFor(e, lang, opts.context, placeNames)]));
  const choiceKeys = [...choices.values()].filter((c) => c.title !== null).map((c) => titleKey(c.lang, c.title ?? ''));
  const records = await readCache(opts.db, [...[...keys.values()].flatMap((k) => [k.plain, k.withContext]), ...choiceKeys]);

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
      const chosen = records.get(titleKey(choice.lang, choice.title));
      if (chosen?.card) {
        const card = isStale(chosen, now, freshMs) ? { ...chosen.card, stale: true } : chosen.card;
        results[e.id] = { status: 'linked', card, candidates: record?.candidates ?? chosen.candidates, chosenByReader: true };
        continue;
      }
      forced.set(e.id, choice.title);
      toFetch.push(e);
      continue;
    }
    if (record) {
      const stale = isStale(record, now, freshMs);
      results[e.id] = fromRecord(record, stale);
      if (stale) toRefresh.push(e);
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
 * The reader corrects an entity's link: another candidate's title, or null for "none". The choice is remembered for
 * that name on that site and reused by linkEntities; the chosen article is fetched (or read from the cache) now.
 */
export async function chooseLink(entity: EntityRef, title: string | null, opts: Omit<LinkOptions, 'context'> & { context?: string }): Promise<LinkResult> {
  const now = (opts.now ?? Date.now)();
  const lang = wikiLang(opts.lang ?? 'en');
  await saveChoice(opts.db, opts.site, entity.name, title, lang, now);
  const context = opts.context ?? '';
  // The candidates the reader chose from: the latest resolution of this name, with or without article context.
  const resolutions = await opts.db.knowledge.where('key').startsWith(nameKey(lang, entity.name, entity.type)).toArray();
  const candidates = resolutions.sort((a, b) => b.fetchedAt - a.fetchedAt)[0]?.candidates ?? [];
  const previous = await readCache(opts.db, title ? [titleKey(lang, title)] : []);
  if (title === null) return { status: 'unlinked', reason: 'reader-chose-none', candidates };
  const cached = previous.get(titleKey(lang, title));
  if (cached?.card) return { status: 'linked', card: cached.card, candidates: candidates.length ? candidates : cached.candidates, chosenByReader: true };
  if (!opts.enabled) return disabled();
  const client = opts.client ?? createWikiClient({ fetch: opts.fetch, userAgent: opts.userAgent, timeoutMs: opts.timeoutMs });
  const resolved = await fetchAndStore([entity], { ...opts, context }, lang, client, new Map([[entity.id, title]]));
  const r = resolved.get(entity.id)?.result ?? { status: 'unlinked', reason: 'no-confident-match', candidates };
  if (r.status === 'linked') return { ...r, candidates: candidates.length ? candidates : r.candidates };
  return r;
}
