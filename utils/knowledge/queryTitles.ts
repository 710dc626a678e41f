import type { Endpoints } from '../settings/endpoints';
import type { WikiClient } from './wikiClient';
import { actionApiUrl } from './wikiUrls';
import { mergeRawPages, parseQueryResponse, toWikiPage, type RawPage, type WikiPage } from './wikiPage';

/** What one asked-for title turned out to be. */
export type TitleOutcome = { kind: 'page'; page: WikiPage; redirected: boolean } | { kind: 'missing' } | { kind: 'invalid' };

/** The Action API's limit on `titles` per request for anonymous clients. */
export const MAX_TITLES = 50;
/** Continuations followed per batch (TextExtracts gives 20 extracts per request). */
const MAX_CONTINUATIONS = 4;

/**
 * The props every page look-up asks for: the list's description and thumbnail, coordinates, and pageprops to spot
 * disambiguation pages and read the Wikidata id. No lead sentences: TextExtracts gives at most 20 per request and
 * would need a continuation for a whole article; they are loaded when a card is opened (extractProps). Limits are
 * raised to their maxima where the defaults (colimit 10) would split a 50-title batch.
 */
export function pageProps(): Record<string, string> {
  return {
    prop: 'pageprops|description|pageimages|coordinates|info',
    ppprop: 'disambiguation|wikibase_item',
    piprop: 'thumbnail',
    pithumbsize: '320',
    pilimit: '50',
    colimit: 'max',
    inprop: 'url',
  };
}

/** The lead sentences of the pages asked for: the first two sentences of the intro, as HTML. */
export function extractProps(): Record<string, string> {
  return { prop: 'extracts', exintro: '1', exsentences: '2', exlimit: 'max' };
}

/**
 * True when a `continue` block finishes the props of the current batch (excontinue, cocontinue...). A bare generator
 * offset (gsroffset, gpsoffset) means "more search results", which we do not want: the first page is the best.
 */
export function continuesProps(cont: Record<string, string | number>): boolean {
  return Object.keys(cont).some((k) => k !== 'continue' && !/^(?:gsr|gps|sr)offset$/.test(k));
}

/** Fetches one Action API query and follows `continue` until batchcomplete, merging pages by title. */
export async function queryPages(
  client: WikiClient,
  endpoints: Endpoints,
  lang: string,
  params: Record<string, string>,
  /** Continuations to follow at most (0: one request, whatever is left out). */
  maxContinuations = MAX_CONTINUATIONS,
): Promise<{ pages: RawPage[]; normalized: Map<string, string>; redirects: Map<string, string> }> {
  const pages = new Map<string, RawPage>();
  const normalized = new Map<string, string>();
  const redirects = new Map<string, string>();
  let cont: Record<string, string> = {};
  for (let round = 0; round <= maxContinuations; round++) {
    const body = parseQueryResponse(await client.getJson(actionApiUrl(endpoints, lang, { ...params, ...cont })));
    for (const n of body.query?.normalized ?? []) normalized.set(n.from, n.to);
    for (const r of body.query?.redirects ?? []) redirects.set(r.from, r.to);
    for (const p of body.query?.pages ?? []) {
      const prev = pages.get(p.title);
      pages.set(p.title, prev ? mergeRawPages(prev, p) : p);
    }
    if (!body.continue || !continuesProps(body.continue)) break;
    cont = Object.fromEntries(Object.entries(body.continue).map(([k, value]) => [k, String(value)]));
  }
  return { pages: [...pages.values()], normalized, redirects };
}

/**
 * Looks titles up in as few requests as the API allows (≤ 50 titles each), resolving normalisation and redirects,
 * and says for every asked-for title whether it is an article, missing or invalid.
 */
export async function queryTitles(client: WikiClient, endpoints: Endpoints, lang: string, titles: string[]): Promise<Map<string, TitleOutcome>> {
  const unique = [...new Set(titles.map((t) => t.trim()).filter((t) => t.length > 0))];
  const out = new Map<string, TitleOutcome>();
  for (let i = 0; i < unique.length; i += MAX_TITLES) {
    const batch = unique.slice(i, i + MAX_TITLES);
    const { pages, normalized, redirects } = await queryPages(client, endpoints, lang, { ...pageProps(), redirects: '1', titles: batch.join('|') });
    const byTitle = new Map(pages.map((p) => [p.title, p]));
    for (const asked of batch) {
      let title = normalized.get(asked) ?? asked;
      let redirected = false;
      // Redirect chains are resolved by the API; a double redirect shows up as two hops.
      for (let hop = 0; hop < 3 && redirects.has(title); hop++) {
        title = redirects.get(title) ?? title;
        redirected = true;
      }
      const raw = byTitle.get(title);
      if (!raw || raw.invalid) {
        out.set(asked, { kind: raw?.invalid ? 'invalid' : 'missing' });
        continue;
      }
      const page = toWikiPage(raw);
      out.set(asked, page ? { kind: 'page', page, redirected } : { kind: 'missing' });
    }
  }
  return out;
}
