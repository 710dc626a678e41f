import type { Endpoints } from '../settings/endpoints';
import { extractProps, pageProps, queryPages } from './queryTitles';
import type { WikiClient } from './wikiClient';
import { toWikiPage, type WikiPage } from './wikiPage';

/** Disambiguation pages per request: the Action API's limit on `titles`. */
const MAX_PAGES = 50;

/**
 * The articles that disambiguation pages list, for every ambiguous name of an article at once: one request
 * (`generator=links` over all the pages, with the same props as a title look-up plus the lead sentences the context
 * is compared with). One search per name would cost a request each; the pages' links are the candidates a reader
 * would pick from anyway. The first answer is used as it is: the 500-link and 20-extract limits are not continued
 * (candidates without lead sentences are compared by their description).
 */
export async function disambiguationCandidates(client: WikiClient, endpoints: Endpoints, lang: string, pages: string[]): Promise<WikiPage[]> {
  const unique = [...new Set(pages)];
  const out = new Map<string, WikiPage>();
  for (let i = 0; i < unique.length; i += MAX_PAGES) {
    const { pages: raw } = await queryPages(
      client,
      endpoints,
      lang,
      {
        ...pageProps(),
        ...extractProps(),
        prop: `${pageProps().prop}|extracts`,
        generator: 'links',
        gplnamespace: '0',
        gpllimit: 'max',
        redirects: '1',
        titles: unique.slice(i, i + MAX_PAGES).join('|'),
      },
      0,
    );
    for (const p of raw.map(toWikiPage)) if (p && !p.disambiguation) out.set(p.title, p);
  }
  return [...out.values()];
}
