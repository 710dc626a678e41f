import type { Endpoints } from '../settings/endpoints';
import { contentWords, mentionWindows, searchTerms } from './articleContext';
import { buildCard, toCandidate } from './buildCard';
import { labelKey, resolutionKey, titleKey, type CacheEntry } from './knowledgeCache';
import { referencedIds, type LabelOf } from './keyFacts';
import { KnowledgeError } from './knowledgeError';
import { headMatch, pickCandidate, scoreCandidate, type ScoredCandidate } from './pickCandidate';
import { disambiguationCandidates } from './disambiguationCandidates';
import { MAX_TITLES, queryTitles, type TitleOutcome } from './queryTitles';
import { checkType, type TypeVerdict } from './typeCheck';
import type { KnowledgeCard, LinkResult, MatchInfo, MissReason } from './types';
import { fetchEntities, type WdEntity } from './wikidataEntities';
import type { WikiClient } from './wikiClient';
import type { WikiPage } from './wikiPage';
import type { EntityRef } from './entityRef';

export type { EntityRef } from './entityRef';

/** What the network pipeline needs. */
export interface ResolveContext {
  client: WikiClient;
  endpoints: Endpoints;
  /** Wikipedia language of the article ("en" when unknown). */
  lang: string;
  /** Article text, for context words. */
  context: string;
  /** Names of the article's place entities (context terms of the cache key). */
  placeNames: string[];
  now: number;
  /** Item labels remembered from earlier look-ups (offices, countries...). */
  knownLabels?: (ids: string[]) => Promise<Map<string, string>>;
  /** Titles the reader chose, by entity id: looked up as they are, no alias, disambiguation or type veto. */
  forcedTitles?: Map<string, string>;
}

/** One entity's outcome and what to cache for it. */
export interface Resolution {
  result: LinkResult;
  cache: CacheEntry[];
}

const MAX_ALIASES = 5;
const CANDIDATES_CHECKED = 4;
/** Context words named on a card as the reason for a choice. */
const MAX_REASON_WORDS = 4;

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

/** The context terms a name's cache key carries when its resolution depends on the article (a disambiguation). */
export function contextTerms(e: EntityRef, context: string, placeNames: string[]): string {
  return searchTerms(e.name, mentionWindows(context, lookupNames(e)), placeNames);
}

interface Hit {
  page: WikiPage;
  asked: string;
  redirected: boolean;
}

interface State {
  entity: EntityRef;
  names: string[];
  hit: Hit | null;
  /** The first disambiguation page one of the names led to. */
  disambiguation: Hit | null;
  pageLang: string;
  fellBack: boolean;
  terms: string;
  candidates: WikiPage[] | null;
  scored: ScoredCandidate[];
  error: KnowledgeError | null;
}

function firstArticle(names: string[], outcomes: Map<string, TitleOutcome>): { hit: Hit | null; disambiguation: Hit | null } {
  let disambiguation: Hit | null = null;
  for (const n of names) {
    const o = outcomes.get(n);
    if (o?.kind !== 'page') continue;
    const hit = { page: o.page, asked: n, redirected: o.redirected };
    if (o.page.disambiguation) {
      disambiguation ??= hit;
      continue;
    }
    return { hit, disambiguation };
  }
  return { hit: null, disambiguation };
}

function asError(err: unknown): KnowledgeError {
  return err instanceof KnowledgeError ? err : new KnowledgeError('malformed', String(err));
}

function errorResult(err: unknown): LinkResult {
  const e = asError(err);
  return { status: 'error', reason: e.reason, message: e.message };
}

/** The chosen candidate's context words, those no other candidate shares first (they are what decided). */
function tellingWords(chosen: ScoredCandidate, all: readonly ScoredCandidate[]): string[] {
  const others = (w: string) => all.filter((c) => c !== chosen && c.shared.includes(w)).length;
  return chosen.shared.map((w, i) => ({ w, i, n: others(w) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.w);
}

/**
 * The titles of one look-up, most useful first: every entity's name, then the aliases, within one batch of 50 when
 * the names leave room (an alias is worth a look-up, not a second request).
 */
function titlesToAsk(states: State[]): Set<string> {
  const names = [...new Set(states.map((s) => s.names[0]).filter((n): n is string => n !== undefined))];
  const aliases = [...new Set(states.flatMap((s) => s.names.slice(1)))].filter((n) => !names.includes(n));
  const room = Math.max(0, Math.ceil(Math.max(names.length, 1) / MAX_TITLES) * MAX_TITLES - names.length);
  return new Set([...names, ...aliases.slice(0, room)]);
}

/**
 * Links entities with as few requests as the APIs allow, in series: one batched title query (≤ 50 titles) in the
 * article's language, one in English for the names that language lacks, one for the articles that every ambiguous
 * name's disambiguation page lists, and one wbgetentities for every item. That is three for an English article.
 * Lead sentences and the labels of the items facts refer to are not asked here: the list does not show them, and
 * they come when the reader opens a card (details.ts), or straight after for callers that want them now.
 */
export async function resolveEntities(entities: EntityRef[], ctx: ResolveContext): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>();
  const forced = ctx.forcedTitles ?? new Map<string, string>();
  const states: State[] = entities.map((entity) => ({
    entity,
    names: forced.has(entity.id) ? [forced.get(entity.id) ?? entity.name] : lookupNames(entity),
    hit: null,
    disambiguation: null,
    pageLang: ctx.lang,
    fellBack: false,
    terms: contextTerms(entity, ctx.context, ctx.placeNames),
    candidates: null,
    scored: [],
    error: null,
  }));
  const asked = titlesToAsk(states);
  for (const s of states) s.names = s.names.filter((n) => asked.has(n));

  // 1. One batched title query in the article's language.
  try {
    const outcomes = await queryTitles(ctx.client, ctx.endpoints, ctx.lang, [...asked]);
    for (const s of states) Object.assign(s, firstArticle(s.names, outcomes));
  } catch (err) {
    for (const s of states) out.set(s.entity.id, { result: errorResult(err), cache: [] });
    return out;
  }

  // 2. English fallback for names the article's Wikipedia does not have at all.
  const missing = states.filter((s) => !s.hit && !s.disambiguation);
  if (ctx.lang !== 'en' && missing.length > 0) {
    try {
      const outcomes = await queryTitles(ctx.client, ctx.endpoints, 'en', [...new Set(missing.flatMap((s) => s.names))]);
      for (const s of missing) {
        const found = firstArticle(s.names, outcomes);
        if (found.hit || found.disambiguation) Object.assign(s, found, { pageLang: 'en', fellBack: true });
      }
    } catch (err) {
      for (const s of missing) s.error = asError(err);
    }
  }

  // 3. The candidates of every ambiguous name, one request per language: the articles their disambiguation pages
  //    list. Works ('other') are linked only by their exact title; a reader's choice is never second-guessed.
  const ambiguous = states.filter((s) => !s.hit && s.disambiguation && !s.error && !forced.has(s.entity.id) && s.entity.type !== 'other');
  for (const lang of new Set(ambiguous.map((s) => s.pageLang))) {
    const group = ambiguous.filter((s) => s.pageLang === lang);
    try {
      const pages = await disambiguationCandidates(ctx.client, ctx.endpoints, lang, group.map((s) => s.disambiguation?.page.title ?? ''));
      for (const s of group) s.candidates = pages;
    } catch (err) {
      for (const s of group) s.error = asError(err);
    }
  }

  // Pre-rank the candidates without Wikidata (title and context), so only the plausible ones are type-checked.
  const nearWords = new Map<string, Set<string>>();
  for (const s of states) {
    if (!s.candidates) continue;
    const names = lookupNames(s.entity);
    const near = contentWords(mentionWindows(ctx.context, names).join(' '));
    nearWords.set(s.entity.id, near);
    s.scored = s.candidates
      .map((p) => scoreCandidate(p, names, near, 'unknown'))
      .filter((c) => c.head > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, CANDIDATES_CHECKED);
  }

  // 4. One wbgetentities for every page's item. Labels come from what earlier look-ups remembered only.
  const pagesOf = (s: State) => (s.hit ? [s.hit.page] : s.scored.map((c) => c.page));
  const qids = states.flatMap((s) => pagesOf(s).map((p) => p.qid).filter((q): q is string => q !== null));
  const languages = [...new Set([ctx.lang, 'en'])];
  let items = new Map<string, WdEntity>();
  // Items whose entity could not be read at all: their cards go without facts, every other card keeps its own.
  let unreadable = new Set<string>();
  let wikidataFailed = false;
  const remembered = new Map<string, string>();
  if (qids.length > 0) {
    try {
      ({ items, unreadable } = await fetchEntities(ctx.client, ctx.endpoints, qids, ['labels', 'descriptions', 'claims'], languages));
    } catch (err) {
      // Cards still show Wikipedia's description and picture; facts come on the next try (nothing cached).
      if (!(err instanceof KnowledgeError)) throw err;
      wikidataFailed = true;
    }
  }
  if (items.size > 0 && ctx.knownLabels) {
    const refs = new Set<string>();
    for (const s of states) {
      for (const p of pagesOf(s)) {
        const item = p.qid ? items.get(p.qid) : undefined;
        if (item) for (const id of referencedIds(s.entity.type, item)) if (!items.has(id)) refs.add(id);
      }
    }
    if (refs.size > 0) for (const [id, label] of await ctx.knownLabels([...refs])) remembered.set(id, label);
  }
  const labelOf: LabelOf = (id) => items.get(id)?.label ?? remembered.get(id) ?? null;
  // Labels of the items fetched now are remembered for the next article (one small record per item and language).
  const labelEntries: CacheEntry[] = [...items.values()]
    .filter((item) => item.label !== null)
    .map((item) => ({ key: labelKey(ctx.lang, item.id), card: null, candidates: [{ title: item.label ?? '', description: item.description, qid: item.id }] }));
  const itemOf = (p: WikiPage) => (p.qid ? items.get(p.qid) : undefined);
  const verdictOf = (s: State, p: WikiPage): TypeVerdict => (wikidataFailed ? 'unknown' : checkType(s.entity.type, itemOf(p), labelOf));
  const cacheable = !wikidataFailed;

  for (const s of states) {
    const e = s.entity;
    const isForced = forced.has(e.id);
    if (s.error && !s.hit) {
      out.set(e.id, { result: errorResult(s.error), cache: [] });
      continue;
    }
    const card = (p: WikiPage, verdict: TypeVerdict): KnowledgeCard =>
      buildCard({
        page: p,
        lang: s.pageLang,
        fellBackToEnglish: s.fellBack,
        type: e.type,
        item: itemOf(p),
        labelOf,
        fictional: verdict === 'fictional',
        now: ctx.now,
        factsMissing: (wikidataFailed || unreadable.has(p.qid ?? '')) && p.qid !== null,
      });
    const unlinked = (key: string, miss: MissReason, candidates: ReturnType<typeof toCandidate>[], cache = cacheable): Resolution => ({
      result: { status: 'unlinked', reason: 'no-confident-match', candidates, miss },
      cache: cache ? [{ key, card: null, candidates, miss }] : [],
    });
    const linked = (key: string | null, c: KnowledgeCard, match: MatchInfo, candidates: ReturnType<typeof toCandidate>[], titleCandidates = candidates): Resolution => {
      const target = titleKey(s.pageLang, c.title);
      const cache: CacheEntry[] = cacheable && !c.factsMissing ? [{ key: target, card: c, candidates: titleCandidates }] : [];
      if (key && cache.length > 0) cache.push({ key, card: null, candidates, target, match });
      return { result: { status: 'linked', card: c, candidates, chosenByReader: isForced, match }, cache };
    };

    if (s.hit) {
      const { page } = s.hit;
      const verdict = verdictOf(s, page);
      const candidates = [toCandidate(page)];
      const key = resolutionKey(ctx.lang, e.name, e.type);
      if (verdict === 'mismatch' && !isForced) {
        out.set(e.id, unlinked(key, 'wrong-type', candidates));
        continue;
      }
      const match: MatchInfo = isForced
        ? { method: 'reader', asked: s.hit.asked }
        : { method: s.hit.redirected || s.hit.asked !== e.name ? 'redirect' : 'title', asked: s.hit.asked };
      out.set(e.id, linked(isForced ? null : key, card(page, verdict), match, candidates));
      continue;
    }

    if (!s.disambiguation || !s.candidates) {
      // No article by any of the names (or a work whose title is a disambiguation page): a no-match, remembered.
      const miss: MissReason = s.disambiguation ? 'ambiguous' : 'no-article';
      out.set(e.id, unlinked(resolutionKey(ctx.lang, e.name, e.type), miss, []));
      continue;
    }

    // A disambiguation page: choose among the articles it lists, or leave unlinked with the choice to the reader.
    const names = lookupNames(e);
    const near = nearWords.get(e.id) ?? new Set<string>();
    const scored = s.scored.map((c) => scoreCandidate(c.page, names, near, verdictOf(s, c.page)));
    const chosen = pickCandidate(scored);
    // Every candidate stays choosable (the entity finder may have the type wrong: "Hamilton" the musical as a
    // place), those of the wrong type last.
    const fits = (c: ScoredCandidate) => Number(c.verdict !== 'mismatch');
    const candidates = [...scored].sort((a, b) => fits(b) - fits(a) || b.score - a.score).map((c) => toCandidate(c.page));
    const key = resolutionKey(ctx.lang, e.name, e.type, s.terms);
    if (!chosen) {
      out.set(e.id, unlinked(key, 'ambiguous', candidates));
      continue;
    }
    const match: MatchInfo = {
      method: 'context',
      asked: s.disambiguation.asked,
      via: s.disambiguation.page.title,
      words: tellingWords(chosen, scored).slice(0, MAX_REASON_WORDS),
      candidates: s.candidates.filter((p) => headMatch(p.title, names) > 0).length,
    };
    out.set(e.id, linked(key, card(chosen.page, chosen.verdict), match, candidates, [toCandidate(chosen.page)]));
  }
  if (cacheable) {
    const first = [...out.values()].find((r) => r.result.status !== 'error');
    first?.cache.push(...labelEntries);
  }
  return out;
}
