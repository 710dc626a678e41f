import type { Entity } from '../entities/types';
import type { Endpoints } from '../settings/endpoints';
import { contentWords, mentionWindows, searchTerms } from './articleContext';
import { buildCard, toCandidate } from './buildCard';
import { labelKey, nameKey, titleKey, type CacheEntry } from './knowledgeCache';
import { referencedIds, type LabelOf } from './keyFacts';
import { KnowledgeError } from './knowledgeError';
import { pickCandidate, scoreCandidate, type ScoredCandidate } from './pickCandidate';
import { queryTitles, type TitleOutcome } from './queryTitles';
import { searchPages } from './searchPages';
import { checkType, type TypeVerdict } from './typeCheck';
import type { LinkResult } from './types';
import { fetchEntities, type WdEntity } from './wikidataEntities';
import type { WikiClient } from './wikiClient';
import type { WikiPage } from './wikiPage';

/** The part of an entity that linking uses. */
export type EntityRef = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;

/** What the network pipeline needs. */
export interface ResolveContext {
  client: WikiClient;
  endpoints: Endpoints;
  /** Wikipedia language of the article ("en" when unknown). */
  lang: string;
  /** Article text, for context words. */
  context: string;
  /** Names of the article's place entities (search context). */
  placeNames: string[];
  now: number;
  /** Searches per call at most (each is a request): the rest stay unlinked with "no confident match". */
  maxSearches?: number;
  /** Item labels remembered from earlier look-ups (offices, countries...), so the label request can be skipped. */
  knownLabels?: (ids: string[]) => Promise<Map<string, string>>;
  /** Titles the reader chose, by entity id: looked up as they are, no alias, search or type veto. */
  forcedTitles?: Map<string, string>;
}

/** One entity's outcome and what to cache for it. */
export interface Resolution {
  result: LinkResult;
  cache: CacheEntry[];
}

const MAX_ALIASES = 5;
const CANDIDATES_CHECKED = 4;

/** Names worth a title look-up: the name first, then aliases that are not possessives or fragments. */
export function lookupNames(e: EntityRef): string[] {
  const aliases = e.aliases.filter((a) => a !== e.name && a.trim().length > 2 && !/['’]s$/i.test(a.trim()) && !/^(the|a|an)\s/i.test(a.trim()));
  // Titles are case-sensitive after the first letter: a byline or dateline in capitals ("NINA L. KHRUSHCHEVA",
  // "MOSCOW") is looked up as "Nina L. Khrushcheva" too.
  const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s.-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  const caps = [e.name, ...aliases].filter((n) => /\p{L}/u.test(n) && n === n.toUpperCase()).map(titleCase);
  // '|' would split the batched `titles` value, and MediaWiki titles cannot contain these characters anyway.
  return [...new Set([e.name, ...aliases.slice(0, MAX_ALIASES), ...caps])].filter((n) => !/[#<>[\]{}|]/.test(n));
}

interface State {
  entity: EntityRef;
  names: string[];
  page: WikiPage | null;
  pageLang: string;
  fellBack: boolean;
  sawDisambiguation: boolean;
  terms: string;
  search: WikiPage[] | null;
  scored: ScoredCandidate[];
  error: KnowledgeError | null;
}

function firstArticle(names: string[], outcomes: Map<string, TitleOutcome>): { page: WikiPage | null; sawDisambiguation: boolean } {
  let sawDisambiguation = false;
  for (const n of names) {
    const o = outcomes.get(n);
    if (o?.kind !== 'page') continue;
    if (o.page.disambiguation) {
      sawDisambiguation = true;
      continue;
    }
    return { page: o.page, sawDisambiguation };
  }
  return { page: null, sawDisambiguation };
}

function errorResult(err: unknown): LinkResult {
  const e = err instanceof KnowledgeError ? err : new KnowledgeError('malformed', String(err));
  return { status: 'error', reason: e.reason, message: e.message };
}

/**
 * Links entities with as few requests as the APIs allow, in series: one batched title query (≤ 50 titles, with
 * continuation for TextExtracts' 20-extract cap), an English query for names the article's Wikipedia lacks, one
 * search per ambiguous name, one wbgetentities for every candidate item, one for the labels the facts refer to.
 */
export async function resolveEntities(entities: EntityRef[], ctx: ResolveContext): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>();
  const forced = ctx.forcedTitles ?? new Map<string, string>();
  const states: State[] = entities.map((entity) => {
    const names = forced.has(entity.id) ? [forced.get(entity.id) ?? entity.name] : lookupNames(entity);
    const windows = mentionWindows(ctx.context, lookupNames(entity));
    return {
      entity,
      names,
      page: null,
      pageLang: ctx.lang,
      fellBack: false,
      sawDisambiguation: false,
      terms: searchTerms(entity.name, windows, ctx.placeNames),
      search: null,
      scored: [],
      error: null,
    };
  });

  // 1. One batched title query in the article's language.
  try {
    const outcomes = await queryTitles(ctx.client, ctx.endpoints, ctx.lang, states.flatMap((s) => s.names));
    for (const s of states) Object.assign(s, firstArticle(s.names, outcomes));
  } catch (err) {
    for (const s of states) out.set(s.entity.id, { result: errorResult(err), cache: [] });
    return out;
  }

  // 2. English fallback for names the article's Wikipedia does not have at all.
  const missing = states.filter((s) => !s.page && !s.sawDisambiguation);
  if (ctx.lang !== 'en' && missing.length > 0) {
    try {
      const outcomes = await queryTitles(ctx.client, ctx.endpoints, 'en', missing.flatMap((s) => s.names));
      for (const s of missing) {
        const found = firstArticle(s.names, outcomes);
        if (found.page || found.sawDisambiguation) Object.assign(s, found, { pageLang: 'en', fellBack: true });
      }
    } catch (err) {
      for (const s of missing) s.error = err instanceof KnowledgeError ? err : new KnowledgeError('malformed', String(err));
    }
  }

  // 3. A search with context words for names that are ambiguous or missing (never for a reader's choice).
  let searches = 0;
  for (const s of states) {
    // Works and other things are linked only when their exact title exists: a search each would cost a request
    // per article for what readers look up least.
    if (s.page || s.error || forced.has(s.entity.id) || s.entity.type === 'other') continue;
    // Over budget: unlinked for now and not cached, so the next visit tries again.
    if (searches >= (ctx.maxSearches ?? 8)) continue;
    searches++;
    try {
      const pages = await searchPages(ctx.client, ctx.endpoints, s.pageLang, s.terms);
      s.search = pages.filter((p) => !p.disambiguation);
    } catch (err) {
      s.error = err instanceof KnowledgeError ? err : new KnowledgeError('malformed', String(err));
    }
  }

  // Pre-rank search candidates without Wikidata, so only the plausible ones are type-checked.
  const nearWords = new Map<string, Set<string>>();
  for (const s of states) {
    if (!s.search) continue;
    const near = contentWords(mentionWindows(ctx.context, lookupNames(s.entity)).join(' '));
    nearWords.set(s.entity.id, near);
    s.scored = s.search
      .map((p) => scoreCandidate(p, lookupNames(s.entity), near, 'unknown'))
      .sort((a, b) => b.score - a.score)
      .slice(0, CANDIDATES_CHECKED);
  }

  // 4. One wbgetentities for every page's item; 5. one for the labels that facts and type checks refer to.
  const pagesOf = (s: State) => (s.page ? [s.page] : s.scored.map((c) => c.page));
  const qids = states.flatMap((s) => pagesOf(s).map((p) => p.qid).filter((q): q is string => q !== null));
  const languages = [ctx.lang, 'en'];
  let items = new Map<string, WdEntity>();
  let labels = new Map<string, WdEntity>();
  // Items whose entity could not be read at all: their cards go without facts, every other card keeps its own.
  let unreadable = new Set<string>();
  let wikidataFailed = false;
  const knownLabels = new Map<string, string>();
  if (qids.length > 0) {
    try {
      ({ items, unreadable } = await fetchEntities(ctx.client, ctx.endpoints, qids, ['labels', 'descriptions', 'claims'], languages));
      const refs = new Set<string>();
      for (const s of states) {
        for (const p of pagesOf(s)) {
          const item = p.qid ? items.get(p.qid) : undefined;
          if (item) for (const id of referencedIds(s.entity.type, item)) if (!items.has(id)) refs.add(id);
        }
      }
      const remembered = refs.size > 0 && ctx.knownLabels ? await ctx.knownLabels([...refs]) : new Map<string, string>();
      for (const [id, label] of remembered) {
        knownLabels.set(id, label);
        refs.delete(id);
      }
      if (refs.size > 0) labels = (await fetchEntities(ctx.client, ctx.endpoints, refs, ['labels'], languages)).items;
    } catch (err) {
      // Cards still show Wikipedia's description, picture and lead; facts come on the next try (nothing cached).
      if (!(err instanceof KnowledgeError)) throw err;
      wikidataFailed = true;
    }
  }
  const labelOf: LabelOf = (id) => items.get(id)?.label ?? labels.get(id)?.label ?? knownLabels.get(id) ?? null;
  // Labels fetched now are remembered for the next article (a label is one small record per item and language).
  const labelEntries: CacheEntry[] = [...items.values(), ...labels.values()]
    .filter((item) => item.label !== null)
    .map((item) => ({ key: labelKey(ctx.lang, item.id), card: null, candidates: [{ title: item.label ?? '', description: item.description, qid: item.id }] }));
  let labelsAttached = false;
  const itemOf = (p: WikiPage) => (p.qid ? items.get(p.qid) : undefined);
  const verdictOf = (s: State, p: WikiPage): TypeVerdict => (wikidataFailed ? 'unknown' : checkType(s.entity.type, itemOf(p), labelOf));

  for (const s of states) {
    const e = s.entity;
    const isForced = forced.has(e.id);
    if (s.error && !s.page) {
      out.set(e.id, { result: errorResult(s.error), cache: [] });
      continue;
    }
    const card = (p: WikiPage, verdict: TypeVerdict) =>
      buildCard({ page: p, lang: s.pageLang, fellBackToEnglish: s.fellBack, type: e.type, item: itemOf(p), labelOf, fictional: verdict === 'fictional', now: ctx.now, factsMissing: (wikidataFailed || unreadable.has(p.qid ?? '')) && p.qid !== null });
    const cacheable = !wikidataFailed;

    if (s.page) {
      const verdict = verdictOf(s, s.page);
      const candidates = [toCandidate(s.page)];
      const key = nameKey(ctx.lang, e.name, e.type);
      if (verdict === 'mismatch' && !isForced) {
        out.set(e.id, { result: { status: 'unlinked', reason: 'no-confident-match', candidates }, cache: cacheable ? [{ key, card: null, candidates }] : [] });
        continue;
      }
      const c = card(s.page, verdict);
      const cache: CacheEntry[] = cacheable ? [{ key: titleKey(s.pageLang, s.page.title), card: c, candidates }] : [];
      if (cacheable && !isForced) cache.push({ key, card: c, candidates });
      out.set(e.id, { result: { status: 'linked', card: c, candidates, chosenByReader: isForced }, cache });
      continue;
    }

    // Disambiguation or missing: choose among the search candidates, or leave unlinked.
    const near = nearWords.get(e.id) ?? new Set<string>();
    const scored = s.scored.map((c) => scoreCandidate(c.page, lookupNames(e), near, verdictOf(s, c.page)));
    // A name with no page of its own (not even a disambiguation page) is often someone Wikipedia does not cover:
    // ask for more agreement with the article before linking it to a namesake.
    const chosen = pickCandidate(scored, s.sawDisambiguation ? 1 : 2);
    const candidates = scored.sort((a, b) => b.score - a.score).map((c) => toCandidate(c.page));
    const key = nameKey(ctx.lang, e.name, e.type, s.terms);
    if (!chosen) {
      out.set(e.id, { result: { status: 'unlinked', reason: 'no-confident-match', candidates }, cache: cacheable && s.search !== null ? [{ key, card: null, candidates }] : [] });
      continue;
    }
    const c = card(chosen.page, chosen.verdict);
    out.set(e.id, {
      result: { status: 'linked', card: c, candidates, chosenByReader: false },
      cache: cacheable ? [{ key, card: c, candidates }, { key: titleKey(s.pageLang, chosen.page.title), card: c, candidates: [toCandidate(chosen.page)] }] : [],
    });
  }
  if (!wikidataFailed) {
    for (const r of out.values()) {
      if (r.result.status === 'error' || labelsAttached) continue;
      r.cache.push(...labelEntries);
      labelsAttached = true;
    }
  }
  return out;
}
