import type { Endpoints } from '../settings/endpoints';
import { missingLabels, withLabels } from './buildCard';
import { labelKey, type CacheEntry } from './knowledgeCache';
import { KnowledgeError } from './knowledgeError';
import { extractProps, MAX_TITLES, queryPages } from './queryTitles';
import { sanitizeExtract } from './sanitizeExtract';
import type { KnowledgeCard } from './types';
import { fetchEntities } from './wikidataEntities';
import type { WikiClient } from './wikiClient';

/** What completing cards needs. */
export interface DetailsContext {
  client: WikiClient;
  endpoints: Endpoints;
  /** The article's Wikipedia language: labels are asked in it (then English) and remembered under it. */
  lang: string;
  now: number;
  /** Item labels remembered from earlier look-ups, so only the unknown ones are asked. */
  knownLabels?: (ids: string[]) => Promise<Map<string, string>>;
}

/** Completed cards (same order), the labels to remember, and the first failure when a part could not be loaded. */
export interface DetailsResult {
  cards: KnowledgeCard[];
  labels: CacheEntry[];
  error: KnowledgeError | null;
}

/**
 * What an opened card shows beyond the list: its lead sentences (Wikipedia, one request per language for any number
 * of cards, TextExtracts' 20-per-request continuation followed) and the labels of the items its facts refer to
 * (Wikidata, one request for up to 50 items). Opening one card costs at most these two requests, once: the result is
 * cached with the card. A card whose parts all loaded is marked `detailed`.
 */
export async function loadDetails(cards: readonly KnowledgeCard[], ctx: DetailsContext): Promise<DetailsResult> {
  let error: KnowledgeError | null = null;
  const fail = (err: unknown) => {
    error ??= err instanceof KnowledgeError ? err : new KnowledgeError('malformed', String(err));
  };
  const extracts = new Map<string, string | null>();
  let extractsOk = true;
  const wanting = cards.filter((c) => !c.detailed && c.extractHtml === null);
  for (const lang of new Set(wanting.map((c) => c.lang))) {
    const titles = [...new Set(wanting.filter((c) => c.lang === lang).map((c) => c.title))];
    for (let i = 0; i < titles.length; i += MAX_TITLES) {
      try {
        const { pages } = await queryPages(ctx.client, ctx.endpoints, lang, { ...extractProps(), redirects: '1', titles: titles.slice(i, i + MAX_TITLES).join('|') });
        for (const p of pages) extracts.set(`${lang}:${p.title}`, p.extract ? sanitizeExtract(p.extract) || null : null);
      } catch (err) {
        extractsOk = false;
        fail(err);
      }
    }
  }

  const wanted = [...new Set(cards.filter((c) => !c.detailed).flatMap(missingLabels))];
  const labels = new Map<string, string>();
  const entries: CacheEntry[] = [];
  let labelsOk = true;
  if (wanted.length > 0) {
    for (const [id, label] of (await ctx.knownLabels?.(wanted)) ?? []) labels.set(id, label);
    const unknown = wanted.filter((id) => !labels.has(id));
    if (unknown.length > 0) {
      try {
        const languages = [...new Set([ctx.lang, ...cards.map((c) => c.lang), 'en'])];
        const { items } = await fetchEntities(ctx.client, ctx.endpoints, unknown, ['labels'], languages);
        for (const item of items.values()) {
          if (item.label === null) continue;
          labels.set(item.id, item.label);
          entries.push({ key: labelKey(ctx.lang, item.id), card: null, candidates: [{ title: item.label, description: null, qid: item.id }] });
        }
      } catch (err) {
        labelsOk = false;
        fail(err);
      }
    }
  }

  const done = cards.map((card) => {
    if (card.detailed) return card;
    const key = `${card.lang}:${card.title}`;
    const extractHtml = card.extractHtml ?? extracts.get(key) ?? null;
    const next = withLabels({ ...card, extractHtml }, labels, ctx.now);
    // Labels Wikidata does not have (an item without a label in these languages) are not asked again and again.
    const complete = (card.extractHtml !== null || extracts.has(key) || extractsOk) && labelsOk;
    return complete ? { ...next, detailed: true } : next;
  });
  return { cards: done, labels: entries, error };
}
